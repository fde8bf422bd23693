package io.kmarket.scheduler.collect.keys.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.kit.jdbc.Jdbc;

/**
 * ops.api_keys: the remembered state of each API key, by site and fingerprint (never the key itself). Plain SQL:
 * a key's state is saved with one upsert on (site, fingerprint) whenever it changes, by whichever instance uses it.
 */
@ApplicationScoped
public class ApiKeyStore {

    /** A key's state as last saved: its use on {@code usageDay}, its rest, its authentication failures. */
    public record KeyRecord(LocalDate usageDay, int usedToday, Instant restedUntil, int authFailures,
            boolean disabled) {
    }

    private record Saved(String fingerprint, KeyRecord key) {
    }

    private final Jdbc jdbc;

    ApiKeyStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The saved state of each of {@code fingerprints} that has one. */
    public Map<String, KeyRecord> load(String site, Collection<String> fingerprints) {
        return jdbc.query("""
                SELECT fingerprint, usage_day, used_today, rested_until, consecutive_auth_failures, disabled
                  FROM ops.api_keys WHERE site_code = ? AND fingerprint = ANY (?)""",
                row -> new Saved(row.getString("fingerprint"), new KeyRecord(Jdbc.date(row, "usage_day"),
                        row.getInt("used_today"), Jdbc.instant(row, "rested_until"),
                        row.getInt("consecutive_auth_failures"), row.getBoolean("disabled"))),
                site, fingerprints.toArray(String[]::new))
                .stream().collect(Collectors.toMap(Saved::fingerprint, Saved::key));
    }

    public void save(String site, String fingerprint, int dailyQuota, KeyRecord key) {
        jdbc.update("""
                INSERT INTO ops.api_keys (site_code, fingerprint, usage_day, used_today, daily_quota,
                    rested_until, consecutive_auth_failures, disabled, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, now())
                ON CONFLICT (site_code, fingerprint) DO UPDATE SET usage_day = EXCLUDED.usage_day,
                    used_today = EXCLUDED.used_today, daily_quota = EXCLUDED.daily_quota,
                    rested_until = EXCLUDED.rested_until,
                    consecutive_auth_failures = EXCLUDED.consecutive_auth_failures,
                    disabled = EXCLUDED.disabled, updated_at = now()""",
                site, fingerprint, key.usageDay(), key.usedToday(), dailyQuota, key.restedUntil(), key.authFailures(),
                key.disabled());
    }
}
