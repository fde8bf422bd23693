package io.kmarket.scheduler.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What makes two failures "the same": the same job, logical date and status, and the same error once its
 * volatile parts are masked: run ids (UUIDs), timestamps and counts. Dates, HTTP and status codes, and every
 * word stay, so "HTTP 403" and "HTTP 500", or two different messages, are different causes.
 */
public final class AlertCause {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?|\\b\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?");
    /** A number standing alone: not part of a date, a code like EGW00123, nor an HTTP or status code. */
    private static final Pattern COUNT = Pattern.compile(
            "(?<![\\w.:-])(?<!HTTP )(?<!status )\\d+(\\.\\d+)?(?![\\w:-])");

    private AlertCause() {
    }

    /** The error with its volatile parts masked. */
    public static String stable(String error) {
        if (error == null) {
            return "";
        }
        String masked = UUID.matcher(error).replaceAll("<id>");
        masked = TIMESTAMP.matcher(masked).replaceAll("<time>");
        return COUNT.matcher(masked).replaceAll("<n>");
    }

    /** The outbox key of a job's failure or skip. */
    public static String ofJob(String job, Object logicalDate, String status, String error) {
        return "job|" + job + "|" + logicalDate + "|" + status + "|" + digest(stable(error));
    }

    static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
