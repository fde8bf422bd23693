package io.kmarket.ml.predictions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;


/**
 * The fit on data sets small enough to solve by hand: the standardisation, the weights where the optimum has a
 * closed form, and the first-order condition of the penalised likelihood where it has none.
 */
class LogisticRegressionTest {

    private static final double EPS = 1e-9;

    @Test
    void featuresAreStandardisedByTheirMeanAndPopulationDeviationAndAConstantFeatureIsLeftUnscaled() {
        double[] x = {1, 7, 2, 7, 3, 7, 4, 7};
        boolean[] up = {false, true, false, true};

        LogisticRegression model = LogisticRegression.fit(x, up, 4, 2, 1);

        // Feature 0: mean 2.5, deviations ±0.5 and ±1.5, variance (0.25 + 2.25) * 2 / 4 = 1.25.
        assertThat(model.mean()).containsExactly(new double[] {2.5, 7}, within(EPS));
        assertThat(model.scale()).containsExactly(new double[] {Math.sqrt(1.25), 1}, within(EPS));
    }

    /**
     * One feature taking two values, standardised to -1 and +1; 1 of 4 samples up at -1, 3 of 4 at +1. Unpenalised,
     * the likelihood is maximal where the model reproduces the observed frequencies: p(+1) = 3/4 and p(-1) = 1/4,
     * so by symmetry the bias is 0 and the weight logit(3/4) = ln 3.
     */
    @Test
    void withoutPenaltyTheFitReproducesTheObservedFrequencies() {
        LogisticRegression model = LogisticRegression.fit(twoLevels(), twoLevelsUp(), 8, 1, 0);

        assertThat(model.weights()).containsExactly(new double[] {Math.log(3)}, within(1e-7));
        assertThat(model.bias()).isCloseTo(0, within(1e-7));
        assertThat(model.probabilityUp(new double[] {10}, 0)).isCloseTo(0.75, within(1e-7));
        assertThat(model.probabilityUp(new double[] {0}, 0)).isCloseTo(0.25, within(1e-7));
    }

    /**
     * The same data with an L2 penalty λ on the weight. With p = σ(w), the derivative of the penalised
     * log-likelihood in w is (3 - 4p)·(+1) + (1 - 4(1 - p))·(-1) - λw = 2(3 - 4p) - λw. Choosing w = ln 2 gives
     * p = 2/3 and 2(3 - 8/3) = 2/3, so λ = 2 / (3 ln 2) puts the optimum exactly at w = ln 2: the penalty shrinks
     * the weight from ln 3.
     */
    @Test
    void thePenaltyShrinksTheWeightToTheHandDerivedOptimum() {
        double lambda = 2 / (3 * Math.log(2));

        LogisticRegression model = LogisticRegression.fit(twoLevels(), twoLevelsUp(), 8, 1, lambda);

        assertThat(model.weights()).containsExactly(new double[] {Math.log(2)}, within(1e-7));
        assertThat(model.bias()).isCloseTo(0, within(1e-7));
        assertThat(model.probabilityUp(new double[] {10}, 0)).isCloseTo(2.0 / 3, within(1e-7));
    }

    /**
     * Separable data has no unpenalised optimum (the weight would grow without bound); with the penalty the fit is
     * finite, separates the classes and is symmetric about the mean of the mirrored samples.
     */
    @Test
    void separableDataGetsAFiniteSeparatingFitUnderThePenalty() {
        double[] x = {0, 1, 2, 3};
        boolean[] up = {false, false, true, true};

        LogisticRegression model = LogisticRegression.fit(x, up, 4, 1, 1);

        assertThat(Double.isFinite(model.weights()[0])).isTrue();
        assertThat(model.weights()[0]).isPositive();
        assertThat(model.bias()).isCloseTo(0, within(1e-9));
        double low = model.probabilityUp(x, 0);
        double high = model.probabilityUp(x, 3);
        assertThat(low).isLessThan(0.5);
        assertThat(high).isGreaterThan(0.5);
        assertThat(low + high).isCloseTo(1, within(1e-9));
        assertStationary(model, x, up, 4, 1, 1);
    }

    @Test
    void aFitOnTwoCorrelatedFeaturesSatisfiesTheFirstOrderConditionOfThePenalisedLikelihood() {
        double[] x = {0.3, 1.2, -1.1, 0.4, 2.0, 2.2, 0.7, -0.3, -0.8, -1.9, 1.5, 0.1, 0.0, 0.9, -0.4, -0.2};
        boolean[] up = {true, false, true, false, false, true, true, false};

        LogisticRegression model = LogisticRegression.fit(x, up, 8, 2, 0.5);

        assertStationary(model, x, up, 8, 2, 0.5);
    }

    @Test
    void noSamplesIsRefused() {
        assertThatThrownBy(() -> LogisticRegression.fit(new double[0], new boolean[0], 0, 3, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** 4 samples at 0 (1 up) and 4 at 10 (3 up): mean 5, population deviation 5, standardised -1 and +1. */
    private static double[] twoLevels() {
        return new double[] {0, 0, 0, 0, 10, 10, 10, 10};
    }

    private static boolean[] twoLevelsUp() {
        return new boolean[] {true, false, false, false, true, true, true, false};
    }

    /**
     * At the optimum the gradient of Σ log-likelihood - λ/2·|w|² vanishes: Σ (y - p)·z_j = λ·w_j for each weight
     * on the standardised features z, and Σ (y - p) = 0 for the unpenalised bias; p from the model's own output.
     */
    private static void assertStationary(LogisticRegression model, double[] x, boolean[] up, int rows, int width,
            double l2) {
        double[] gradient = new double[width];
        double biasGradient = 0;
        for (int r = 0; r < rows; r++) {
            double residual = (up[r] ? 1 : 0) - model.probabilityUp(x, r * width);
            biasGradient += residual;
            for (int j = 0; j < width; j++) {
                gradient[j] += residual * (x[r * width + j] - model.mean()[j]) / model.scale()[j];
            }
        }
        assertThat(biasGradient).isCloseTo(0, within(1e-7));
        for (int j = 0; j < width; j++) {
            assertThat(gradient[j]).as("gradient of weight %d", j).isCloseTo(l2 * model.weights()[j], within(1e-7));
        }
    }
}
