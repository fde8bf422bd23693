package io.kmarket.api.actions;

import java.time.LocalDate;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A stock's cumulative factor steps (market.adjustment_factors) from some day on, ascending, and the version of its
 * factors (market.adjustment_versions; 0 when the stock never had any). A day's factors are those of the first
 * step whose ex-date is after it; after the last step they are 1.
 */
public record AdjustmentFactors(long version, List<Step> steps) {

    /**
     * One row of market.adjustment_factors: prices of the days before {@code exDate} (and on or after the previous
     * step's) are multiplied by {@code splitFactor} or {@code totalFactor}, volumes divided by {@code splitFactor}.
     */
    @RegisterForReflection
    public record Step(LocalDate exDate, double splitFactor, double totalFactor) {
    }

    /**
     * Walks the factors along days in ascending order, as a price range scan delivers them: each step is passed
     * once, so a year of prices costs no search.
     */
    public Walker walker() {
        return new Walker();
    }

    /** The factors of one day after another; the days must not go backwards. */
    public final class Walker {

        private int next;
        private Step current;

        private Walker() {
        }

        /** Moves to {@code day}; the factors below are then that day's. */
        public void moveTo(LocalDate day) {
            while (next < steps.size() && !steps.get(next).exDate().isAfter(day)) {
                next++;
            }
            current = next < steps.size() ? steps.get(next) : null;
        }

        public double splitFactor() {
            return current == null ? 1 : current.splitFactor();
        }

        public double totalFactor() {
            return current == null ? 1 : current.totalFactor();
        }
    }
}
