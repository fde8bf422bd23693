package io.kmarket.testing.postgres;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at the shared test database, connected as the service's own role.
 * <p>
 * Init args: {@code service} (scheduler, ml or api: whose role to connect as) and {@code migrate}
 * (comma-separated owners whose migrations must exist first, e.g. {@code scheduler} for a reader of market).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private ServiceSchema service = ServiceSchema.API;
    private ServiceSchema[] migrate = {};

    @Override
    public void init(Map<String, String> initArgs) {
        service = parse(initArgs.getOrDefault("service", "api"));
        migrate = Arrays.stream(initArgs.getOrDefault("migrate", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty())
                .map(PostgresTestResource::parse)
                .toArray(ServiceSchema[]::new);
    }

    @Override
    public Map<String, String> start() {
        KmarketTestDatabase database = KmarketTestDatabase.shared();
        for (ServiceSchema owner : migrate) {
            database.migrate(owner);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", service.role(),
                "quarkus.datasource.password", service.password());
    }

    @Override
    public void stop() {
        // The cluster outlives a single Quarkus application: it is shared by the run and stopped at JVM exit.
    }

    private static ServiceSchema parse(String name) {
        return ServiceSchema.valueOf(name.toUpperCase(Locale.ROOT));
    }
}
