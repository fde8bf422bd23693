package io.kmarket.ml.market;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The adjustment factors of every stock with a corporate action and the factor version each was read at
 * (market.adjustment_versions), from one read: computations adjust prices with it and record the versions they
 * computed under. {@link #unavailable()} stands for a database whose scheduler has no factor tables yet: every
 * factor is 1 and no version is known.
 */
public final class PriceAdjustments {

    /** The version of a stock that has never had factors. */
    public static final long NO_VERSION = 0;

    private static final PriceAdjustments UNAVAILABLE = new PriceAdjustments(Map.of(), Map.of(), false);

    private final Map<String, FactorSteps> steps;
    private final Map<String, Long> versions;
    private final boolean available;

    private PriceAdjustments(Map<String, FactorSteps> steps, Map<String, Long> versions, boolean available) {
        this.steps = steps;
        this.versions = versions;
        this.available = available;
    }

    public static PriceAdjustments of(Map<String, FactorSteps> steps, Map<String, Long> versions) {
        return new PriceAdjustments(Map.copyOf(steps), Map.copyOf(versions), true);
    }

    public static PriceAdjustments unavailable() {
        return UNAVAILABLE;
    }

    /** False when the factor tables do not exist: versions then mean nothing and must not be recorded. */
    public boolean available() {
        return available;
    }

    public FactorSteps steps(String code) {
        return steps.getOrDefault(code, FactorSteps.NONE);
    }

    public long version(String code) {
        return versions.getOrDefault(code, NO_VERSION);
    }

    /**
     * The factors as they stood on {@code day} (see {@link FactorSteps#asOf}): prices of that day unadjusted, the
     * days before adjusted to them. For what is shown as of a past day, not for stored values.
     */
    public PriceAdjustments asOf(LocalDate day) {
        Map<String, FactorSteps> then = new HashMap<>();
        steps.forEach((code, s) -> then.put(code, s.asOf((int) day.toEpochDay())));
        return new PriceAdjustments(Map.copyOf(then), versions, available);
    }

    /** Every stock with a version. */
    public Map<String, Long> versions() {
        return versions;
    }
}
