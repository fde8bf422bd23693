package io.kmarket.scheduler;

import io.kmarket.testing.ServiceContract;
import io.quarkus.test.junit.QuarkusTest;

/** scheduler-service keeps the contract of every kmarket application; its internal API is behind the token. */
@QuarkusTest
class ServiceContractTest extends ServiceContract {

    ServiceContractTest() {
        super("/internal/collect", "scheduler-service");
    }
}
