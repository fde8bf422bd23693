package io.kmarket.api.reports.ml;

/**
 * What ml-service answered, or what the fallback answers for it: the status, the body as text and the headers
 * the API relays. {@code retryAfterSeconds} is null when there is nothing to wait for.
 */
public record MlReply(int status, String contentType, String body, String location, Integer retryAfterSeconds) {

    public static final int UNAVAILABLE = 503;
    /** ml-service answered something about the services' internals, never shown to clients. */
    public static final int BAD_GATEWAY = 502;

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
