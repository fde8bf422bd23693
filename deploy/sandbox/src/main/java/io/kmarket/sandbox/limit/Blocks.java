package io.kmarket.sandbox.limit;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Clients temporarily shut out after a violation (KRX's IP block, OpenDART's 24 h block). */
public final class Blocks {

    private final Map<String, Instant> until = new ConcurrentHashMap<>();

    public void block(String key, Instant now, Duration duration) {
        until.put(key, now.plus(duration));
    }

    public boolean blocked(String key, Instant now) {
        Instant end = until.get(key);
        if (end == null) {
            return false;
        }
        if (!now.isBefore(end)) {
            until.remove(key, end);
            return false;
        }
        return true;
    }

    public void clear() {
        until.clear();
    }
}
