package io.kmarket.scheduler;

import io.kmarket.testing.InternalTokenContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class InternalTokenTest extends InternalTokenContract {

    @Override
    protected String serviceName() {
        return "scheduler-service";
    }
}
