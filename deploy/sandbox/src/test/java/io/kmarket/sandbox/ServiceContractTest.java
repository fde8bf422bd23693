package io.kmarket.sandbox;

import java.util.Optional;

import io.kmarket.testing.ServiceContract;
import io.quarkus.test.junit.QuarkusTest;

/** The sandbox's own endpoints keep the contract of every kmarket application; it has no internal surface. */
@QuarkusTest
class ServiceContractTest extends ServiceContract {

    @Override
    protected String jsonRoute() {
        return "/sandbox/chaos";
    }

    @Override
    protected Optional<String> internalService() {
        return Optional.empty();
    }
}
