package io.kmarket.scheduler.fencing;

/**
 * A write refused because the leadership it was made under is over: another instance took the lock since
 * (a newer epoch), or this instance is standby. Not a failure of the data: nothing is recorded, retried or healed;
 * the current leader owns the work.
 */
public final class DeposedLeaderException extends RuntimeException {

    private final long epoch;
    private final long currentEpoch;
    private final String holder;

    public DeposedLeaderException(long epoch, long currentEpoch, String holder) {
        super(epoch < 0 ? "refused write: this instance is standby (leader " + holder + ")"
                : "refused write: leadership epoch " + epoch + " superseded by " + currentEpoch
                        + " (held by " + holder + ")");
        this.epoch = epoch;
        this.currentEpoch = currentEpoch;
        this.holder = holder;
    }

    /** Refused because this instance holds no leadership at all. */
    public static DeposedLeaderException standby() {
        return new DeposedLeaderException(-1, -1, "unknown");
    }

    public long epoch() {
        return epoch;
    }

    public long currentEpoch() {
        return currentEpoch;
    }

    public String holder() {
        return holder;
    }
}
