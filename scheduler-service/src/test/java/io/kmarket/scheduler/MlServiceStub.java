package io.kmarket.scheduler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * One WireMock server per test run standing in for ml-service's internal API and for the operators' webhook;
 * tests stub ml-service responses in the contract's format and read what the webhook received.
 */
public class MlServiceStub implements QuarkusTestResourceLifecycleManager {

    public static final String WEBHOOK_PATH = "/webhook/T000/B000";

    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    /** Drops every stub and recorded request, keeping the webhook answering 200. */
    public static void reset() {
        server.resetAll();
        stubWebhook();
    }

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort());
            server.start();
            stubWebhook();
        }
        return Map.of(
                "quarkus.rest-client.ml-service.url", server.baseUrl(),
                "kmarket.jobs.webhook-url", server.baseUrl() + WEBHOOK_PATH);
    }

    @Override
    public void stop() {
        // Shared by every application the run starts; the JVM's exit ends it.
    }

    private static void stubWebhook() {
        server.stubFor(post(urlEqualTo(WEBHOOK_PATH)).willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    /** Applies the stub to every test of the module. */
    @WithTestResource(value = MlServiceStub.class, scope = TestResourceScope.GLOBAL)
    public static final class Global {
        private Global() {
        }
    }
}
