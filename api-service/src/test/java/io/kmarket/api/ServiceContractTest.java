package io.kmarket.api;

import io.kmarket.testing.ServiceContract;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The public API keeps the contract of every kmarket application, and has no internal surface even for a caller that
 * knows the service token.
 */
@QuarkusTest
class ServiceContractTest extends ServiceContract {

    ServiceContractTest() {
        super("/api/v1/reports");
    }
}
