package io.kmarket.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * api-service's packaged jar in the prod profile, as a deployment runs it: it refuses to start with a default or
 * placeholder secret, naming the setting and never the value, and starts with real ones. api-service touches no
 * database before serving, so the database URL can point at nothing and the check is all that can stop it.
 */
class ProductionSecretsTest {

    private static final Duration START = Duration.ofSeconds(90);
    private static final String REAL_PASSWORD = Scheduler.randomHex(24);
    private static final String REAL_TOKEN = Scheduler.randomHex(24);

    private static Map<String, String> deployment() {
        Map<String, String> env = new HashMap<>();
        env.put("KMARKET_DB_URL", "jdbc:postgresql://127.0.0.1:9/kmarket");
        env.put("KMARKET_ML_URL", "http://127.0.0.1:9");
        return env;
    }

    @Test
    void theBuiltInDefaultPasswordStopsTheStart() {
        Map<String, String> env = deployment();
        env.put("KMARKET_INTERNAL_TOKEN", REAL_TOKEN);
        try (ChildApp api = ChildApp.launch("api-default-password", "api-service", env)) {
            Optional<Integer> exit = api.exitCode(START);
            assertThat(exit).as("api-service exits by itself").isPresent().get().isNotEqualTo(0);
            assertThat(api.output()).contains("Refusing to start")
                    .contains("quarkus.datasource.password (KMARKET_DB_PASSWORD) is a known placeholder")
                    .doesNotContain("kmarket.internal.token (");
        }
    }

    @Test
    void aPlaceholderTokenStopsTheStartWithoutBeingLogged() {
        Map<String, String> env = deployment();
        env.put("KMARKET_DB_PASSWORD", REAL_PASSWORD);
        env.put("KMARKET_INTERNAL_TOKEN", "CHANGE_ME");
        try (ChildApp api = ChildApp.launch("api-placeholder-token", "api-service", env)) {
            assertThat(api.exitCode(START)).isPresent().get().isNotEqualTo(0);
            assertThat(api.output()).contains("kmarket.internal.token (KMARKET_INTERNAL_TOKEN) is a known placeholder")
                    .doesNotContain("CHANGE_ME").doesNotContain("quarkus.datasource.password (");
        }
    }

    @Test
    void realValuesStart() {
        Map<String, String> env = deployment();
        env.put("KMARKET_DB_PASSWORD", REAL_PASSWORD);
        env.put("KMARKET_INTERNAL_TOKEN", REAL_TOKEN);
        try (ChildApp api = ChildApp.launch("api-real-secrets", "api-service", env)) {
            // Started (the HTTP server listens) though not ready: its database is unreachable on purpose.
            await("api-service started").atMost(START)
                    .until(() -> api.output().contains("Listening on") || api.exitCode(Duration.ZERO).isPresent());
            assertThat(api.exitCode(Duration.ZERO)).as("still running").isEmpty();
            assertThat(api.output()).doesNotContain("Refusing to start").doesNotContain(REAL_PASSWORD)
                    .doesNotContain(REAL_TOKEN);
        }
    }
}
