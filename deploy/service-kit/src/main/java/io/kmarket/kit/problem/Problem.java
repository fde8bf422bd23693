package io.kmarket.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.core.Response;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An RFC 9457 problem document: every error a kmarket service answers has this shape, served as
 * {@code application/problem+json}, so clients never have to parse a stack trace or an HTML page.
 * {@code parameter} names the request parameter or body field that was wrong, when one was.
 */
// Built inside exception mappers and filters, so the native build cannot see it as a resource's return type.
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String parameter) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(Response.Status status, String detail, String instance) {
        return response(status.getStatusCode(), status.getReasonPhrase(), detail, instance);
    }

    public static Response response(int status, String title, String detail, String instance) {
        return builder(status, title, detail, instance, null).build();
    }

    /** For a problem that names the wrong parameter, or needs headers (Retry-After, Allow). */
    public static Response.ResponseBuilder builder(int status, String title, String detail, String instance,
            String parameter) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, instance, parameter));
    }

    /** The reason phrase of a status, "Error" for one that has none (a relayed 599, say). */
    public static String titleOf(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
