package io.kmarket.scheduler.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * ml-service answered 409: it has nothing to work with for the date yet (e.g. no model trained on data up to it).
 * Not a failure of either service, so nothing retries it; the message is the problem's detail.
 */
public class MlPreconditionException extends RuntimeException {

    private static final ObjectMapper JSON = new ObjectMapper();

    MlPreconditionException(String message) {
        super(message);
    }

    /** From an application/problem+json body: its detail, or the body itself when it is not a problem. */
    static MlPreconditionException fromProblem(String body) {
        try {
            return new MlPreconditionException(JSON.readTree(body).path("detail").asText(body));
        } catch (JsonProcessingException e) {
            return new MlPreconditionException(body);
        }
    }
}
