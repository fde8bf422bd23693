package io.kmarket.scheduler;

import java.util.Optional;

import io.kmarket.testing.ServiceContract;
import io.quarkus.test.junit.QuarkusTest;

/** scheduler-service keeps the contract of every kmarket application; its internal API is behind the token. */
@QuarkusTest
class ServiceContractTest extends ServiceContract {

    @Override
    protected String jsonRoute() {
        return "/internal/collect";
    }

    @Override
    protected Optional<String> internalService() {
        return Optional.of("scheduler-service");
    }
}
