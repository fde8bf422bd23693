package io.kmarket.ml.runs.rest;

import java.time.LocalDate;

import jakarta.ws.rs.BadRequestException;

/** The body of the internal run endpoints: one {@code date}, or a {@code from}..{@code to} range. */
public record DateRequest(LocalDate date, LocalDate from, LocalDate to) {

    /** Either a single date or a complete range, not both and not neither. */
    public static DateRequest dateOrRange(DateRequest body) {
        if (body == null || (body.date == null) == (body.from == null && body.to == null)) {
            throw new BadRequestException("give either \"date\" or both \"from\" and \"to\" (YYYY-MM-DD)");
        }
        if (body.date == null) {
            range(body);
        }
        return body;
    }

    public static LocalDate requiredDate(DateRequest body) {
        if (body == null || body.date == null || body.from != null || body.to != null) {
            throw new BadRequestException("give \"date\" (YYYY-MM-DD)");
        }
        return body.date;
    }

    /** A range with both ends, or no body at all (the caller picks defaults). */
    public static DateRequest optionalRange(DateRequest body) {
        if (body == null || (body.date == null && body.from == null && body.to == null)) {
            return null;
        }
        if (body.date != null) {
            throw new BadRequestException("give \"from\" and \"to\" (YYYY-MM-DD), not \"date\"");
        }
        return range(body);
    }

    private static DateRequest range(DateRequest body) {
        if (body.from == null || body.to == null) {
            throw new BadRequestException("a range needs both \"from\" and \"to\" (YYYY-MM-DD)");
        }
        if (body.from.isAfter(body.to)) {
            throw new BadRequestException("\"from\" " + body.from + " is after \"to\" " + body.to);
        }
        return body;
    }
}
