package io.kmarket.sandbox.limit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/** The request counters and blocks of every source, in one place so POST /sandbox/reset can clear them. */
@ApplicationScoped
public class Throttles {

    private final Map<String, WindowCounter> counters = new ConcurrentHashMap<>();
    private final Map<String, Blocks> blocks = new ConcurrentHashMap<>();

    public WindowCounter counter(String name) {
        return counters.computeIfAbsent(name, n -> new WindowCounter());
    }

    public Blocks blocks(String name) {
        return blocks.computeIfAbsent(name, n -> new Blocks());
    }

    public void reset() {
        counters.values().forEach(WindowCounter::clear);
        blocks.values().forEach(Blocks::clear);
    }
}
