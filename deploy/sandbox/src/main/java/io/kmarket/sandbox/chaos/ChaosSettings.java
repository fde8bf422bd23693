package io.kmarket.sandbox.chaos;

import java.util.Locale;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Faults injected into one source's answers. Probabilities are in [0, 1] and drawn in this order: timeout
 * (no answer at all), HTTP 500, HTTP 429, truncated body, malformed body.
 */
@RegisterForReflection
public record ChaosSettings(long latencyMs, long jitterMs, double errorRate, double timeoutRate, double truncateRate,
        double malformedRate, double tooManyRate) {

    public static final ChaosSettings NONE = new ChaosSettings(0, 0, 0, 0, 0, 0, 0);

    public ChaosSettings {
        if (latencyMs < 0 || jitterMs < 0) {
            throw new IllegalArgumentException("latencyMs and jitterMs must not be negative");
        }
        for (double rate : new double[] {errorRate, timeoutRate, truncateRate, malformedRate, tooManyRate}) {
            if (rate < 0 || rate > 1) {
                throw new IllegalArgumentException("rates must lie between 0 and 1, got " + rate);
            }
        }
    }

    /**
     * Parses the start-up form {@code latency=200ms,jitter=50ms,error=0.05,timeout=0.01,truncate=0.01,
     * malformed=0.01,429=0.02}; unnamed knobs stay off.
     */
    public static ChaosSettings parse(String spec) {
        long latency = 0;
        long jitter = 0;
        double error = 0;
        double timeout = 0;
        double truncate = 0;
        double malformed = 0;
        double tooMany = 0;
        if (spec != null && !spec.isBlank()) {
            for (String part : spec.split(",")) {
                String[] kv = part.trim().split("=", 2);
                if (kv.length != 2) {
                    throw new IllegalArgumentException("chaos knob '" + part + "' is not name=value");
                }
                String value = kv[1].trim();
                switch (kv[0].trim().toLowerCase(Locale.ROOT)) {
                    case "latency" -> latency = millis(value);
                    case "jitter" -> jitter = millis(value);
                    case "error" -> error = Double.parseDouble(value);
                    case "timeout" -> timeout = Double.parseDouble(value);
                    case "truncate" -> truncate = Double.parseDouble(value);
                    case "malformed" -> malformed = Double.parseDouble(value);
                    case "429" -> tooMany = Double.parseDouble(value);
                    default -> throw new IllegalArgumentException("unknown chaos knob '" + kv[0] + "'");
                }
            }
        }
        return new ChaosSettings(latency, jitter, error, timeout, truncate, malformed, tooMany);
    }

    private static long millis(String value) {
        return Long.parseLong(value.toLowerCase(Locale.ROOT).replace("ms", "").trim());
    }
}
