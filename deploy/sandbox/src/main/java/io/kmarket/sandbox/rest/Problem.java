package io.kmarket.sandbox.rest;

import jakarta.ws.rs.core.Response;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An RFC 9457 problem document: every error of the sandbox's own endpoints has this shape, served as
 * {@code application/problem+json}, so clients never have to parse a stack trace or an HTML page.
 */
// Built inside exception mappers, so the native build cannot see it as a resource's return type.
@RegisterForReflection
public record Problem(String type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(Response.Status status, String detail, String instance) {
        return response(status.getStatusCode(), status.getReasonPhrase(), detail, instance);
    }

    public static Response response(int status, String title, String detail, String instance) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, instance))
                .build();
    }
}
