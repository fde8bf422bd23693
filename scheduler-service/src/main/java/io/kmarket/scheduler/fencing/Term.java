package io.kmarket.scheduler.fencing;

/** A leadership this process holds or held: the election lock and the epoch it was taken with. */
public record Term(long lockKey, long epoch) {
}
