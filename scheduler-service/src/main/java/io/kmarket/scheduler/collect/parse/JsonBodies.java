package io.kmarket.scheduler.collect.parse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.kmarket.scheduler.collect.fetch.FetchResult;
import io.kmarket.scheduler.collect.fetch.MalformedPayloadException;
import io.kmarket.scheduler.collect.fetch.Rejection;
import io.kmarket.scheduler.collect.store.MarketRow;

/** Reading JSON answers: the whole body must parse, then each row is parsed (or rejected) on its own. */
public final class JsonBodies {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonBodies() {
    }

    /** Parses the body (KRX serves JSON as text/html, so the content type is not trusted). */
    public static JsonNode parse(byte[] body) {
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root == null || !root.isContainerNode()) {
                throw new MalformedPayloadException("body is not a JSON object or array: " + excerpt(body));
            }
            return root;
        } catch (IOException e) {
            throw new MalformedPayloadException("body is not JSON: " + excerpt(body), e);
        }
    }

    /** The array under {@code key}; a missing or non-array key means the body is not this dataset's. */
    public static JsonNode array(JsonNode root, String key) {
        JsonNode rows = root.get(key);
        if (rows == null || !rows.isArray()) {
            throw new MalformedPayloadException("no '" + key + "' array in the answer: " + excerpt(root.toString()));
        }
        return rows;
    }

    /** The field's text; null when absent or JSON null. */
    public static String text(JsonNode row, String field) {
        JsonNode value = row.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Parses each row; a {@link RowException} rejects that row only. */
    public static FetchResult rows(Iterable<JsonNode> rows, Function<JsonNode, List<? extends MarketRow>> parser) {
        List<MarketRow> parsed = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        for (JsonNode row : rows) {
            try {
                parsed.addAll(parser.apply(row));
            } catch (RowException e) {
                rejected.add(new Rejection(e.getMessage(), row.toString()));
            }
        }
        return new FetchResult(parsed, rejected);
    }

    public static String excerpt(byte[] body) {
        return excerpt(new String(body, 0, Math.min(body.length, 200), java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String excerpt(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
