package io.kmarket.sandbox.market;

import java.time.LocalTime;
import java.util.SplittableRandom;

/**
 * When in its day a filing is accepted (접수). OpenDART does not publish a distribution and the format reference is
 * silent on it, so this is a chosen one: most filings during market hours, some before the open and in the late
 * afternoon, some after 18:00 and a few after 20:00, up to midnight (quarterly reports and ownership filings are
 * often sent in the evening).
 */
final class AcceptanceHours {

    /** {cumulative share, first second of the day, end second of the day (exclusive)}. */
    private static final double[][] BANDS = {
        {0.06, seconds(7, 0), seconds(9, 0)},
        {0.68, seconds(9, 0), seconds(15, 30)},
        {0.80, seconds(15, 30), seconds(18, 0)},
        {0.93, seconds(18, 0), seconds(20, 0)},
        {1.00, seconds(20, 0), seconds(24, 0)},
    };

    private AcceptanceHours() {
    }

    static LocalTime draw(SplittableRandom random) {
        double share = random.nextDouble();
        for (double[] band : BANDS) {
            if (share < band[0]) {
                return LocalTime.ofSecondOfDay((long) band[1] + random.nextLong((long) (band[2] - band[1])));
            }
        }
        throw new IllegalStateException("the bands cover every share below 1");
    }

    private static double seconds(int hour, int minute) {
        return hour * 3600 + minute * 60;
    }
}
