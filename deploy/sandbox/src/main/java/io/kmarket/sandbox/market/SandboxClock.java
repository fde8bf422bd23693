package io.kmarket.sandbox.market;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.kit.time.MarketTime;
import io.kmarket.sandbox.config.SandboxConfig;

/**
 * Sandbox time in Korea: the service's clock (real time), or frozen for reproducible runs, plus an offset moved by
 * POST /sandbox/clock so token expiry, daily quotas and blocks can be exercised without waiting.
 */
@ApplicationScoped
public class SandboxClock {

    private final Clock clock;
    private final Instant frozenAt;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public SandboxClock(SandboxConfig config, Clock clock) {
        this.clock = clock;
        this.frozenAt = config.clock().frozenAt().orElse(null);
    }

    public Instant now() {
        return (frozenAt != null ? frozenAt : clock.instant()).plus(offset.get());
    }

    public ZonedDateTime nowInSeoul() {
        return now().atZone(MarketTime.ZONE);
    }

    public LocalDate today() {
        return nowInSeoul().toLocalDate();
    }

    public void advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }
}
