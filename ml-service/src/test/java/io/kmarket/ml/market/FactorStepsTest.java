package io.kmarket.ml.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * A 2:1 split on day 20 and, before it, a 50:1 split with a dividend on day 10: the cumulative steps as the
 * scheduler stores them (day 10's step carries both splits), read per day and as a past day stood.
 */
class FactorStepsTest {

    private static final FactorSteps STEPS = new FactorSteps(new int[] { 10, 20 }, new double[] { 0.01, 0.5 },
            new double[] { 0.0099, 0.5 });

    @Test
    void aDayTakesTheStepOfTheFirstExDateAfterIt() {
        assertThat(STEPS.splitFactorOn(3)).isEqualTo(0.01);
        assertThat(STEPS.totalFactorOn(9)).isEqualTo(0.0099);
        assertThat(STEPS.splitFactorOn(10)).as("the ex-date itself trades on the new shares").isEqualTo(0.5);
        assertThat(STEPS.splitFactorOn(19)).isEqualTo(0.5);
        assertThat(STEPS.splitFactorOn(20)).isEqualTo(1.0);
        assertThat(STEPS.totalFactorOn(400)).isEqualTo(1.0);
        assertThat(FactorSteps.NONE.splitFactorOn(3)).isEqualTo(1.0);
    }

    @Test
    void asAPastDayStoodOnlyTheActionsUpToItCount() {
        FactorSteps between = STEPS.asOf(15);
        assertThat(between.size()).isEqualTo(1);
        assertThat(between.exDay(0)).isEqualTo(10);
        // Only the 50:1 split and the dividend of day 10: 0.01 / 0.5 and 0.0099 / 0.5.
        assertThat(between.splitFactorOn(9)).isCloseTo(0.02, within(1e-15));
        assertThat(between.totalFactorOn(9)).isCloseTo(0.0198, within(1e-15));
        assertThat(between.splitFactorOn(15)).isEqualTo(1.0);
        assertThat(STEPS.asOf(20).splitFactorOn(9)).isEqualTo(0.01);
        assertThat(STEPS.asOf(9).size()).isZero();
    }
}
