package io.kmarket.scheduler.collect.site.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.kmarket.scheduler.collect.site.RetryPreset;
import io.kmarket.scheduler.collect.site.SiteConfig;

/**
 * Reads ops.sites with ops.site_config, and the limits the last leader recorded in ops.site_health_status. Failures
 * surface as {@link SQLException}: the registry decides whether to keep what it already knows.
 */
@ApplicationScoped
public class SiteStore {

    /** A site's adaptive rate and the end of its open circuit as recorded; either may be null. */
    public record RecordedLimits(String site, Double ratePerMinute, Instant circuitOpenUntil) {
    }

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

    SiteStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every site with its configuration, by code. */
    public Map<String, SiteConfig> sites() throws SQLException {
        Map<String, SiteConfig> sites = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(SELECT_SITES)) {
            while (rs.next()) {
                SiteConfig site = new SiteConfig(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getBoolean(4),
                        rs.getString(5), rs.getInt(6), rs.getObject(7, Integer.class), rs.getInt(8), rs.getInt(9),
                        rs.getInt(10), RetryPreset.valueOf(rs.getString(11)), rs.getBoolean(12), rs.getString(13));
                sites.put(site.code(), site);
            }
        }
        return sites;
    }

    public List<RecordedLimits> recordedLimits() throws SQLException {
        List<RecordedLimits> limits = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(SELECT_LIMITS)) {
            while (rs.next()) {
                Timestamp blocked = rs.getTimestamp(3);
                limits.add(new RecordedLimits(rs.getString(1), rs.getObject(2, Double.class),
                        blocked == null ? null : blocked.toInstant()));
            }
        }
        return limits;
    }
}
