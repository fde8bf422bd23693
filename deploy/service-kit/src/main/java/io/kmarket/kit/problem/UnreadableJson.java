package io.kmarket.kit.problem;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * What was wrong with a JSON body, for a 400 problem: the field whose value could not be read ({@code body} when the
 * text is not JSON at all) and a detail a caller can act on, without Jackson's talk of Java classes.
 */
record UnreadableJson(String field, String detail) {

    static final String BODY = "body";

    static UnreadableJson of(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = fieldOf(mapping);
            if (e instanceof InvalidFormatException format) {
                return new UnreadableJson(field, "body field '" + field + "': '" + format.getValue()
                        + "' is not a valid " + typeName(format.getTargetType()));
            }
            return new UnreadableJson(field, "body field '" + field + "' has a value of the wrong type");
        }
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 0 ? ""
                : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        return new UnreadableJson(BODY, "the body is not the JSON this endpoint reads" + where);
    }

    /** {@code plan}, {@code window.from}, {@code codes[2]}: the path from the body's root to the bad value. */
    private static String fieldOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "Instant", "OffsetDateTime" -> "timestamp (ISO-8601)";
            case "UUID" -> "UUID";
            case "int", "Integer", "long", "Long" -> "integer";
            case "double", "Double", "BigDecimal" -> "number";
            case "boolean", "Boolean" -> "boolean";
            default -> type.isEnum() ? "value (one of " + Arrays.toString(type.getEnumConstants()) + ")"
                    : "value";
        };
    }
}
