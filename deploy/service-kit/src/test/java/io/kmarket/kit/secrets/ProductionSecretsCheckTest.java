package io.kmarket.kit.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The check on a configuration resolved as a service resolves it: the lines of api-service plus an environment. */
class ProductionSecretsCheckTest {

    private static final Map<String, String> SERVICE_LINES = Map.of(
            "quarkus.datasource.username", "${KMARKET_DB_USERNAME:kmarket_api}",
            "quarkus.datasource.password", "${KMARKET_DB_PASSWORD:kmarket_api}",
            "kmarket.internal.token", "${KMARKET_INTERNAL_TOKEN}",
            "%dev.kmarket.internal.token", "${KMARKET_INTERNAL_TOKEN:dev-internal-token}",
            "kmarket.sources.kis.app-secret", "${KMARKET_SOURCES_KIS_APP_SECRET:}");
    private static final String REAL_PASSWORD = "4be0c6a1d97f2e53b8a0c4d6e8f1a3b5";
    private static final String REAL_TOKEN = "e71d0b9c3a5f4e2d8c6b4a2f0e9d7c5b";

    private static SmallRyeConfig config(String profile, Map<String, String> environment) {
        // The variables as the process environment: mapped to properties the way SmallRye maps KMARKET_LOCAL_RUN.
        return new SmallRyeConfigBuilder().withProfile(profile)
                .withSources(new PropertiesConfigSource(SERVICE_LINES, "application.properties", 250))
                .withSources(new EnvConfigSource(environment, 300)).build();
    }

    private static PropertyExpressions lines() {
        Properties lines = new Properties();
        SERVICE_LINES.forEach((key, value) -> {
            if (!key.startsWith("%")) {
                lines.setProperty(key, value);
            }
        });
        return new PropertyExpressions(lines);
    }

    @Test
    void theDefaultPasswordIsRefusedNamingTheSettingAndItsVariable() {
        SmallRyeConfig config = config("prod", Map.of("KMARKET_INTERNAL_TOKEN", REAL_TOKEN));
        assertThat(ProductionSecretsCheck.localRun(config)).isFalse();
        assertThat(ProductionSecretsCheck.refusals(config, lines())).singleElement().asString()
                .startsWith("quarkus.datasource.password (KMARKET_DB_PASSWORD) ");
    }

    @Test
    void aPlaceholderTokenIsRefusedWithoutQuotingIt() {
        SmallRyeConfig config = config("prod", Map.of("KMARKET_DB_PASSWORD", REAL_PASSWORD,
                "KMARKET_INTERNAL_TOKEN", "CHANGE_ME", "KMARKET_SOURCES_KIS_APP_SECRET", "sandboxAppSecret"));
        assertThat(ProductionSecretsCheck.refusals(config, lines())).containsExactly(
                "kmarket.internal.token (KMARKET_INTERNAL_TOKEN) is a known placeholder",
                "kmarket.sources.kis.app-secret (KMARKET_SOURCES_KIS_APP_SECRET) is a known placeholder");
    }

    @Test
    void realValuesAndUnsetOptionalCredentialsPass() {
        SmallRyeConfig config = config("prod", Map.of("KMARKET_DB_PASSWORD", REAL_PASSWORD,
                "KMARKET_INTERNAL_TOKEN", REAL_TOKEN));
        assertThat(ProductionSecretsCheck.refusals(config, lines())).isEmpty();
    }

    @Test
    void onlyTheDevAndTestProfilesOrTheExplicitSettingMakeARunLocal() {
        assertThat(ProductionSecretsCheck.localRun(config("dev", Map.of()))).isTrue();
        assertThat(ProductionSecretsCheck.localRun(config("test", Map.of()))).isTrue();
        assertThat(ProductionSecretsCheck.localRun(config("prod", Map.of("KMARKET_LOCAL_RUN", "true")))).isTrue();
        assertThat(ProductionSecretsCheck.localRun(config("prod", Map.of("KMARKET_LOCAL_RUN", "false")))).isFalse();
        assertThat(ProductionSecretsCheck.localRun(config("staging", Map.of()))).isFalse();
    }
}
