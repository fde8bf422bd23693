package io.kmarket.scheduler.collect.fetch;

/** The body cannot be understood as the dataset's format. Never retried; nothing of it is stored. */
public class MalformedPayloadException extends RuntimeException {

    public MalformedPayloadException(String message) {
        super(message);
    }

    public MalformedPayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
