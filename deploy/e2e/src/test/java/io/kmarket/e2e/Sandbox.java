package io.kmarket.e2e;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The sandbox application: every upstream in its real format, with chaos knobs, limits, counters and the ground
 * truth (docs/sandbox.md). One per scenario: its chaos dice are seeded, so a fresh process draws the same faults
 * in the same order of requests every time.
 */
final class Sandbox implements AutoCloseable {

    /** How long a "timeout" fault holds the connection before dropping it: longer than the client's timeout. */
    static final String TIMEOUT_HOLD = "PT20S";

    private final ChildApp app;
    private final Json http;

    private Sandbox(ChildApp app) {
        this.app = app;
        this.http = new Json(app.baseUrl(), Map.of());
    }

    static Sandbox start() {
        // Sandbox time runs with the real clock: frozen, every request would fall into the same second of its
        // per-second rate windows, and KRX would block the client after 50 requests, however slow.
        Sandbox sandbox = new Sandbox(ChildApp.start("sandbox", "deploy/sandbox",
                Map.of("KMARKET_SANDBOX_CHAOS_TIMEOUT_HOLD", TIMEOUT_HOLD)));
        sandbox.raiseLimits();
        return sandbox;
    }

    /**
     * A sandbox whose time stands still at {@code at} and moves only by {@link #advanceClock}: for scenarios about
     * when things happen in a day, with few requests. Every request falls into the same second, so DART's
     * per-second limit is raised as well.
     */
    static Sandbox frozenAt(Instant at) {
        Sandbox sandbox = new Sandbox(ChildApp.start("sandbox", "deploy/sandbox",
                Map.of("KMARKET_SANDBOX_FROZEN_AT", at.toString())));
        sandbox.raiseLimits();
        sandbox.http.post("/sandbox/limits", Map.of("dartRequestsPerSecond", 100_000), 200);
        return sandbox;
    }

    /** Moves sandbox time forward (POST /sandbox/clock). */
    void advanceClock(Duration by) {
        http.post("/sandbox/clock", Map.of("advance", by.toString()), 200);
    }

    String baseUrl() {
        return app.baseUrl();
    }

    /**
     * Ends every client session, as KRX does to a member's session on its side: POST /sandbox/reset (which also
     * puts counters and limits back to the configured ones), then this harness's limits again.
     */
    void endSessions() {
        http.post("/sandbox/reset", Map.of(), 204);
        raiseLimits();
    }

    /** Limits high enough for a quick CI run (KRX's 5 calls a second would make a scenario last minutes). */
    void raiseLimits() {
        http.post("/sandbox/limits", Map.of("krxRequestsPerSecond", 50, "dartRequestsPerMinute", 100_000), 200);
    }

    @Override
    public void close() {
        app.close();
    }

    void chaos(String source, Faults faults) {
        http.post("/sandbox/chaos", Map.of(source, faults.settings()), 200);
    }

    JsonNode stats() {
        return http.get("/sandbox/stats");
    }

    /** The number of injected faults of one kind (timeout, error, tooMany, truncate, malformed) for a source. */
    long chaosCount(String source, String kind) {
        return stats().path("sources").path(source).path("chaosByKind").path(kind).asLong(0);
    }

    /** The sandbox's today (Asia/Seoul): the scenarios collect the month before it, all of it in the past. */
    YearMonth lastFullMonth() {
        return YearMonth.from(LocalDate.parse(http.get("/sandbox/clock").path("today").asText())).minusMonths(1);
    }

    JsonNode truth(String pathAndQuery) {
        return http.get("/sandbox/truth/" + pathAndQuery);
    }

    /** A source's chaos settings as POST /sandbox/chaos takes them; rates are probabilities. */
    record Faults(long latencyMs, long jitterMs, double errorRate, double timeoutRate, double malformedRate,
            double tooManyRate) {

        static final Faults NONE = new Faults(0, 0, 0, 0, 0, 0);
        /** What the collection must survive: of all answers 20 % HTTP 500, 10 % rate limit, 5 % timeout, 2 % bad. */
        static final Faults HEAVY_CHAOS = shares(0.20, 0.10, 0.05, 0.02);
        /** A dead site: every answer is an HTTP 500. */
        static final Faults DEAD = new Faults(0, 0, 1.0, 0, 0, 0);

        /**
         * Knobs giving these shares of all answers. The sandbox draws its dice in turn (timeout, then 500, then 429,
         * then malformed), each knob applying to what the previous ones left, so the knobs are the shares divided
         * by what is left: 5 % timeouts and 20 % errors need an error knob of 0.20 / 0.95.
         */
        static Faults shares(double errors, double tooMany, double timeouts, double malformed) {
            double left = 1 - timeouts;
            double errorKnob = errors / left;
            left -= errors;
            double tooManyKnob = tooMany / left;
            left -= tooMany;
            return new Faults(0, 0, errorKnob, timeouts, malformed / left, tooManyKnob);
        }

        static Faults slow(long latencyMs, long jitterMs) {
            return new Faults(latencyMs, jitterMs, 0, 0, 0, 0);
        }

        Map<String, Object> settings() {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("latencyMs", latencyMs);
            settings.put("jitterMs", jitterMs);
            settings.put("errorRate", errorRate);
            settings.put("timeoutRate", timeoutRate);
            settings.put("truncateRate", 0.0);
            settings.put("malformedRate", malformedRate);
            settings.put("tooManyRate", tooManyRate);
            return settings;
        }
    }
}
