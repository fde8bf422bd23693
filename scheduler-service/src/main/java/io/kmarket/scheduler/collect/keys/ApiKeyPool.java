package io.kmarket.scheduler.collect.keys;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.kmarket.scheduler.collect.fetch.RejectedRequestException;

/**
 * A pool of API keys for one site: used in turn, each counted against its daily quota (days in KST, when the
 * sources reset), rested after a rate-limit answer until the next reset, disabled after
 * {@value #AUTH_FAILURES_TO_DISABLE} consecutive authentication failures. Every change is written to
 * ops.api_keys (by fingerprint, never the key), so a restart remembers it.
 */
public final class ApiKeyPool {

    static final int AUTH_FAILURES_TO_DISABLE = 5;
    private static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final Logger LOG = Logger.getLogger(ApiKeyPool.class);

    private final String site;
    private final int dailyQuota;
    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final List<KeyState> keys = new ArrayList<>();
    private int next;

    /** One key and its state. */
    public static final class KeyState {
        private final String key;
        private final String fingerprint;
        private LocalDate usageDay;
        private int usedToday;
        private Instant restedUntil;
        private int authFailures;
        private boolean disabled;

        KeyState(String key) {
            this.key = key;
            this.fingerprint = Fingerprint.of(key);
        }

        public String key() {
            return key;
        }

        public String fingerprint() {
            return fingerprint;
        }
    }

    public ApiKeyPool(String site, List<String> keys, int dailyQuota, AgroalDataSource dataSource, Clock clock) {
        this.site = site;
        this.dailyQuota = dailyQuota;
        this.dataSource = dataSource;
        this.clock = clock;
        keys.stream().map(String::strip).filter(k -> !k.isEmpty()).distinct()
                .forEach(k -> this.keys.add(new KeyState(k)));
        load();
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /** The next usable key, its use counted; fails when every key is resting, spent or disabled. */
    public synchronized KeyState take() {
        LocalDate today = LocalDate.now(clock.withZone(KST));
        Instant now = clock.instant();
        for (int i = 0; i < keys.size(); i++) {
            KeyState key = keys.get((next + i) % keys.size());
            if (!today.equals(key.usageDay)) {
                key.usageDay = today;
                key.usedToday = 0;
            }
            boolean resting = key.restedUntil != null && now.isBefore(key.restedUntil);
            if (!key.disabled && !resting && key.usedToday < dailyQuota) {
                next = (next + i + 1) % keys.size();
                key.usedToday++;
                save(key);
                return key;
            }
        }
        throw new RejectedRequestException("every " + site + " API key is resting, spent for today or disabled");
    }

    /** The site said the key's quota is spent: rest it until the next daily reset (midnight KST). */
    public synchronized void rateLimited(KeyState key) {
        key.restedUntil = LocalDate.now(clock.withZone(KST)).plusDays(1).atStartOfDay(KST).toInstant();
        LOG.warnf("%s key %s hit its limit; resting it until %s", site, key.fingerprint, key.restedUntil);
        save(key);
    }

    public synchronized void authFailed(KeyState key) {
        key.authFailures++;
        if (key.authFailures >= AUTH_FAILURES_TO_DISABLE && !key.disabled) {
            key.disabled = true;
            LOG.errorf("%s key %s disabled after %d consecutive authentication failures", site, key.fingerprint,
                    key.authFailures);
        }
        save(key);
    }

    public synchronized void succeeded(KeyState key) {
        if (key.authFailures > 0) {
            key.authFailures = 0;
            save(key);
        }
    }

    private void load() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement st = connection.prepareStatement("""
                        SELECT usage_day, used_today, rested_until, consecutive_auth_failures, disabled
                          FROM ops.api_keys WHERE site_code = ? AND fingerprint = ?""")) {
            for (KeyState key : keys) {
                st.setString(1, site);
                st.setString(2, key.fingerprint);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        key.usageDay = rs.getDate(1).toLocalDate();
                        key.usedToday = rs.getInt(2);
                        Timestamp rested = rs.getTimestamp(3);
                        key.restedUntil = rested == null ? null : rested.toInstant();
                        key.authFailures = rs.getInt(4);
                        key.disabled = rs.getBoolean(5);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the state of the " + site + " API keys", e);
        }
    }

    private void save(KeyState key) {
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
            st.setString(2, key.fingerprint);
            st.setDate(3, Date.valueOf(key.usageDay == null ? LocalDate.now(clock.withZone(KST)) : key.usageDay));
            st.setInt(4, key.usedToday);
            st.setInt(5, dailyQuota);
            st.setTimestamp(6, key.restedUntil == null ? null : Timestamp.from(key.restedUntil));
            st.setInt(7, key.authFailures);
            st.setBoolean(8, key.disabled);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot save the state of a " + site + " API key", e);
        }
    }
}
