package io.kmarket.scheduler.collect.fetch;

/** A row that could not be parsed: not stored, recorded in ops.rejected_records with why. */
public record Rejection(String reason, String excerpt) {

    private static final int MAX_EXCERPT = 500;

    public Rejection {
        if (excerpt != null && excerpt.length() > MAX_EXCERPT) {
            excerpt = excerpt.substring(0, MAX_EXCERPT);
        }
    }
}
