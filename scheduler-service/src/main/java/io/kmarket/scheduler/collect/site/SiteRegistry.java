package io.kmarket.scheduler.collect.site;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.kmarket.scheduler.collect.config.CollectConfig;

/**
 * The sites of ops.sites/ops.site_config, re-read when older than {@code kmarket.collect.site-refresh}: an
 * operator's row change applies without a restart. A site whose config changed keeps its runtime, which applies the
 * edit in place (see {@link SiteRuntime#reconfigure}): its circuit, adaptive rate, limiter history and login session
 * survive, and no second runtime ever admits requests beside it.
 */
@ApplicationScoped
public class SiteRegistry {

    private static final Logger LOG = Logger.getLogger(SiteRegistry.class);
    private static final String SELECT_SITES = """
            SELECT s.code, s.tier, s.reliability, s.active, c.access_method, c.rate_limit_per_minute,
                   c.rate_limit_per_second, c.burst,
                   c.max_concurrency, c.timeout_ms, c.retry_preset, c.requires_keys, c.user_agent
              FROM ops.sites s JOIN ops.site_config c ON c.site_code = s.code""";
    private static final String SELECT_LIMITS = """
            SELECT site_code, current_rate_per_minute,
                   CASE WHEN upper(circuit_state) = 'OPEN' THEN circuit_open_until END AS blocked_until
              FROM ops.site_health_status""";

    private final AgroalDataSource dataSource;
    private final CollectConfig config;
    private final CollectMetrics metrics;
    private final Clock clock;
    private final UpstreamLease lease;
    private final Semaphore global;
    private final Map<String, SiteRuntime> runtimes = new ConcurrentHashMap<>();
    private volatile long loadedAtNanos;
    private volatile boolean loaded;

    SiteRegistry(AgroalDataSource dataSource, CollectConfig config, CollectMetrics metrics, Clock clock,
            UpstreamLease lease) {
        this.dataSource = dataSource;
        this.lease = lease;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
        this.global = new Semaphore(config.globalConcurrency(), true);
    }

    /** The site's runtime, or empty when ops.sites has no such site. */
    public Optional<SiteRuntime> site(String code) {
        refreshIfStale();
        return Optional.ofNullable(runtimes.get(code));
    }

    public Collection<SiteRuntime> sites() {
        refreshIfStale();
        return runtimes.values();
    }

    private void refreshIfStale() {
        if (stale()) {
            synchronized (this) {
                // Many tasks notice staleness at once; only the first of them reads the database.
                if (stale()) {
                    refresh();
                }
            }
        }
    }

    private boolean stale() {
        return !loaded || System.nanoTime() - loadedAtNanos > config.siteRefresh().toNanos();
    }

    /** Re-reads every site now. */
    public synchronized void refresh() {
        Map<String, SiteConfig> current = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(SELECT_SITES)) {
            while (rs.next()) {
                SiteConfig site = new SiteConfig(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getBoolean(4),
                        rs.getString(5), rs.getInt(6), rs.getObject(7, Integer.class), rs.getInt(8), rs.getInt(9),
                        rs.getInt(10), RetryPreset.valueOf(rs.getString(11)), rs.getBoolean(12), rs.getString(13));
                current.put(site.code(), site);
            }
        } catch (SQLException e) {
            if (loaded) {
                // Keep collecting with the last known configuration rather than stopping every site.
                LOG.warnf("Could not re-read ops.site_config, keeping the previous configuration: %s", e.getMessage());
                loadedAtNanos = System.nanoTime();
                return;
            }
            throw new IllegalStateException("Cannot read the site registry", e);
        }
        runtimes.keySet().retainAll(current.keySet());
        current.values().forEach(this::apply);
        loadedAtNanos = System.nanoTime();
        loaded = true;
    }

    /**
     * Adopts each site's adaptive rate and block as the last leader recorded them with the site's health (a new
     * leader calls it before it fires anything). A failure to read leaves the limits as they are, and says so.
     */
    public void adoptRecordedLimits() {
        refreshIfStale();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(SELECT_LIMITS)) {
            while (rs.next()) {
                SiteRuntime runtime = runtimes.get(rs.getString(1));
                Double rate = rs.getObject(2, Double.class);
                Timestamp blocked = rs.getTimestamp(3);
                Instant blockedUntil = blocked == null || !blocked.toInstant().isAfter(clock.instant()) ? null
                        : blocked.toInstant();
                if (runtime != null) {
                    runtime.adopt(rate, blockedUntil);
                    if (blockedUntil != null) {
                        LOG.infof("Site %s stays blocked until %s, as the last leader recorded", runtime.code(),
                                blockedUntil);
                    }
                }
            }
        } catch (SQLException e) {
            LOG.warnf("Could not read the sites' recorded limits, keeping this instance's: %s", e.getMessage());
        }
    }

    private void apply(SiteConfig site) {
        SiteRuntime existing = runtimes.get(site.code());
        if (existing != null && existing.config().equals(site)) {
            return;
        }
        if (existing != null) {
            LOG.infof("Site %s configuration changed, applying it in place: %s", site.code(), site);
            existing.reconfigure(site);
            return;
        }
        metrics.siteGauges(site.code(), runtimes, r -> circuitValue(r.get(site.code())),
                r -> rateValue(r.get(site.code())));
        runtimes.put(site.code(), new SiteRuntime(site, global, metrics, config, clock, lease));
    }

    private static double rateValue(SiteRuntime runtime) {
        return runtime == null ? Double.NaN : runtime.currentRatePerMinute();
    }

    private static double circuitValue(SiteRuntime runtime) {
        if (runtime == null) {
            return Double.NaN;
        }
        return switch (runtime.circuit()) {
            case CLOSED -> 0;
            case HALF_OPEN -> 1;
            case OPEN -> 2;
        };
    }
}
