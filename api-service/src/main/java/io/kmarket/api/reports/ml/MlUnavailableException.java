package io.kmarket.api.reports.ml;

/** ml-service answered with a 5xx: a fault for the circuit breaker and the retries, unlike its 4xx answers. */
class MlUnavailableException extends RuntimeException {

    MlUnavailableException(int status) {
        super("ml-service answered " + status);
    }
}
