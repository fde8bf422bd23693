package io.kmarket.api.shared;

import java.util.List;
import java.util.function.Function;

/**
 * CSV (RFC 4180) of daily series: numbers and dates, which never need quoting, and the rare text field a row type
 * passes through {@link #quoted}; null is empty. Each row type names its own columns.
 */
public final class Csv {

    private Csv() {
    }

    public static <T> String table(String header, List<T> rows, Function<T, Object[]> fields) {
        StringBuilder out = new StringBuilder(header.length() + rows.size() * 96).append(header).append("\r\n");
        for (T row : rows) {
            Object[] values = fields.apply(row);
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                if (values[i] != null) {
                    out.append(values[i]);
                }
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    /** A text field as RFC 4180 quotes it: in double quotes, inner ones doubled; null stays an empty field. */
    public static String quoted(String text) {
        return text == null ? null : '"' + text.replace("\"", "\"\"") + '"';
    }
}
