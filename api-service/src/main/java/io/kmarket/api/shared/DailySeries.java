package io.kmarket.api.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import io.kmarket.api.config.ApiConfig;
import io.kmarket.kit.time.MarketTime;

/**
 * A daily series of one stock or index (its prices, its indicators) as every series route answers it: from..to
 * defaults to the last year and spans at most {@code kmarket.api.max-span-days}; an empty range is a valid answer
 * for a known code and a 404 for an unknown one; JSON or CSV by Accept, with ETag and Cache-Control.
 */
@ApplicationScoped
public class DailySeries {

    /** The rows of one code over [from, to], oldest first. */
    @FunctionalInterface
    public interface Rows<R> {
        List<R> read(String code, LocalDate from, LocalDate to);
    }

    /** Rows with what their answer depends on besides them (see {@link CacheableRepresentation}). */
    public record Validated<R>(List<R> rows, String validator) {
    }

    /** The rows of one code over [from, to], oldest first, with their validator. */
    @FunctionalInterface
    public interface ValidatedRows<R> {
        Validated<R> read(String code, LocalDate from, LocalDate to);
    }

    /** The JSON document of the rows: a series record's canonical constructor. */
    @FunctionalInterface
    public interface Document<R> {
        Object of(String code, LocalDate from, LocalDate to, List<R> rows);
    }

    private final CacheableRepresentation representation;
    private final ApiConfig config;
    private final Clock clock;

    DailySeries(CacheableRepresentation representation, ApiConfig config, Clock clock) {
        this.representation = representation;
        this.config = config;
        this.clock = clock;
    }

    /**
     * {@code code} is already valid; {@code kind} names the series in the representation cache's key, and
     * {@code requireKnown} throws the 404 of a code that does not exist (asked only when the range has no rows).
     */
    public <R> Response respond(Request request, String kind, String code, String from, String to, Rows<R> rows,
            Consumer<String> requireKnown, Document<R> asJson, Function<List<R>, String> asCsv) {
        return respondValidated(request, kind, code, from, to,
                (c, first, last) -> new Validated<>(rows.read(c, first, last), ""), requireKnown, asJson, asCsv);
    }

    /** As {@link #respond}, the ETag also covering the validator that comes with the rows. */
    public <R> Response respondValidated(Request request, String kind, String code, String from, String to,
            ValidatedRows<R> rows, Consumer<String> requireKnown, Document<R> asJson, Function<List<R>, String> asCsv) {
        RequestParams.DateRange range = RequestParams.range(from, to, MarketTime.today(clock), ChronoUnit.YEARS, 1,
                config.maxSpanDays());
        return representation.respond(request, kind + "/" + code + "/" + range.from() + "/" + range.to(), () -> {
            Validated<R> read = rows.read(code, range.from(), range.to());
            if (read.rows().isEmpty()) {
                requireKnown.accept(code);
            }
            return read;
        }, read -> asJson.of(code, range.from(), range.to(), read.rows()), read -> asCsv.apply(read.rows()),
                Validated::validator);
    }
}
