package io.kmarket.scheduler.collect.keys.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/** ops.api_keys: the remembered state of each API key, by site and fingerprint (never the key itself). */
@ApplicationScoped
public class ApiKeyStore {

    /** A key's state as last saved: its use on {@code usageDay}, its rest, its authentication failures. */
    public record KeyRecord(LocalDate usageDay, int usedToday, Instant restedUntil, int authFailures,
            boolean disabled) {
    }

    private final AgroalDataSource dataSource;

    ApiKeyStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The saved state of each of {@code fingerprints} that has one. */
    public Map<String, KeyRecord> load(String site, Collection<String> fingerprints) {
        Map<String, KeyRecord> saved = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement st = connection.prepareStatement("""
                        SELECT usage_day, used_today, rested_until, consecutive_auth_failures, disabled
                          FROM ops.api_keys WHERE site_code = ? AND fingerprint = ?""")) {
            for (String fingerprint : fingerprints) {
                st.setString(1, site);
                st.setString(2, fingerprint);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        Timestamp rested = rs.getTimestamp(3);
                        saved.put(fingerprint, new KeyRecord(rs.getDate(1).toLocalDate(), rs.getInt(2),
                                rested == null ? null : rested.toInstant(), rs.getInt(4), rs.getBoolean(5)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the state of the " + site + " API keys", e);
        }
        return saved;
    }

    public void save(String site, String fingerprint, int dailyQuota, KeyRecord key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement st = connection.prepareStatement("""
                        INSERT INTO ops.api_keys (site_code, fingerprint, usage_day, used_today, daily_quota,
                            rested_until, consecutive_auth_failures, disabled, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, now())
                        ON CONFLICT (site_code, fingerprint) DO UPDATE SET usage_day = EXCLUDED.usage_day,
                            used_today = EXCLUDED.used_today, daily_quota = EXCLUDED.daily_quota,
                            rested_until = EXCLUDED.rested_until,
                            consecutive_auth_failures = EXCLUDED.consecutive_auth_failures,
                            disabled = EXCLUDED.disabled, updated_at = now()""")) {
            st.setString(1, site);
            st.setString(2, fingerprint);
            st.setDate(3, Date.valueOf(key.usageDay()));
            st.setInt(4, key.usedToday());
            st.setInt(5, dailyQuota);
            st.setTimestamp(6, key.restedUntil() == null ? null : Timestamp.from(key.restedUntil()));
            st.setInt(7, key.authFailures());
            st.setBoolean(8, key.disabled());
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot save the state of a " + site + " API key", e);
        }
    }
}
