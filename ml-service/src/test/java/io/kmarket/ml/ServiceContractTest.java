package io.kmarket.ml;

import java.util.Optional;

import io.kmarket.testing.ServiceContract;
import io.quarkus.test.junit.QuarkusTest;

/** ml-service keeps the contract of every kmarket application; its internal API is behind the token. */
@QuarkusTest
class ServiceContractTest extends ServiceContract {

    @Override
    protected String jsonRoute() {
        return "/internal/indicators/compute";
    }

    @Override
    protected Optional<String> internalService() {
        return Optional.of("ml-service");
    }
}
