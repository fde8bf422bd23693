package io.kmarket.scheduler.collect.site;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.kmarket.kit.jdbc.DataAccessException;
import io.kmarket.scheduler.collect.config.CollectConfig;
import io.kmarket.scheduler.collect.site.store.SiteStore;

/**
 * The sites of ops.sites/ops.site_config ({@link SiteStore}), re-read when older than
 * {@code kmarket.collect.site-refresh}: an operator's row change applies without a restart. A site whose config
 * changed keeps its runtime, which applies the edit in place (see {@link SiteRuntime#reconfigure}): its circuit,
 * adaptive rate, limiter history and login session survive, and no second runtime ever admits requests beside it.
 */
@ApplicationScoped
public class SiteRegistry {

    private static final Logger LOG = Logger.getLogger(SiteRegistry.class);

    private final SiteStore store;
    private final CollectConfig config;
    private final CollectMetrics metrics;
    private final Clock clock;
    private final UpstreamLease lease;
    private final Semaphore global;
    private final Map<String, SiteRuntime> runtimes = new ConcurrentHashMap<>();
    private volatile long loadedAtNanos;
    private volatile boolean loaded;

    SiteRegistry(SiteStore store, CollectConfig config, CollectMetrics metrics, Clock clock, UpstreamLease lease) {
        this.store = store;
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
        Map<String, SiteConfig> current;
        try {
            current = store.sites();
        } catch (DataAccessException e) {
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
        try {
            for (SiteStore.RecordedLimits recorded : store.recordedLimits()) {
                SiteRuntime runtime = runtimes.get(recorded.site());
                Instant blocked = recorded.circuitOpenUntil();
                Instant blockedUntil = blocked == null || !blocked.isAfter(clock.instant()) ? null : blocked;
                if (runtime != null) {
                    runtime.adopt(recorded.ratePerMinute(), blockedUntil);
                    if (blockedUntil != null) {
                        LOG.infof("Site %s stays blocked until %s, as the last leader recorded", runtime.code(),
                                blockedUntil);
                    }
                }
            }
        } catch (DataAccessException e) {
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
