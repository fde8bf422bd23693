package io.kmarket.api;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * WireMock playing ml-service over real HTTP for every test of the run; a test stubs the answers it needs
 * (normal, 429, slow, connection failures) and resets them.
 */
@WithTestResource(value = MlServiceStub.Resource.class, scope = TestResourceScope.GLOBAL)
public final class MlServiceStub {

    private static WireMockServer server;

    private MlServiceStub() {
    }

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort());
            server.start();
        }
        return server;
    }

    public static class Resource implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            return Map.of("quarkus.rest-client.ml-service.url", server().baseUrl());
        }

        @Override
        public void stop() {
            // The stub serves the whole run, as the database does; it stops with the JVM.
        }
    }
}
