package io.kmarket.scheduler.collect;

/** How one task ended, as counted in the run summary. */
record TaskOutcome(Status status, int records, int rejected) {

    enum Status {
        SUCCESS, FAILED, SKIPPED, SKIPPED_UNCONFIGURED
    }

    static TaskOutcome success(int records, int rejected) {
        return new TaskOutcome(Status.SUCCESS, records, rejected);
    }

    static TaskOutcome failed() {
        return new TaskOutcome(Status.FAILED, 0, 0);
    }

    static TaskOutcome skipped(boolean unconfigured) {
        return new TaskOutcome(unconfigured ? Status.SKIPPED_UNCONFIGURED : Status.SKIPPED, 0, 0);
    }
}
