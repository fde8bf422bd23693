package io.kmarket.api;

import io.kmarket.testing.postgres.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every test of this module runs against the run's one real PostgreSQL, as the api-service role. */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = {
        @ResourceArg(name = "service", value = "api"),
        @ResourceArg(name = "migrate", value = "scheduler,ml") })
public final class TestDatabase {

    private TestDatabase() {
    }
}
