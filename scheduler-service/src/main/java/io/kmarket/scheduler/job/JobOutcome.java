package io.kmarket.scheduler.job;

/** The result of one attempt: records processed, and an error when the attempt failed without throwing. */
public record JobOutcome(long records, String error) {

    public static JobOutcome succeeded(long records) {
        return new JobOutcome(records, null);
    }

    public static JobOutcome failed(long records, String error) {
        return new JobOutcome(records, error);
    }

    public boolean isSuccess() {
        return error == null;
    }
}
