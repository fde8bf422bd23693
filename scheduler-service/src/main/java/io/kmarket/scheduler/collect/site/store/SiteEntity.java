package io.kmarket.scheduler.collect.site.store;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.CurrentTimestamp;
import org.hibernate.annotations.SourceType;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A row of ops.sites: an upstream and what it is worth (tier, reliability), and whether it is collected at all.
 * Only {@link SiteStore} uses it. Operators edit these rows; updated_at is the database's time of the last change,
 * as the column default is.
 */
@Entity
@Table(schema = "ops", name = "sites")
public class SiteEntity extends PanacheEntityBase {

    @Id
    public String code;

    public short tier;

    @Column(name = "name_ko")
    public String nameKo;

    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "base_url")
    public String baseUrl;

    public String category;

    public short reliability;

    public boolean active;

    public boolean official;

    @CurrentTimestamp(source = SourceType.DB)
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
