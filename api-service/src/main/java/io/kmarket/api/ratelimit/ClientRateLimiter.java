package io.kmarket.api.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.kmarket.api.config.ApiConfig;

/**
 * Fixed-window request counts per client. Hand-written because neither SmallRye Fault Tolerance's @RateLimit
 * (one limit per method, for all callers) nor any library in the Quarkus BOM keys a limit by client. The
 * counts live in this instance only, on purpose: they throttle, they never change what an answer contains,
 * so several instances behind a balancer each allow the configured rate (documented in application.properties).
 * <p>
 * The counts sit in a Caffeine cache bounded by client count: client keys come from the request (a header, an
 * address), so a flood of distinct keys within one window would otherwise grow the map without limit (the former
 * map only dropped finished windows, and scanned all of them on every request once full). Caffeine evicts the
 * least frequently used first, so a client over its limit, being frequent, is not forgotten by a flood of others.
 */
@ApplicationScoped
public class ClientRateLimiter {

    private final Map<String, Window> windows;
    private final Cache<String, Window> cache;
    private final int requests;
    private final long windowMillis;
    private final Clock clock;

    @Inject
    ClientRateLimiter(ApiConfig config, Clock clock) {
        this(config.rateLimit().requests(), config.rateLimit().window().toMillis(), config.rateLimit().maxClients(),
                clock);
    }

    ClientRateLimiter(int requests, long windowMillis, int maxClients, Clock clock) {
        this.requests = requests;
        this.windowMillis = windowMillis;
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxClients)
                // A client quiet for a whole window has nothing worth keeping: its next request opens a new window.
                .expireAfterWrite(Duration.ofMillis(windowMillis))
                .ticker(() -> clock.millis() * 1_000_000)
                // Evictions on the requesting thread: the bound holds under a flood instead of lagging behind it.
                .executor(Runnable::run)
                .build();
        this.windows = cache.asMap();
    }

    /** 0 when the client may go on, else the whole seconds until its window ends (at least 1). */
    public long acquire(String client) {
        long now = clock.millis();
        long start = now - now % windowMillis;
        Window window = windows.compute(client, (key, old) -> old == null || old.start != start
                ? new Window(start, 1) : new Window(start, old.count + 1));
        if (window.count <= requests) {
            return 0;
        }
        return Math.max(1, (start + windowMillis - now + 999) / 1000);
    }

    /** How many clients' counts are held, once pending evictions are done. */
    long trackedClients() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private record Window(long start, int count) {
    }
}
