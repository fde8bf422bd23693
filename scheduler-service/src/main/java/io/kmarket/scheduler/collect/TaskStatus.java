package io.kmarket.scheduler.collect;

/**
 * How a collection task ended, as ops.fetch_execution_logs records it: {@link #value()} is the column's value, one
 * of those its CHECK constraint allows. A timeout is recorded apart from other failures, and counts as failed in the
 * run summary.
 */
public enum TaskStatus {

    SUCCESS("success"), FAILED("failed"), TIMEOUT("timeout"), SKIPPED("skipped");

    private final String value;

    TaskStatus(String value) {
        this.value = value;
    }

    /** The ops.fetch_execution_logs.status value (also the metrics' status tag). */
    public String value() {
        return value;
    }
}
