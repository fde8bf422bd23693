package io.kmarket.api.shared;

import java.math.BigDecimal;

/** Doubles as answers show them: the shortest decimal that reads back as the same double, never in E-notation. */
public final class Decimals {

    private Decimals() {
    }

    /**
     * BigDecimal.valueOf takes Double.toString's shortest digits; a negative scale (1.0E7) is widened so that
     * Jackson and toString write the digits out (10000000) as they do for the unadjusted integers.
     */
    public static BigDecimal plain(double value) {
        BigDecimal decimal = BigDecimal.valueOf(value);
        return decimal.scale() < 0 ? decimal.setScale(0) : decimal;
    }
}
