package io.kmarket.sandbox.limit;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts per source: requests, limit violations (by kind), requests rejected while blocked and injected
 * faults. Benchmarks require zero violations, so every limit the sandbox enforces reports here.
 */
@ApplicationScoped
public class SandboxStats {

    public static final String REQUESTS = "requests";
    public static final String VIOLATIONS = "violations";
    public static final String CHAOS = "chaos";
    public static final String REJECTED = "rejected";

    private final Map<String, Map<String, Map<String, LongAdder>>> counters = new ConcurrentHashMap<>();

    public void request(String source) {
        counter(source, REQUESTS, "total").increment();
    }

    /** A client broke a limit of the source (rate, quota, token issuance, ...). */
    public void violation(String source, String kind) {
        counter(source, VIOLATIONS, kind).increment();
    }

    /** A request refused because of an earlier violation (e.g. while the IP is blocked). */
    public void rejected(String source, String kind) {
        counter(source, REJECTED, kind).increment();
    }

    public void chaos(String source, String kind) {
        counter(source, CHAOS, kind).increment();
    }

    public long total(String group) {
        return counters.values().stream()
                .flatMap(groups -> groups.getOrDefault(group, Map.of()).values().stream())
                .mapToLong(LongAdder::sum).sum();
    }

    /** {source: {requests: n, violations: n, violationsByKind: {...}, rejected..., chaos...}}. */
    public Map<String, Object> snapshot() {
        Map<String, Object> result = new TreeMap<>();
        counters.forEach((source, groups) -> {
            Map<String, Object> view = new TreeMap<>();
            groups.forEach((group, kinds) -> {
                Map<String, Long> byKind = new TreeMap<>();
                kinds.forEach((kind, adder) -> byKind.put(kind, adder.sum()));
                view.put(group, byKind.values().stream().mapToLong(Long::longValue).sum());
                if (!REQUESTS.equals(group)) {
                    view.put(group + "ByKind", byKind);
                }
            });
            result.put(source, view);
        });
        return result;
    }

    public void reset() {
        counters.clear();
    }

    private LongAdder counter(String source, String group, String kind) {
        return counters.computeIfAbsent(source, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(group, g -> new ConcurrentHashMap<>())
                .computeIfAbsent(kind, k -> new LongAdder());
    }
}
