package io.kmarket.api.actions;

import io.kmarket.kit.problem.BadParameterException;

/**
 * What a price series is adjusted for: nothing (the raw KRX prices), share-count events (KRX's reference-price
 * ratio on the ex-date of a split, reverse split, capital reduction, bonus issue, rights offering or stock dividend)
 * or, in addition, cash dividends.
 */
public enum Adjustment {
    NONE("none"), SPLIT("split"), TOTAL("total");

    private final String value;

    Adjustment(String value) {
        this.value = value;
    }

    /** The query parameter's value. */
    public String value() {
        return value;
    }

    /** The {@code adjust} parameter; absent is {@link #NONE}, anything unknown a 400 naming it. */
    public static Adjustment parse(String raw) {
        if (raw == null) {
            return NONE;
        }
        for (Adjustment mode : values()) {
            if (mode.value.equals(raw)) {
                return mode;
            }
        }
        throw new BadParameterException("adjust", "must be one of none, split (share-count events), total (also cash dividends)");
    }
}
