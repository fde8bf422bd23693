package io.kmarket.scheduler.collect.site.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.kit.jdbc.DataAccessException;
import io.kmarket.kit.jdbc.Jdbc;
import io.kmarket.scheduler.collect.site.SiteConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Reads ops.sites with ops.site_config (entities: {@link SiteEntity}, {@link SiteConfigEntity}), and the limits the
 * last leader recorded in ops.site_health_status. Every database failure is a {@link DataAccessException}, that of
 * the entities too: the registry decides whether to keep what it already knows.
 */
@ApplicationScoped
public class SiteStore {

    /** A site's adaptive rate and the end of its open circuit as recorded; either may be null. */
    public record RecordedLimits(String site, Double ratePerMinute, Instant circuitOpenUntil) {
    }

    private static final String SELECT_SITES = "from SiteConfigEntity c join fetch c.site";

    private final Jdbc jdbc;

    SiteStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Every site with its configuration, by code; a site without an ops.site_config row is not one. */
    public Map<String, SiteConfig> sites() {
        try {
            return QuarkusTransaction.joiningExisting().call(() -> SiteConfigEntity
                    .<SiteConfigEntity>list(SELECT_SITES).stream().map(SiteConfigEntity::view)
                    .collect(Collectors.toMap(SiteConfig::code, Function.identity())));
        } catch (RuntimeException e) {
            throw DataAccessException.fromCauseOf(SELECT_SITES, e);
        }
    }

    /**
     * Plain SQL rather than an entity: ops.site_health_status is written by one upsert per task
     * ({@link io.kmarket.scheduler.collect.store.ExecutionRecorder#health}), and this reads two of its columns.
     */
    public List<RecordedLimits> recordedLimits() {
        return jdbc.query("""
                SELECT site_code, current_rate_per_minute,
                       CASE WHEN upper(circuit_state) = 'OPEN' THEN circuit_open_until END AS blocked_until
                  FROM ops.site_health_status""",
                row -> new RecordedLimits(row.getString(1), Jdbc.nullableDouble(row, 2),
                        Jdbc.instant(row, "blocked_until")));
    }
}
