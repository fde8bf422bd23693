package io.kmarket.sandbox.market;

/** A stock split effective on trading day {@code dayIndex}: one old share becomes {@code ratio} new ones. */
public record Split(int dayIndex, int ratio) {
}
