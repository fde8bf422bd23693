package io.kmarket.kit.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The market's time zone, defined once for every service: trading days, the upstreams' timestamps and quotas, the
 * schedules and "today" in the API are all Korean. Instants stay zone-free; a zone is applied only where a Korean
 * day or wall-clock time is meant, and always this one, never the JVM's default.
 */
public final class MarketTime {

    /** The zone's id as a constant expression, for annotation defaults such as {@code @WithDefault}. */
    public static final String ZONE_ID = "Asia/Seoul";
    public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

    private MarketTime() {
    }

    /** The Korean day {@code clock} is in. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
