package io.kmarket.kit.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;

/**
 * Fails the start of a service whose secrets are empty, placeholders or built-in defaults ({@link SecretRules}),
 * unless the run is local: the dev or test profile, or {@code kmarket.local-run=true} (KMARKET_LOCAL_RUN), which only
 * a developer machine sets. Observes the start before every other observer, so no job, leader election or
 * re-queued report runs with them; the HTTP server opens only after the start events, so nothing is served either.
 */
@Singleton
public class ProductionSecretsCheck {

    static final String LOCAL_RUN = "kmarket.local-run";
    private static final Logger LOG = Logger.getLogger(ProductionSecretsCheck.class);

    void refuseUnfitSecrets(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start) {
        Config config = ConfigProvider.getConfig();
        if (localRun(config)) {
            LOG.info("Local run: secrets are not checked for placeholders and defaults");
            return;
        }
        List<String> refusals = refusals(config, new PropertyExpressions());
        if (!refusals.isEmpty()) {
            throw new IllegalStateException("Refusing to start with secrets unfit outside a local run: "
                    + String.join("; ", refusals) + ". Set real values (docs/operations.md, \"Secrets\"); only a "
                    + "developer machine may set KMARKET_LOCAL_RUN=true.");
        }
    }

    static boolean localRun(Config config) {
        if (config.getOptionalValue(LOCAL_RUN, Boolean.class).orElse(false)) {
            return true;
        }
        List<String> profiles = config.unwrap(SmallRyeConfig.class).getProfiles();
        return profiles.contains("dev") || profiles.contains("test");
    }

    /** One line per unfit secret: the setting and its variables, why, never the value. */
    static List<String> refusals(Config config, PropertyExpressions expressions) {
        Optional<String> username = config.getOptionalValue(SecretSetting.DB_USERNAME, String.class);
        List<String> refusals = new ArrayList<>();
        for (SecretSetting setting : SecretSetting.ALL) {
            // The string as configured: read as a list, an empty optional one would be refused by the converter.
            Optional<String> value = Optional.ofNullable(config.getConfigValue(setting.property()).getValue());
            Optional<String> expression = expressions.of(setting.property());
            SecretRules.flaw(setting, value, expression, username).ifPresent(flaw -> refusals.add(setting.property()
                    + " (" + String.join(", ", SecretRules.variablesOf(setting.property(), expression)) + ") " + flaw));
        }
        return refusals;
    }
}
