package io.kmarket.sandbox.market;

import java.util.SplittableRandom;

/**
 * Derives independent, reproducible random streams from the market seed: every stock, day and disclosure
 * draws from its own stream, so any single answer can be generated on demand without replaying the others.
 */
public final class Seeds {

    private Seeds() {
    }

    /** SplitMix64 finaliser over a combination of parts: cheap and well distributed. */
    public static long mix(long seed, long... parts) {
        long z = seed;
        for (long part : parts) {
            z = finalise(z * 0x9E3779B97F4A7C15L + part + 0x632BE59BD9B4E019L);
        }
        return finalise(z);
    }

    public static SplittableRandom random(long seed, long... parts) {
        return new SplittableRandom(mix(seed, parts));
    }

    private static long finalise(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
