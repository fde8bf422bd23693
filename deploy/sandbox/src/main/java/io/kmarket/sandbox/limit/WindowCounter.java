package io.kmarket.sandbox.limit;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed-window request counters per client key, on sandbox time. Hand-written because the sandbox must
 * judge the client (by key, app key or IP, per second, minute or Korean calendar day) and answer in each
 * site's own way; SmallRye's @RateLimit guards a method globally and can only throw.
 */
public final class WindowCounter {

    private record Window(long start, int count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /**
     * Counts one request of {@code key} in the window containing {@code now} and tells whether it stays
     * within {@code limit}.
     */
    public boolean tryAcquire(String key, int limit, Duration window, Instant now) {
        long start = now.toEpochMilli() / window.toMillis();
        Window updated = windows.compute(key, (k, current) -> current == null || current.start() != start
                ? new Window(start, 1) : new Window(start, current.count() + 1));
        return updated.count() <= limit;
    }

    /** Same, with a window identified by an explicit bucket (e.g. the Korean calendar day). */
    public boolean tryAcquire(String key, int limit, long bucket) {
        Window updated = windows.compute(key, (k, current) -> current == null || current.start() != bucket
                ? new Window(bucket, 1) : new Window(bucket, current.count() + 1));
        return updated.count() <= limit;
    }

    public void clear() {
        windows.clear();
    }
}
