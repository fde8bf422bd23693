package io.kmarket.e2e;

import static org.awaitility.Awaitility.await;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * scheduler-service as ./kmarket up runs it (its own database role, sources pointed at the sandbox with credentials
 * the sandbox accepts), except that no job fires by itself: the tick is off and there is no first-start backfill,
 * so only the plans a test posts to /internal/collect run.
 */
final class Scheduler implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Random per test JVM: the service refuses fixed tokens and credentials outside a local run. */
    static final String TOKEN = randomHex(24);

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
        // The test database's roles have the test-support passwords (the role names), which only a local run accepts.
        env.put("KMARKET_LOCAL_RUN", "true");
        env.put("KMARKET_ML_URL", "http://127.0.0.1:9");
        env.put("KMARKET_JOBS_TICK", "off");
        env.put("KMARKET_JOBS_FIRST_START_ENABLED", "false");
        for (String source : new String[] {"krx", "dart", "naver", "kis", "daum"}) {
            env.put("KMARKET_SOURCES_" + source.toUpperCase() + "_BASE_URL", sandboxUrl + "/" + source);
        }
        // Random credentials, as ./kmarket up generates them: the sandbox accepts any (40 characters per DART key).
        env.put("KMARKET_SOURCES_DART_API_KEYS", randomHex(20) + "," + randomHex(20));
        env.put("KMARKET_SOURCES_KRX_USERNAME", randomHex(12));
        env.put("KMARKET_SOURCES_KRX_PASSWORD", randomHex(24));
        env.put("KMARKET_SOURCES_KIS_APP_KEY", randomHex(24));
        env.put("KMARKET_SOURCES_KIS_APP_SECRET", randomHex(24));
        // Production retry presets and circuit, with their waits shortened so a scenario takes seconds, not minutes.
        env.put("KMARKET_COLLECT_RETRY_DELAY_SCALE", "0.1");
        env.put("KMARKET_COLLECT_CIRCUIT_DELAY", "PT3S");
        return new Scheduler(ChildApp.start("scheduler", "scheduler-service", env));
    }

    static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
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

    /** What {@link #runUntilSucceeded} did: one line per run, and the plans that never succeeded. */
    record Rounds(List<String> runs, List<Map<String, Object>> unfinished) {
    }

    /**
     * Runs the plans together (as overlapping jobs would), then again those whose run did not succeed, as an
     * operator or the jobs' retries would, at most {@code maxRounds} times.
     */
    Rounds runUntilSucceeded(List<Map<String, Object>> plans, int maxRounds, Duration roundTimeout) {
        List<Map<String, Object>> unfinished = new ArrayList<>(plans);
        List<String> runs = new ArrayList<>();
        for (int round = 1; round <= maxRounds && !unfinished.isEmpty(); round++) {
            Map<Map<String, Object>, String> started = new LinkedHashMap<>();
            unfinished.forEach(plan -> started.put(plan, collect(plan)));
            for (Map.Entry<Map<String, Object>, String> run : started.entrySet()) {
                JsonNode view = awaitFinished(run.getValue(), roundTimeout);
                runs.add("round " + round + ": " + view.path("plan").asText() + " " + view.path("status").asText()
                        + " " + view.path("summary"));
                if ("succeeded".equals(view.path("status").asText())) {
                    unfinished.remove(run.getKey());
                }
            }
        }
        return new Rounds(runs, unfinished);
    }

    /** Runs a job for a logical date (POST /internal/jobs/{name}/trigger): the same action its schedule runs. */
    void trigger(String job, LocalDate date) {
        http.post("/internal/jobs/" + job + "/trigger?date=" + date, Map.of(), 202);
    }

    /** Waits until the job has {@code count} runs, none of them running, and returns their statuses oldest first. */
    List<String> awaitRuns(String job, int count, Duration atMost) {
        JsonNode runs = await(job + " runs").atMost(atMost).pollInterval(Duration.ofMillis(200))
                .until(() -> http.get("/internal/jobs/runs?job=" + job), list -> list.size() == count
                        && list.findValuesAsText("status").stream().noneMatch("running"::equals));
        List<String> statuses = new ArrayList<>();
        runs.forEach(run -> statuses.addFirst(run.path("status").asText()));
        return statuses;
    }

    static Map<String, Object> dailyMarket(LocalDate date) {
        return Map.of("plan", "dailyMarket", "date", date.toString());
    }

    static Map<String, Object> disclosures(LocalDate from, LocalDate to) {
        return Map.of("plan", "disclosures", "from", from.toString(), "to", to.toString());
    }

    void kill() {
        app.kill();
    }

    @Override
    public void close() {
        app.close();
    }
}
