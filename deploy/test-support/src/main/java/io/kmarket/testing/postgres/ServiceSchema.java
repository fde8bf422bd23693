package io.kmarket.testing.postgres;

import java.util.List;

/** Who owns which schemas, and where the owner's Flyway migrations live in the repository. */
public enum ServiceSchema {
    SCHEDULER("kmarket_scheduler", "scheduler-service/src/main/resources/db/scheduler", List.of("ops", "market")),
    ML("kmarket_ml", "ml-service/src/main/resources/db/ml", List.of("analytics")),
    API("kmarket_api", null, List.of());

    private final String role;
    private final String migrationDirectory;
    private final List<String> schemas;

    ServiceSchema(String role, String migrationDirectory, List<String> schemas) {
        this.role = role;
        this.migrationDirectory = migrationDirectory;
        this.schemas = schemas;
    }

    public String role() {
        return role;
    }

    /** Test passwords only; real deployments pass their own to deploy/db/roles.sql. */
    public String password() {
        return role;
    }

    String migrationDirectory() {
        return migrationDirectory;
    }

    List<String> schemas() {
        return schemas;
    }
}
