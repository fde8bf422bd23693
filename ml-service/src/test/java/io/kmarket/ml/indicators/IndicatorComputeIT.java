package io.kmarket.ml.indicators;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same checks against the packaged application (the native executable with -Pnative). */
@QuarkusIntegrationTest
class IndicatorComputeIT extends IndicatorComputeTest {
}
