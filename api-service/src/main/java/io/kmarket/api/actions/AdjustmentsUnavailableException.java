package io.kmarket.api.actions;

/**
 * The tables of corporate actions and factors do not exist yet: the scheduler that creates them has not been
 * upgraded. Answered 503; the unadjusted routes keep working without them.
 */
public class AdjustmentsUnavailableException extends RuntimeException {

    public AdjustmentsUnavailableException(Throwable cause) {
        super("adjustment factors are not available yet", cause);
    }
}
