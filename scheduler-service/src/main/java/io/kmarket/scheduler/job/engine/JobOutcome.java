package io.kmarket.scheduler.job.engine;

/**
 * The result of one attempt: records processed, and an error when the attempt failed without throwing or a reason
 * when there was nothing to do.
 */
public record JobOutcome(long records, String error, boolean skipped) {

    public static JobOutcome succeeded(long records) {
        return new JobOutcome(records, null, false);
    }

    public static JobOutcome failed(long records, String error) {
        return new JobOutcome(records, error, false);
    }

    /**
     * Nothing to do for the date, by design rather than by accident (e.g. no model trained yet to predict with):
     * recorded as skipped with the reason, and neither retried nor notified, since trying again cannot help.
     */
    public static JobOutcome skipped(String reason) {
        return new JobOutcome(0, reason, true);
    }
}
