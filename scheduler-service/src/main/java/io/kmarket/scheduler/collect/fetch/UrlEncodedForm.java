package io.kmarket.scheduler.collect.fetch;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** URL-encoded form bodies and query strings, in the order given (KRX sends {@code bld} last). */
public final class UrlEncodedForm {

    private UrlEncodedForm() {
    }

    public static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public static HttpRequest.BodyPublisher body(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(encode(fields));
    }
}
