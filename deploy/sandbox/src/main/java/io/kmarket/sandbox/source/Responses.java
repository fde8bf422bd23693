package io.kmarket.sandbox.source;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Source answers are raw bytes in the upstream's own content type and encoding (chaos may cut them). */
public final class Responses {

    public static final String TEXT_HTML_UTF8 = "text/html; charset=utf-8";
    public static final String JSON_UTF8 = "application/json;charset=UTF-8";

    private Responses() {
    }

    public static Response bytes(int status, String contentType, String body, Charset charset) {
        return Response.status(status).type(contentType).entity(body.getBytes(charset)).build();
    }

    /** {@code body} serialised by Jackson (maps of strings and numbers keep their insertion order). */
    public static Response json(ObjectMapper mapper, int status, String contentType, Object body) {
        try {
            return utf8(status, contentType, mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("source bodies hold only strings, numbers and lists", e);
        }
    }

    public static Response utf8(int status, String contentType, String body) {
        return bytes(status, contentType, body, StandardCharsets.UTF_8);
    }
}
