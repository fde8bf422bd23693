package io.kmarket.kit.secrets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a configured secret is fit for a deployment. Refused: empty (when required), a placeholder
 * committed somewhere in this repository (the Kubernetes and compose examples, the dev/test/e2e tokens, the sandbox
 * credentials the scripts used to pass), the built-in default of its own {@code ${VAR:default}} expression, and a
 * database password equal to the user name (what every role's default is). The reasons never quote the value: a
 * start-up log line must not leak a secret, even a wrong one.
 */
public final class SecretRules {

    /** Compared case-insensitively and trimmed. */
    static final Set<String> KNOWN_PLACEHOLDERS = Set.of(
            "change_me", "changeme", "change-me", "changeit", "password", "secret", "token",
            "dev-internal-token", "test-internal-token", "e2e-internal-token", "reliability",
            "kmarket_api", "kmarket_ml", "kmarket_scheduler",
            // The fixed sandbox credentials earlier versions of ./kmarket up, deploy/e2e and the scripts used.
            "sandbox", "sandboxappsecret", "pssandboxappkey000000000000000000000",
            "5a4d0b0c0000000000000000000000000000000a", "5a4d0b0c0000000000000000000000000000000b");

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)(?::([^}]*))?}");

    private SecretRules() {
    }

    /**
     * Why the value cannot be used, or empty when it can.
     *
     * @param expression the setting's line in application.properties (e.g. {@code ${KMARKET_DB_PASSWORD:kmarket_api}})
     * @param dbUsername the configured database user, compared with the database password only
     */
    public static Optional<String> flaw(SecretSetting setting, Optional<String> value, Optional<String> expression,
            Optional<String> dbUsername) {
        List<String> secrets = value.map(v -> setting.list() ? Arrays.asList(v.split(",")) : List.of(v))
                .orElse(List.of()).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (secrets.isEmpty()) {
            return setting.required() ? Optional.of("is empty") : Optional.empty();
        }
        Set<String> defaults = defaultsOf(expression.orElse(""));
        for (String secret : secrets) {
            String folded = secret.toLowerCase(Locale.ROOT);
            if (KNOWN_PLACEHOLDERS.contains(folded) || folded.contains("change_me")) {
                return Optional.of("is a known placeholder");
            }
            if (defaults.contains(secret)) {
                return Optional.of("is its built-in default");
            }
            if (setting.property().equals("quarkus.datasource.password") && dbUsername.map(secret::equals).orElse(false)) {
                return Optional.of("equals the database user name");
            }
        }
        return Optional.empty();
    }

    /** The environment variables an expression reads, else the one SmallRye maps to the property itself. */
    public static List<String> variablesOf(String property, Optional<String> expression) {
        List<String> variables = new ArrayList<>();
        Matcher m = EXPRESSION.matcher(expression.orElse(""));
        while (m.find()) {
            variables.add(m.group(1));
        }
        if (variables.isEmpty()) {
            variables.add(property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        }
        return variables;
    }

    private static Set<String> defaultsOf(String expression) {
        Set<String> defaults = new LinkedHashSet<>();
        Matcher m = EXPRESSION.matcher(expression);
        while (m.find()) {
            if (m.group(2) != null && !m.group(2).isBlank()) {
                defaults.add(m.group(2).strip());
            }
        }
        return defaults;
    }
}
