package io.kmarket.sandbox.rest;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Rows of the truth export as a JSON array (default) or CSV with a header line. */
final class Tables {

    private Tables() {
    }

    static Response render(List<Map<String, Object>> rows, String format) {
        if (format == null || format.isBlank() || "json".equals(format)) {
            return Response.ok(rows, MediaType.APPLICATION_JSON).build();
        }
        if (!"csv".equals(format)) {
            throw new BadRequestException("format must be json or csv, got " + format);
        }
        StringBuilder csv = new StringBuilder();
        if (!rows.isEmpty()) {
            csv.append(String.join(",", rows.getFirst().keySet())).append('\n');
            for (Map<String, Object> row : rows) {
                csv.append(row.values().stream().map(Tables::cell).collect(Collectors.joining(","))).append('\n');
            }
        }
        return Response.ok(csv.toString(), "text/csv; charset=utf-8").build();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
