package io.kmarket.scheduler.collect;

/**
 * How one task ended, as counted in the run summary: the status it was recorded with, and whether a skip was for
 * want of the source's credentials (expected on a deployment without that source, so not a failed run).
 */
record TaskOutcome(TaskStatus status, boolean unconfigured, int records, int rejected) {

    static TaskOutcome success(int records, int rejected) {
        return new TaskOutcome(TaskStatus.SUCCESS, false, records, rejected);
    }

    /** Failed, or timed out: {@code status} is the one recorded. */
    static TaskOutcome failed(TaskStatus status) {
        return new TaskOutcome(status, false, 0, 0);
    }

    static TaskOutcome skipped(boolean unconfigured) {
        return new TaskOutcome(TaskStatus.SKIPPED, unconfigured, 0, 0);
    }
}
