package io.kmarket.deploy;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a deployment must set for each service: the variables read without a default (computed from
 * application.properties) plus the checked list below of variables whose default only suits a developer machine.
 * The tests also check that every listed name is one the service really reads, so the list cannot drift.
 */
final class ProdSettings {

    private static final Set<String> EVERY_SERVICE = Set.of(
            // The default is localhost:5433, the port of ./kmarket up.
            "KMARKET_DB_URL",
            // The defaults equal the role names, and the passwords the role names: never valid in production.
            "KMARKET_DB_USERNAME", "KMARKET_DB_PASSWORD",
            "KMARKET_INTERNAL_TOKEN");

    private static final Map<String, Set<String>> PER_SERVICE = Map.of(
            // The default is http://localhost:8082.
            "api-service", Set.of("KMARKET_ML_URL"),
            // Without credentials a source is skipped: a deployment that collects nothing is not a deployment.
            "scheduler-service", Set.of("KMARKET_ML_URL", "KMARKET_SOURCES_KRX_USERNAME", "KMARKET_SOURCES_KRX_PASSWORD",
                    "KMARKET_SOURCES_DART_API_KEYS", "KMARKET_SOURCES_KIS_APP_KEY", "KMARKET_SOURCES_KIS_APP_SECRET"),
            "ml-service", Set.of());

    private ProdSettings() {
    }

    /** The listed variables whose defaults a production deployment must override. */
    static Set<String> listed(ServiceModule service) {
        Set<String> listed = new TreeSet<>(EVERY_SERVICE);
        listed.addAll(PER_SERVICE.getOrDefault(service.name(), Set.of()));
        return listed;
    }

    /** Everything a deployment of the service must set. */
    static Set<String> mustSet(ServiceModule service) {
        Set<String> all = new TreeSet<>(service.requiredEnvVars());
        all.addAll(listed(service));
        return all;
    }
}
