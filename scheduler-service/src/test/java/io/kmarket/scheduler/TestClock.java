package io.kmarket.scheduler;

import java.time.Instant;
import java.time.LocalDateTime;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.kmarket.kit.time.MarketTime;
import io.kmarket.testing.MovingClock;

/**
 * The tests' clock: test-support's {@link MovingClock} in place of the service's system clock, so that a test
 * moves time (inject {@code MovingClock}). An alternative, so its producer wins over the kit's default clock.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock {

    /** Where the clock stands until a test sets it. */
    private static final Instant START = Instant.parse("2024-01-02T00:00:00Z");

    @Produces
    @Singleton
    MovingClock clock() {
        return new MovingClock(START);
    }

    /** The instant of a wall-clock time in Seoul, e.g. {@code seoul("2024-10-10T16:30:00")}. */
    public static Instant seoul(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MarketTime.ZONE).toInstant();
    }
}
