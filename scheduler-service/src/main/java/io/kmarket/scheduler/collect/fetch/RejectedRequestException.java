package io.kmarket.scheduler.collect.fetch;

/** The site refused the request itself (4xx, bad key, bad parameter): retrying cannot help. */
public class RejectedRequestException extends RuntimeException {

    public RejectedRequestException(String message) {
        super(message);
    }
}
