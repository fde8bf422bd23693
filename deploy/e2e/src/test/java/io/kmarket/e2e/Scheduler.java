package io.kmarket.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * scheduler-service as ./kmarket up runs it (its own database role, sources pointed at the sandbox with credentials
 * the sandbox accepts), except that no job fires by itself: the tick is off and there is no first-start backfill,
 * so only the plans a test posts to /internal/collect run.
 */
final class Scheduler implements AutoCloseable {

    static final String TOKEN = "e2e-internal-token";

    private final ChildApp app;
    private final Json http;

    private Scheduler(ChildApp app) {
        this.app = app;
        this.http = new Json(app.baseUrl(), Map.of("X-Internal-Token", TOKEN));
    }

    static Scheduler start(String jdbcUrl, String role, String password, String sandboxUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("KMARKET_DB_URL", jdbcUrl);
        env.put("KMARKET_DB_USERNAME", role);
        env.put("KMARKET_DB_PASSWORD", password);
        env.put("KMARKET_INTERNAL_TOKEN", TOKEN);
        env.put("KMARKET_ML_URL", "http://127.0.0.1:9");
        env.put("KMARKET_JOBS_TICK", "off");
        env.put("KMARKET_JOBS_FIRST_START_ENABLED", "false");
        for (String source : new String[] {"krx", "dart", "naver", "kis", "daum"}) {
            env.put("KMARKET_SOURCES_" + source.toUpperCase() + "_BASE_URL", sandboxUrl + "/" + source);
        }
        // The launcher's sandbox credentials (./kmarket sandbox_sources).
        env.put("KMARKET_SOURCES_DART_API_KEYS",
                "5a4d0b0c0000000000000000000000000000000a,5a4d0b0c0000000000000000000000000000000b");
        env.put("KMARKET_SOURCES_KRX_USERNAME", "kmarket");
        env.put("KMARKET_SOURCES_KRX_PASSWORD", "sandbox");
        env.put("KMARKET_SOURCES_KIS_APP_KEY", "PSsandboxAppKey000000000000000000000");
        env.put("KMARKET_SOURCES_KIS_APP_SECRET", "sandboxAppSecret");
        // Production retry presets and circuit, with their waits shortened so a scenario takes seconds, not minutes.
        env.put("KMARKET_COLLECT_RETRY_DELAY_SCALE", "0.1");
        env.put("KMARKET_COLLECT_CIRCUIT_DELAY", "PT3S");
        return new Scheduler(ChildApp.start("scheduler", "scheduler-service", env));
    }

    /** POST /internal/collect; returns the run id. */
    String collect(Map<String, Object> plan) {
        return http.post("/internal/collect", plan, 202).path("runId").asText();
    }

    JsonNode progress(String runId) {
        return http.get("/internal/collect/" + runId);
    }

    /** Waits until the run is no longer running and returns its final view (status, done/total, summary). */
    JsonNode awaitFinished(String runId, Duration atMost) {
        return await("collection run " + runId).atMost(atMost).pollInterval(Duration.ofMillis(200))
                .until(() -> progress(runId), view -> !"running".equals(view.path("status").asText()));
    }

    /** Starts the plan and waits for its end. */
    JsonNode run(Map<String, Object> plan, Duration atMost) {
        return awaitFinished(collect(plan), atMost);
    }

    void kill() {
        app.kill();
    }

    @Override
    public void close() {
        app.close();
    }
}
