package io.kmarket.scheduler.crosscheck;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The ratio Naver divided a date's prices by: Naver adjusts every bar for the splits after it. KRX's listed shares
 * show a split as a whole-number jump (50:1 -> x50, a 1:10 consolidation -> /10) between the date and the latest
 * stored day; other changes of the share count (conversions, new issues) are no split and leave prices unadjusted.
 */
final class SplitFactor {

    /** A whole ratio may be off by this share of itself (a conversion on the split day). */
    private static final double WHOLE_TOLERANCE = 0.001;

    private SplitFactor() {
    }

    static BigDecimal of(Long sharesOnDate, Long latestShares) {
        if (sharesOnDate == null || latestShares == null || sharesOnDate <= 0 || latestShares <= 0) {
            return BigDecimal.ONE;
        }
        double ratio = (double) latestShares / sharesOnDate;
        if (ratio >= 1.5 && whole(ratio)) {
            return BigDecimal.valueOf(Math.round(ratio));
        }
        if (ratio <= 1 / 1.5 && whole(1 / ratio)) {
            return BigDecimal.ONE.divide(BigDecimal.valueOf(Math.round(1 / ratio)), new MathContext(6, RoundingMode.HALF_UP));
        }
        return BigDecimal.ONE;
    }

    private static boolean whole(double ratio) {
        return Math.abs(ratio - Math.round(ratio)) <= WHOLE_TOLERANCE * ratio;
    }
}
