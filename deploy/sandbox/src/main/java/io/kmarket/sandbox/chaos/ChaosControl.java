package io.kmarket.sandbox.chaos;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.sandbox.config.SandboxConfig;
import io.kmarket.sandbox.market.Seeds;

/** The chaos settings in force per source, and the (seeded) dice that decide each request's fate. */
@ApplicationScoped
public class ChaosControl {

    public static final java.util.List<String> SOURCES = java.util.List.of("krx", "dart", "naver", "kis", "daum");

    public enum Fault {
        NONE, TIMEOUT, ERROR, TOO_MANY, TRUNCATE, MALFORMED
    }

    public record Decision(long delayMs, Fault fault) {
    }

    private final Map<String, ChaosSettings> configured = new TreeMap<>();
    private final Map<String, ChaosSettings> current = new ConcurrentHashMap<>();
    private final SplittableRandom random;

    public ChaosControl(SandboxConfig config) {
        for (String source : SOURCES) {
            configured.put(source, ChaosSettings.parse(config.chaos().of(source).orElse("")));
        }
        current.putAll(configured);
        random = Seeds.random(config.seed(), 99);
    }

    public Map<String, ChaosSettings> current() {
        return new TreeMap<>(current);
    }

    public void set(String source, ChaosSettings settings) {
        if (!SOURCES.contains(source)) {
            throw new IllegalArgumentException("unknown source '" + source + "', expected one of " + SOURCES);
        }
        current.put(source, settings);
    }

    public void reset() {
        current.putAll(configured);
    }

    public Decision decide(String source) {
        ChaosSettings s = current.getOrDefault(source, ChaosSettings.NONE);
        if (s.equals(ChaosSettings.NONE)) {
            return new Decision(0, Fault.NONE);
        }
        synchronized (random) {
            long delay = s.latencyMs() + (s.jitterMs() > 0 ? random.nextLong(s.jitterMs() + 1) : 0);
            Fault fault = Fault.NONE;
            if (random.nextDouble() < s.timeoutRate()) {
                fault = Fault.TIMEOUT;
            } else if (random.nextDouble() < s.errorRate()) {
                fault = Fault.ERROR;
            } else if (random.nextDouble() < s.tooManyRate()) {
                fault = Fault.TOO_MANY;
            } else if (random.nextDouble() < s.truncateRate()) {
                fault = Fault.TRUNCATE;
            } else if (random.nextDouble() < s.malformedRate()) {
                fault = Fault.MALFORMED;
            }
            return new Decision(delay, fault);
        }
    }
}
