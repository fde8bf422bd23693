package io.kmarket.api.shared;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Doubles as the adjusted answers show them: an integral value as an integer (53000), any other as the shortest
 * decimal that reads back as the same double (1200.74, 0.950199203187251), never in E-notation. Fast paths first: a
 * year of adjusted prices writes about 1,600 of them per request, and BigDecimal for each cost a third more CPU.
 */
public final class Decimals {

    /** Below this magnitude an integral double is an exact long. */
    private static final double EXACT_LONG = 1e15;
    /** Double.toString writes plain digits only within [1e-3, 1e7). */
    private static final double PLAIN_FROM = 1e-3;
    private static final double PLAIN_BELOW = 1e7;

    private Decimals() {
    }

    public static String plain(double value) {
        if (integral(value)) {
            return Long.toString((long) value);
        }
        double magnitude = Math.abs(value);
        return magnitude >= PLAIN_FROM && magnitude < PLAIN_BELOW ? Double.toString(value)
                : BigDecimal.valueOf(value).toPlainString();
    }

    /** The same digits as {@link #plain}, written without an intermediate string where Jackson has its own. */
    public static void write(JsonGenerator json, double value) throws IOException {
        if (integral(value)) {
            json.writeNumber((long) value);
        } else {
            double magnitude = Math.abs(value);
            if (magnitude >= PLAIN_FROM && magnitude < PLAIN_BELOW) {
                json.writeNumber(value);
            } else {
                json.writeNumber(BigDecimal.valueOf(value).toPlainString());
            }
        }
    }

    private static boolean integral(double value) {
        return Math.abs(value) < EXACT_LONG && value == Math.rint(value);
    }
}
