package io.kmarket.kit.time;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The one {@link Clock} of a service, injected wherever code needs the time: the system clock in UTC, so nothing
 * depends on the host's zone ({@link MarketTime} names the zone where a Korean day is meant). A default bean, so a
 * test replaces it with a clock it moves.
 */
@Singleton
public class SystemClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
