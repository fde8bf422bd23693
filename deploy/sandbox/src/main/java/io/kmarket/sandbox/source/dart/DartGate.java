package io.kmarket.sandbox.source.dart;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.sandbox.config.SandboxConfig;
import io.kmarket.sandbox.limit.Blocks;
import io.kmarket.sandbox.limit.Limits;
import io.kmarket.sandbox.limit.SandboxStats;
import io.kmarket.sandbox.limit.Throttles;
import io.kmarket.sandbox.limit.WindowCounter;
import io.kmarket.sandbox.market.SandboxClock;

/**
 * Admits an OpenDART call: a known {@code crtfc_key}, not blocked, within the per-minute rate (beyond it the
 * key is blocked, answered as status 012) and within the key's daily quota of the Korean day (status 020).
 */
@ApplicationScoped
public class DartGate {

    static final String SOURCE = "dart";

    private final Optional<List<String>> keys;
    private final Duration blockDuration;
    private final Limits limits;
    private final SandboxStats stats;
    private final SandboxClock clock;
    private final WindowCounter minute;
    private final WindowCounter daily;
    private final Blocks blocks;

    public DartGate(SandboxConfig config, Limits limits, SandboxStats stats, SandboxClock clock, Throttles throttles) {
        this.keys = config.dart().keys();
        this.blockDuration = config.dart().blockDuration();
        this.limits = limits;
        this.stats = stats;
        this.clock = clock;
        this.minute = throttles.counter("dart-minute");
        this.daily = throttles.counter("dart-day");
        this.blocks = throttles.blocks(SOURCE);
    }

    /** Empty when the call may proceed, else the status to answer. */
    public Optional<DartStatus> admit(String key) {
        boolean known = key != null && (keys.isPresent() ? keys.get().contains(key) : key.length() == 40);
        if (!known) {
            stats.rejected(SOURCE, "unregisteredKey");
            return Optional.of(DartStatus.UNREGISTERED_KEY);
        }
        if (blocks.blocked(key, clock.now())) {
            stats.rejected(SOURCE, "blocked");
            return Optional.of(DartStatus.FORBIDDEN_IP);
        }
        if (!minute.tryAcquire(key, limits.current().dartRequestsPerMinute(), Duration.ofMinutes(1), clock.now())) {
            stats.violation(SOURCE, "rate");
            blocks.block(key, clock.now(), blockDuration);
            return Optional.of(DartStatus.FORBIDDEN_IP);
        }
        if (!daily.tryAcquire(key, limits.current().dartDailyQuota(), clock.today().toEpochDay())) {
            stats.violation(SOURCE, "dailyQuota");
            return Optional.of(DartStatus.QUOTA_EXCEEDED);
        }
        return Optional.empty();
    }
}
