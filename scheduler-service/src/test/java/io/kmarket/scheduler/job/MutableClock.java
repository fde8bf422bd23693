package io.kmarket.scheduler.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/** The tests' clock: replaces the system clock of the jobs framework so that a test moves time. */
@Alternative
@Priority(1)
@Singleton
public class MutableClock extends Clock {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private volatile Instant now = Instant.parse("2024-01-02T00:00:00Z");

    public void setSeoul(String localDateTime) {
        now = LocalDateTime.parse(localDateTime).atZone(SEOUL).toInstant();
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MutableClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }
}
