package io.kmarket.api.stocks.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same checks against the packaged application (the native executable with -Pnative). */
@QuarkusIntegrationTest
class StocksResourceIT extends StocksResourceTest {
}
