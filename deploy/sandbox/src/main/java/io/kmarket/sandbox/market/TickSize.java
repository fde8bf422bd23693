package io.kmarket.sandbox.market;

/** KRX price ticks (unified KOSPI/KOSDAQ table in force since 2023) and the ±30% daily price limits. */
public final class TickSize {

    private TickSize() {
    }

    public static int of(long price) {
        if (price < 2_000) {
            return 1;
        }
        if (price < 5_000) {
            return 5;
        }
        if (price < 20_000) {
            return 10;
        }
        if (price < 50_000) {
            return 50;
        }
        if (price < 200_000) {
            return 100;
        }
        if (price < 500_000) {
            return 500;
        }
        return 1_000;
    }

    public static long round(double price) {
        long raw = Math.max(1, Math.round(price));
        int tick = of(raw);
        return Math.max(tick, Math.round((double) raw / tick) * tick);
    }

    public static long floor(double price) {
        long raw = Math.max(1, (long) Math.floor(price));
        int tick = of(raw);
        return Math.max(1, raw / tick * tick);
    }

    public static long ceil(double price) {
        long raw = Math.max(1, (long) Math.ceil(price));
        int tick = of(raw);
        return (raw + tick - 1) / tick * tick;
    }

    /** Highest price allowed on a day whose base (previous close) is {@code base}. */
    public static long upperLimit(long base) {
        return floor(base * 1.3);
    }

    public static long lowerLimit(long base) {
        return Math.max(1, ceil(base * 0.7));
    }
}
