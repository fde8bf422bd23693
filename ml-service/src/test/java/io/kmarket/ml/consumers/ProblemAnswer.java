package io.kmarket.ml.consumers;

import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.ValidatableResponse;

/** The problem document a consumer reads from ml-service: its status, title and the detail it records or relays. */
final class ProblemAnswer {

    private ProblemAnswer() {
    }

    static ValidatableResponse assertProblem(ValidatableResponse response, int status, String title, String detail) {
        return response.statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("title", equalTo(title)).body("detail", equalTo(detail));
    }
}
