package io.kmarket.scheduler.collect.site.store;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.CurrentTimestamp;
import org.hibernate.annotations.SourceType;

import io.kmarket.scheduler.collect.site.RetryPreset;
import io.kmarket.scheduler.collect.site.SiteConfig;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A row of ops.site_config: how a site is reached and how hard (its limits, timeout, retry preset), keyed by its
 * ops.sites row. Only {@link SiteStore} uses it; callers get the {@link SiteConfig} record, which joins the two.
 */
@Entity
@Table(schema = "ops", name = "site_config")
public class SiteConfigEntity extends PanacheEntityBase {

    @Id
    @Column(name = "site_code")
    public String siteCode;

    @MapsId
    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "site_code")
    public SiteEntity site;

    @Column(name = "access_method")
    public String accessMethod;

    @Column(name = "rate_limit_per_minute")
    public int rateLimitPerMinute;

    /** Null: no per-second limit of the site's own (see {@link SiteConfig}). */
    @Column(name = "rate_limit_per_second")
    public Integer rateLimitPerSecond;

    public int burst;

    @Column(name = "max_concurrency")
    public int maxConcurrency;

    @Column(name = "timeout_ms")
    public int timeoutMs;

    @Enumerated(EnumType.STRING)
    @Column(name = "retry_preset")
    public RetryPreset retryPreset;

    @Column(name = "requires_keys")
    public boolean requiresKeys;

    @Column(name = "user_agent")
    public String userAgent;

    @Column(name = "health_check_url")
    public String healthCheckUrl;

    @CurrentTimestamp(source = SourceType.DB)
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    SiteConfig view() {
        return new SiteConfig(site.code, site.tier, site.reliability, site.active, accessMethod, rateLimitPerMinute,
                rateLimitPerSecond, burst, maxConcurrency, timeoutMs, retryPreset, requiresKeys, userAgent);
    }
}
