package io.kmarket.ml.indicators;

import java.time.Duration;

/** What one indicator computation stored, and where its time went (read and compute overlap with streaming). */
public record ComputeTimings(long rows, Duration read, Duration compute, Duration write) {

    public Duration total() {
        return read.plus(compute).plus(write);
    }
}
