package io.kmarket.api.service;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kmarket.api.config.ApiConfig;

/**
 * Fixed-window request counts per client. Hand-written because neither SmallRye Fault Tolerance's @RateLimit
 * (one limit per method, for all callers) nor any library in the Quarkus BOM keys a limit by client. The
 * counts live in this instance only, on purpose: they throttle, they never change what an answer contains,
 * so several instances behind a balancer each allow the configured rate (documented in application.properties).
 */
@ApplicationScoped
public class ClientRateLimiter {

    /** Past this many tracked clients, counts of finished windows are dropped before adding another. */
    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final int requests;
    private final long windowMillis;
    private final Clock clock;

    @Inject
    ClientRateLimiter(ApiConfig config) {
        this(config.rateLimit().requests(), config.rateLimit().window().toMillis(), Clock.systemUTC());
    }

    ClientRateLimiter(int requests, long windowMillis, Clock clock) {
        this.requests = requests;
        this.windowMillis = windowMillis;
        this.clock = clock;
    }

    /** 0 when the client may go on, else the whole seconds until its window ends (at least 1). */
    public long acquire(String client) {
        long now = clock.millis();
        long start = now - now % windowMillis;
        if (windows.size() >= MAX_TRACKED_CLIENTS) {
            windows.values().removeIf(w -> w.start < start);
        }
        Window window = windows.compute(client, (key, old) -> old == null || old.start != start
                ? new Window(start, 1) : new Window(start, old.count + 1));
        if (window.count <= requests) {
            return 0;
        }
        return Math.max(1, (start + windowMillis - now + 999) / 1000);
    }

    private record Window(long start, int count) {
    }
}
