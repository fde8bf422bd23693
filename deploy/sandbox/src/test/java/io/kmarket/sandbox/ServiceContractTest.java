package io.kmarket.sandbox;

import io.kmarket.testing.ServiceContract;
import io.quarkus.test.junit.QuarkusTest;

/** The sandbox's own endpoints keep the contract of every kmarket application; it has no internal surface. */
@QuarkusTest
class ServiceContractTest extends ServiceContract {

    ServiceContractTest() {
        super("/sandbox/chaos");
    }
}
