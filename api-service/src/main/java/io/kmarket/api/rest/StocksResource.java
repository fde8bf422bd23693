package io.kmarket.api.rest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.kmarket.api.config.ApiConfig;
import io.kmarket.api.repository.IndicatorRepository;
import io.kmarket.api.repository.PredictionRepository;
import io.kmarket.api.repository.PriceRepository;
import io.kmarket.api.repository.StockHistoryRepository;
import io.kmarket.api.repository.StockRepository;
import io.kmarket.kit.problem.Problem;
import io.kmarket.kit.problem.ResourceNotFoundException;
import io.kmarket.kit.time.MarketTime;

@Path("/api/v1/stocks")
@Tag(name = "stocks", description = "Listed stocks, their daily prices, indicators and predictions")
@APIResponse(responseCode = "400", description = "A parameter is invalid; `parameter` names it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "bad code",
                value = ApiExamples.PROBLEM_400)))
public class StocksResource {

    private static final String CURSOR_KIND = "stock";

    private final StockRepository stocks;
    private final StockHistoryRepository history;
    private final PriceRepository prices;
    private final IndicatorRepository indicators;
    private final PredictionRepository predictions;
    private final CacheableRepresentation representation;
    private final ApiConfig config;
    private final Clock clock;

    StocksResource(StockRepository stocks, StockHistoryRepository history, PriceRepository prices,
            IndicatorRepository indicators, PredictionRepository predictions, CacheableRepresentation representation,
            ApiConfig config, Clock clock) {
        this.stocks = stocks;
        this.history = history;
        this.prices = prices;
        this.indicators = indicators;
        this.predictions = predictions;
        this.representation = representation;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Search stocks by code prefix or name (Korean or English), in code order")
    @APIResponse(responseCode = "200", description = "A page of stocks; pass nextCursor as cursor for the next",
            content = @Content(examples = @ExampleObject(name = "page", value = ApiExamples.STOCK_PAGE)))
    public Page<StockSummary> search(
            @Parameter(description = "STK (KOSPI), KSQ (KOSDAQ) or KNX (KONEX)", example = "STK")
            @QueryParam("market") String market,
            @Parameter(description = "Code prefix or part of the name", example = "삼성") @QueryParam("q") String q,
            @Parameter(description = "Page size, 1-1000 (default 100)", example = "100") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        String validMarket = RequestParams.market(market);
        String text = RequestParams.searchText(q);
        int size = RequestParams.limit(limit, 100);
        List<String> after = Cursor.decode(cursor, CURSOR_KIND, 1);
        String afterCode = after == null ? null : RequestParams.stockCode("cursor", after.getFirst());
        // One row more than asked tells whether a next page exists without a count query.
        List<StockSummary> rows = stocks.search(validMarket, text, afterCode, size + 1);
        if (rows.size() <= size) {
            return new Page<>(rows, null);
        }
        List<StockSummary> page = rows.subList(0, size);
        return new Page<>(page, Cursor.encode(CURSOR_KIND, page.getLast().code()));
    }

    @GET
    @Path("/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A stock's profile with its latest close and change from the previous close")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "profile",
            value = ApiExamples.STOCK_PROFILE)))
    @APIResponse(responseCode = "404", description = "Unknown stock", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "unknown", value = ApiExamples.PROBLEM_404)))
    public StockProfile profile(@Parameter(example = "005930") @PathParam("code") String code) {
        String valid = RequestParams.stockCode("code", code);
        StockProfile profile = stocks.profile(valid);
        if (profile == null) {
            throw unknownStock(valid);
        }
        return profile;
    }

    @GET
    @Path("/{code}/history")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The names, markets and ISINs a stock had, with their validity dates, oldest first",
            description = "With asOf, only the period in effect on that day: what the code was called then.")
    @APIResponse(responseCode = "200", content = @Content(examples = {
            @ExampleObject(name = "history", value = ApiExamples.STOCK_HISTORY),
            @ExampleObject(name = "asOf", value = ApiExamples.STOCK_HISTORY_AS_OF) }))
    @APIResponse(responseCode = "404", description = "Unknown stock, or no record of it on asOf", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "not then",
                    value = ApiExamples.PROBLEM_404_AS_OF)))
    public StockHistory history(@Parameter(example = "016610") @PathParam("code") String code,
            @Parameter(description = "A day, ISO date: only the period covering it", example = "2021-01-22")
            @QueryParam("asOf") String asOf) {
        String valid = RequestParams.stockCode("code", code);
        LocalDate day = RequestParams.date("asOf", asOf);
        List<StockHistory.Period> periods = history.periods(valid);
        if (periods.isEmpty() && !stocks.exists(valid)) {
            throw unknownStock(valid);
        }
        if (day == null) {
            return new StockHistory(valid, periods);
        }
        List<StockHistory.Period> then = periods.stream().filter(p -> p.covers(day)).toList();
        if (then.isEmpty()) {
            throw new ResourceNotFoundException("no record of stock " + valid + " on " + day);
        }
        return new StockHistory(valid, then);
    }

    @GET
    @Path("/{code}/prices")
    @Produces({ MediaType.APPLICATION_JSON, CacheableRepresentation.TEXT_CSV })
    @Operation(summary = "Daily OHLCV of a stock, oldest first (default: the last year); JSON or CSV by Accept",
            description = "Answers carry an ETag and Cache-Control; If-None-Match with the current ETag gets 304.")
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "json",
                    value = ApiExamples.PRICES)),
            @Content(mediaType = CacheableRepresentation.TEXT_CSV, examples = @ExampleObject(name = "csv",
                    value = ApiExamples.PRICES_CSV)) })
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "Unknown stock", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "unknown", value = ApiExamples.PROBLEM_404)))
    public Response prices(@Parameter(example = "005930") @PathParam("code") String code,
            @Parameter(description = "First day, ISO date", example = "2025-01-02") @QueryParam("from") String from,
            @Parameter(description = "Last day, ISO date (default today)", example = "2025-12-30") @QueryParam("to") String to,
            @Context Request request) {
        String valid = RequestParams.stockCode("code", code);
        RequestParams.DateRange range = RequestParams.range(from, to, MarketTime.today(clock), ChronoUnit.YEARS, 1,
                config.maxSpanDays());
        return representation.respond(request, "prices/" + valid + "/" + range.from() + "/" + range.to(), () -> {
            List<DailyPrice> rows = prices.stockPrices(valid, range.from(), range.to());
            requireKnownStockWhenEmpty(valid, rows);
            return rows;
        }, rows -> new PriceSeries(valid, range.from(), range.to(), rows), Csv::prices);
    }

    @GET
    @Path("/{code}/indicators")
    @Produces({ MediaType.APPLICATION_JSON, CacheableRepresentation.TEXT_CSV })
    @Operation(summary = "Daily technical indicators of a stock, oldest first (default: the last year)",
            description = "JSON or CSV by Accept; ETag, Cache-Control and 304 as for prices.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "json", value = ApiExamples.INDICATORS)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "Unknown stock")
    public Response indicators(@Parameter(example = "005930") @PathParam("code") String code,
            @Parameter(example = "2025-01-02") @QueryParam("from") String from,
            @Parameter(example = "2025-12-30") @QueryParam("to") String to, @Context Request request) {
        String valid = RequestParams.stockCode("code", code);
        RequestParams.DateRange range = RequestParams.range(from, to, MarketTime.today(clock), ChronoUnit.YEARS, 1,
                config.maxSpanDays());
        return representation.respond(request, "indicators/" + valid + "/" + range.from() + "/" + range.to(), () -> {
            List<IndicatorRow> rows = indicators.range(valid, range.from(), range.to());
            requireKnownStockWhenEmpty(valid, rows);
            return rows;
        }, rows -> new IndicatorSeries(valid, range.from(), range.to(), rows), Csv::indicators);
    }

    @GET
    @Path("/{code}/prediction")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The latest next-day direction prediction and its model's measured accuracy")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "prediction",
            value = ApiExamples.PREDICTION)))
    @APIResponse(responseCode = "404", description = "Unknown stock, or no prediction for it yet")
    public PredictionView prediction(@Parameter(example = "005930") @PathParam("code") String code) {
        String valid = RequestParams.stockCode("code", code);
        PredictionView prediction = predictions.latest(valid);
        if (prediction == null) {
            throw stocks.exists(valid) ? new ResourceNotFoundException("no prediction for stock " + valid + " yet")
                    : unknownStock(valid);
        }
        return prediction;
    }

    /** An empty range is a valid answer for a known stock (a holiday week); for an unknown code it is a 404. */
    private void requireKnownStockWhenEmpty(String code, List<?> rows) {
        if (rows.isEmpty() && !stocks.exists(code)) {
            throw unknownStock(code);
        }
    }

    private static ResourceNotFoundException unknownStock(String code) {
        return new ResourceNotFoundException("no stock with code " + code);
    }
}
