package io.kmarket.ml;

import io.kmarket.testing.ServiceContract;
import io.quarkus.test.junit.QuarkusTest;

/** ml-service keeps the contract of every kmarket application; its internal API is behind the token. */
@QuarkusTest
class ServiceContractTest extends ServiceContract {

    ServiceContractTest() {
        super("/internal/indicators/compute", "ml-service");
    }
}
