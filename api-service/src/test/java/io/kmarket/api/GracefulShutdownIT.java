package io.kmarket.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.kmarket.testing.postgres.KmarketTestDatabase;
import io.kmarket.testing.postgres.ServiceSchema;

/**
 * The packaged application stopped with SIGTERM, as an orchestrator or a rolling script stops it. Readiness must
 * report DOWN while the API still answers, long enough for a balancer polling /q/health/ready to drain the
 * instance before it stops accepting. Without quarkus.shutdown.delay both happen in the same instant and the
 * balancer learns of the stop from failed requests (deploy/rolling/run.sh api, docs/operations.md).
 * A plain JUnit test, not {@code @QuarkusIntegrationTest}: it has to signal the process.
 */
class GracefulShutdownIT {

    private static final Duration POLL = Duration.ofMillis(25);
    /** How long the API must go on answering once readiness is DOWN: HAProxy's two checks at 500 ms, and more. */
    private static final Duration DRAIN = Duration.ofMillis(1500);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void readinessGoesDownWhileRequestsAreStillServedThenTheProcessExits() throws Exception {
        KmarketTestDatabase database = KmarketTestDatabase.shared();
        database.migrate(ServiceSchema.SCHEDULER);
        database.migrate(ServiceSchema.ML);
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(packagedCommand());
        builder.environment().put("KMARKET_HTTP_PORT", String.valueOf(port));
        builder.environment().put("KMARKET_DB_URL", database.jdbcUrl());
        builder.environment().put("KMARKET_DB_USERNAME", ServiceSchema.API.role());
        builder.environment().put("KMARKET_DB_PASSWORD", ServiceSchema.API.password());
        // The test database's passwords are its role names, which the prod profile refuses outside a local run.
        builder.environment().put("KMARKET_LOCAL_RUN", "true");
        builder.environment().put("KMARKET_INTERNAL_TOKEN", "graceful-shutdown-it");
        builder.redirectErrorStream(true).redirectOutput(new File("target/graceful-shutdown-it.log"));
        Process app = builder.start();
        try {
            await("ready within 120 s").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        assertThat(app.isAlive()).as("the app exited at start, see target/graceful-shutdown-it.log")
                                .isTrue();
                        return status(port, "/q/health/ready") == 200;
                    });
            assertThat(status(port, "/api/v1/stocks")).isEqualTo(200);

            app.destroy(); // SIGTERM
            String readiness = await("readiness DOWN soon after SIGTERM").atMost(Duration.ofSeconds(5))
                    .pollInterval(POLL).until(() -> body(port, "/q/health/ready"), answer -> !answer.startsWith("200 "));
            assertThat(readiness).as("DOWN by the shutdown check, not refused by the stopping server")
                    .startsWith("503 ").contains("Graceful Shutdown");

            List<Integer> servedWhileDown = new ArrayList<>();
            long drainEnd = System.nanoTime() + DRAIN.toNanos();
            // Sampling the whole window, not waiting for a condition: every answer in it must be a 200.
            while (System.nanoTime() < drainEnd) {
                servedWhileDown.add(status(port, "/api/v1/stocks"));
                Thread.sleep(POLL.toMillis());
            }
            assertThat(servedWhileDown).as("API answers in the %d ms after readiness went DOWN", DRAIN.toMillis())
                    .isNotEmpty().containsOnly(200);

            assertThat(app.waitFor(40, TimeUnit.SECONDS)).as("the process exits after the delay").isTrue();
        } finally {
            app.destroyForcibly().waitFor();
        }
    }

    /** What the build produced, as the other *IT tests run it: the jar, or the native executable with -Pnative. */
    private static List<String> packagedCommand() throws Exception {
        Properties artifact = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("target", "quarkus-artifact.properties"))) {
            artifact.load(reader);
        }
        String path = Path.of("target").resolve(artifact.getProperty("path")).toString();
        return "native".equals(artifact.getProperty("type")) ? List.of(path)
                : List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m", "-jar", path);
    }

    /** Status, or -1 when the connection fails. */
    private int status(int port, String path) {
        String answer = body(port, path);
        return Integer.parseInt(answer.substring(0, answer.indexOf(' ')));
    }

    /** "status body", or "-1 " and the failure when the connection fails. */
    private String body(int port, String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return "-1 " + e;
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
