package io.kmarket.sandbox;

/** KRX's rules written out independently of the sandbox's code, for tests to compute expected values with. */
public final class KrxRules {

    private KrxRules() {
    }

    /** KRX tick rounding (unified table since 2023) of a price to the nearest tick. */
    public static long tick(double price) {
        long raw = Math.max(1, Math.round(price));
        int tick = raw < 2_000 ? 1 : raw < 5_000 ? 5 : raw < 20_000 ? 10 : raw < 50_000 ? 50 : raw < 200_000 ? 100
                : raw < 500_000 ? 500 : 1_000;
        return Math.max(tick, Math.round((double) raw / tick) * tick);
    }
}
