package io.kmarket.kit.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretRulesTest {

    private static final SecretSetting DB_PASSWORD = new SecretSetting("quarkus.datasource.password", true, false);
    private static final SecretSetting TOKEN = new SecretSetting("kmarket.internal.token", true, false);
    private static final SecretSetting KIS_SECRET = new SecretSetting("kmarket.sources.kis.app-secret", false, false);
    private static final SecretSetting DART_KEYS = new SecretSetting("kmarket.sources.dart.api-keys", false, true);

    private static final Optional<String> API_PASSWORD_LINE = Optional.of("${KMARKET_DB_PASSWORD:kmarket_api}");
    private static final Optional<String> TOKEN_LINE = Optional.of("${KMARKET_INTERNAL_TOKEN}");
    private static final Optional<String> API_USER = Optional.of("kmarket_api");
    private static final String REAL = "9f3c1e7a5b2d4c6e8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d";

    @Test
    void aRequiredSecretLeftEmptyIsRefused() {
        assertThat(SecretRules.flaw(TOKEN, Optional.empty(), TOKEN_LINE, API_USER)).contains("is empty");
        assertThat(SecretRules.flaw(TOKEN, Optional.of("  "), TOKEN_LINE, API_USER)).contains("is empty");
    }

    @Test
    void anOptionalUpstreamCredentialMayStayEmptyButNotBePlaceholder() {
        assertThat(SecretRules.flaw(KIS_SECRET, Optional.of(""), Optional.of("${KMARKET_SOURCES_KIS_APP_SECRET:}"),
                API_USER)).isEmpty();
        assertThat(SecretRules.flaw(KIS_SECRET, Optional.of("CHANGE_ME"),
                Optional.of("${KMARKET_SOURCES_KIS_APP_SECRET:}"), API_USER)).contains("is a known placeholder");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CHANGE_ME", "change_me", " CHANGE_ME ", "CHANGE_ME_TOO", "changeme", "dev-internal-token",
            "test-internal-token", "e2e-internal-token", "reliability", "sandboxAppSecret", "sandbox",
            "PSsandboxAppKey000000000000000000000"})
    void everyKnownPlaceholderIsRefused(String placeholder) {
        assertThat(SecretRules.flaw(TOKEN, Optional.of(placeholder), TOKEN_LINE, API_USER))
                .contains("is a known placeholder");
    }

    @Test
    void theBuiltInDefaultOfTheExpressionIsRefused() {
        // What the service resolves when KMARKET_DB_PASSWORD is unset, here for a role whose name differs.
        assertThat(SecretRules.flaw(DB_PASSWORD, Optional.of("s3cret-default"),
                Optional.of("${KMARKET_DB_PASSWORD:s3cret-default}"), Optional.of("someone"))).contains("is its built-in default");
    }

    @Test
    void aDatabasePasswordEqualToTheUserIsRefused() {
        assertThat(SecretRules.flaw(DB_PASSWORD, Optional.of("reporting"), Optional.of("${KMARKET_DB_PASSWORD}"),
                Optional.of("reporting"))).contains("equals the database user name");
    }

    @Test
    void oneSandboxKeyInAListIsEnoughToRefuseIt() {
        assertThat(SecretRules.flaw(DART_KEYS, Optional.of(REAL.substring(0, 40) + ",5a4d0b0c0000000000000000000000000000000a"),
                Optional.of("${KMARKET_SOURCES_DART_API_KEYS:}"), API_USER)).contains("is a known placeholder");
    }

    @Test
    void realValuesPass() {
        assertThat(SecretRules.flaw(DB_PASSWORD, Optional.of(REAL), API_PASSWORD_LINE, API_USER)).isEmpty();
        assertThat(SecretRules.flaw(TOKEN, Optional.of(REAL), TOKEN_LINE, API_USER)).isEmpty();
        assertThat(SecretRules.flaw(DART_KEYS, Optional.of(REAL.substring(0, 40) + "," + REAL.substring(8, 48)),
                Optional.of("${KMARKET_SOURCES_DART_API_KEYS:}"), API_USER)).isEmpty();
    }

    @Test
    void reasonsNameTheVariableNeverTheValue() {
        assertThat(SecretRules.variablesOf("quarkus.datasource.password", API_PASSWORD_LINE))
                .containsExactly("KMARKET_DB_PASSWORD");
        assertThat(SecretRules.variablesOf("kmarket.internal.token", Optional.empty()))
                .containsExactly("KMARKET_INTERNAL_TOKEN");
        assertThat(SecretRules.flaw(DB_PASSWORD, Optional.of("kmarket_api"), API_PASSWORD_LINE, API_USER))
                .hasValueSatisfying(reason -> assertThat(reason).doesNotContain("kmarket_api"));
    }
}
