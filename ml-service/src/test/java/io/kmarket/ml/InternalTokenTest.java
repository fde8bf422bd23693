package io.kmarket.ml;

import io.kmarket.testing.InternalTokenContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class InternalTokenTest extends InternalTokenContract {

    @Override
    protected String serviceName() {
        return "ml-service";
    }
}
