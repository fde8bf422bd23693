package io.kmarket.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deployable module and what its application.properties says it reads: the independent oracle of the manifest
 * tests. Only production keys count: {@code %dev.} / {@code %test.} overrides never apply in a deployment.
 */
record ServiceModule(String name, String dir, Map<String, String> properties) {

    static final ServiceModule API = load("api-service", "api-service");
    static final ServiceModule SCHEDULER = load("scheduler-service", "scheduler-service");
    static final ServiceModule ML = load("ml-service", "ml-service");
    static final ServiceModule SANDBOX = load("sandbox", "deploy/sandbox");

    /** The three services of deploy/k8s; compose and the Dockerfiles also cover the sandbox. */
    static final List<ServiceModule> SERVICES = List.of(API, SCHEDULER, ML);
    static final List<ServiceModule> ALL = List.of(API, SCHEDULER, ML, SANDBOX);

    /** ${KMARKET_X} or ${KMARKET_X:default}; the default may be empty. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{((?:KMARKET|QUARKUS)_[A-Z0-9_]+)(?::([^}]*))?}");

    static ServiceModule load(String name, String dir) {
        Properties raw = new Properties();
        try {
            raw.load(new StringReader(Checkout.read(dir + "/src/main/resources/application.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> prod = new LinkedHashMap<>();
        raw.stringPropertyNames().stream().filter(key -> !key.startsWith("%")).sorted()
                .forEach(key -> prod.put(key, raw.getProperty(key)));
        return new ServiceModule(name, dir, prod);
    }

    /** Every environment variable the service reads, with its default when it has one. */
    Map<String, Optional<String>> envVars() {
        Map<String, Optional<String>> vars = new LinkedHashMap<>();
        for (String value : properties.values()) {
            Matcher m = PLACEHOLDER.matcher(value);
            while (m.find()) {
                vars.put(m.group(1), Optional.ofNullable(m.group(2)));
            }
        }
        return vars;
    }

    /** Variables without a default: the service does not start in production without them. */
    Set<String> requiredEnvVars() {
        Set<String> required = new TreeSet<>();
        envVars().forEach((name, fallback) -> {
            if (fallback.isEmpty()) {
                required.add(name);
            }
        });
        return required;
    }

    /** The production default of a variable (it must be read with one). */
    String defaultOf(String envVar) {
        return envVars().getOrDefault(envVar, Optional.empty())
                .orElseThrow(() -> new AssertionError(name + " reads no " + envVar + " with a default"));
    }

    int defaultPort() {
        return Integer.parseInt(defaultOf("KMARKET_HTTP_PORT"));
    }

    Duration defaultShutdownTimeout() {
        return duration(defaultOf("KMARKET_SHUTDOWN_TIMEOUT"));
    }

    /** Readiness DOWN while still serving, before the graceful shutdown starts; zero where a service has none. */
    Duration defaultShutdownDelay() {
        return envVars().getOrDefault("KMARKET_SHUTDOWN_DELAY", Optional.empty()).map(ServiceModule::duration)
                .orElse(Duration.ZERO);
    }

    /** Quarkus durations: ISO-8601 (PT20S) or a number with a unit (20s, 500ms, 2m). */
    static Duration duration(String text) {
        String t = text.trim();
        if (t.toUpperCase().startsWith("P")) {
            return Duration.parse(t);
        }
        Matcher m = Pattern.compile("(\\d+)(ms|s|m|h)?").matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
