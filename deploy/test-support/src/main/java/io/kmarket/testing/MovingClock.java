package io.kmarket.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until the test moves it, for code that takes a {@link Clock}: what happens after a
 * minute is tested without waiting one. Its zone is UTC; {@link #withZone} gives a view in another zone on the same
 * moving instant.
 */
public class MovingClock extends Clock {

    private final ZoneId zone;
    private final MovingClock source;
    private volatile Instant now;

    public MovingClock(Instant start) {
        this.zone = ZoneOffset.UTC;
        this.source = this;
        this.now = start;
    }

    private MovingClock(MovingClock source, ZoneId zone) {
        this.zone = zone;
        this.source = source;
    }

    /** Moves this clock, and every view of it in another zone, by the duration. */
    public void advance(Duration duration) {
        source.now = source.now.plus(duration);
    }

    /** Sets this clock, and every view of it in another zone, to the instant. */
    public void set(Instant instant) {
        source.now = instant;
    }

    @Override
    public Instant instant() {
        return source.now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new MovingClock(source, other);
    }
}
