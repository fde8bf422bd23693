package io.kmarket.scheduler.collect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * One WireMock server standing in for every upstream (under /krx, /dart, /naver, /kis, /daum), serving the real
 * formats recorded in upstream-formats.md (test resources under upstream/). Every test of the module sees the
 * same base URLs and credentials.
 */
@WithTestResource(value = UpstreamStub.Resource.class, scope = TestResourceScope.GLOBAL)
public final class UpstreamStub {

    public static final String KRX_USER = "kmarket-test";
    public static final String KRX_PASSWORD = "krx-secret";
    public static final String DART_KEY_A = "a".repeat(40);
    public static final String DART_KEY_B = "b".repeat(40);
    public static final String KIS_APP_KEY = "PSkisappkey000000000000000000000000";
    public static final String KIS_APP_SECRET = "kis-secret";

    private static WireMockServer server;

    private UpstreamStub() {
    }

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
            server.start();
        }
        return server;
    }

    /** A recorded upstream answer from src/test/resources/upstream. */
    public static byte[] sample(String path) {
        try (InputStream in = UpstreamStub.class.getResourceAsStream("/upstream/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample upstream/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static class Resource implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            String base = "http://localhost:" + server().port();
            return Map.ofEntries(
                    Map.entry("kmarket.sources.krx.base-url", base + "/krx"),
                    Map.entry("kmarket.sources.krx.username", KRX_USER),
                    Map.entry("kmarket.sources.krx.password", KRX_PASSWORD),
                    Map.entry("kmarket.sources.dart.base-url", base + "/dart"),
                    Map.entry("kmarket.sources.dart.api-keys", DART_KEY_A + "," + DART_KEY_B),
                    Map.entry("kmarket.sources.naver.base-url", base + "/naver"),
                    Map.entry("kmarket.sources.kis.base-url", base + "/kis"),
                    Map.entry("kmarket.sources.kis.app-key", KIS_APP_KEY),
                    Map.entry("kmarket.sources.kis.app-secret", KIS_APP_SECRET),
                    Map.entry("kmarket.sources.daum.base-url", base + "/daum"));
        }

        @Override
        public void stop() {
            // The server lives as long as the test JVM, like the shared database.
        }
    }
}
