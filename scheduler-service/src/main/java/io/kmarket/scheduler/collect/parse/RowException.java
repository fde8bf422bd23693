package io.kmarket.scheduler.collect.parse;

/** One row cannot be parsed; the row is rejected with this reason while the rest of the body is kept. */
public class RowException extends IllegalArgumentException {

    public RowException(String reason) {
        super(reason);
    }
}
