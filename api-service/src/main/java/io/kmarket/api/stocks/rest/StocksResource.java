package io.kmarket.api.stocks.rest;

import java.time.LocalDate;
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

import io.kmarket.api.actions.Adjustment;
import io.kmarket.api.actions.AdjustmentFactors;
import io.kmarket.api.actions.store.AdjustmentStore;
import io.kmarket.api.indicators.rest.IndicatorRow;
import io.kmarket.api.indicators.rest.IndicatorSeries;
import io.kmarket.api.indicators.store.IndicatorStore;
import io.kmarket.api.predictions.rest.PredictionView;
import io.kmarket.api.predictions.store.PredictionStore;
import io.kmarket.api.shared.ApiExamples;
import io.kmarket.api.shared.CacheableRepresentation;
import io.kmarket.api.shared.Cursor;
import io.kmarket.api.shared.DailySeries;
import io.kmarket.api.shared.Page;
import io.kmarket.api.shared.RequestParams;
import io.kmarket.api.stocks.store.PriceStore;
import io.kmarket.api.stocks.store.StockHistoryStore;
import io.kmarket.api.stocks.store.StockStore;
import io.kmarket.kit.problem.Problem;
import io.kmarket.kit.problem.ResourceNotFoundException;

/**
 * Everything under /api/v1/stocks: search, profile, name history and the per-stock series of the stocks, indicators
 * and predictions features (one resource class, so the routes and the OpenAPI document keep one "stocks" tag).
 */
@Path("/api/v1/stocks")
@Tag(name = "stocks", description = "Listed stocks, their daily prices, indicators and predictions")
@APIResponse(responseCode = "400", description = "A parameter is invalid; `parameter` names it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "bad code",
                value = ApiExamples.PROBLEM_400)))
public class StocksResource {

    private static final String CURSOR_KIND = "stock";

    private final StockStore stocks;
    private final StockHistoryStore history;
    private final PriceStore prices;
    private final IndicatorStore indicators;
    private final PredictionStore predictions;
    private final AdjustmentStore adjustments;
    private final DailySeries series;

    StocksResource(StockStore stocks, StockHistoryStore history, PriceStore prices, IndicatorStore indicators,
            PredictionStore predictions, AdjustmentStore adjustments, DailySeries series) {
        this.stocks = stocks;
        this.history = history;
        this.prices = prices;
        this.indicators = indicators;
        this.predictions = predictions;
        this.adjustments = adjustments;
        this.series = series;
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
            description = """
                    Answers carry an ETag and Cache-Control; If-None-Match with the current ETag gets 304.

                    `adjust` (default `none`): `none` is the raw prices as KRX published them, integers. `split` \
                    adjusts for share-count events (splits, reverse splits, capital reductions, bonus issues, rights \
                    offerings, stock dividends) by KRX's own reference-price ratio on the ex-date (reference price \
                    over the previous close), the exchange's 수정주가 method. `total` also adjusts for cash \
                    dividends ((previous close - dividend) / previous close), so returns include them. Adjusted \
                    open, high, low and close are the raw ones times the day's factor, volume is the raw one \
                    divided by the day's split factor (in both modes); trading value and market cap are never \
                    adjusted. Adjusted prices and volume are decimals with full double precision, each row has its \
                    `adjustmentFactor` (CSV column `adjustment_factor`), and the answer names its `adjust`. The \
                    factors and the actions they come from: /api/v1/stocks/{code}/actions. An adjusted answer's \
                    ETag changes whenever the stock's factors do.""")
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
                    @ExampleObject(name = "json", value = ApiExamples.PRICES),
                    @ExampleObject(name = "split", value = ApiExamples.PRICES_SPLIT) }),
            @Content(mediaType = CacheableRepresentation.TEXT_CSV, examples = {
                    @ExampleObject(name = "csv", value = ApiExamples.PRICES_CSV),
                    @ExampleObject(name = "split csv", value = ApiExamples.PRICES_SPLIT_CSV) }) })
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "Unknown stock", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "unknown", value = ApiExamples.PROBLEM_404)))
    @APIResponse(responseCode = "503", description = "adjust=split or total before the factors exist (the scheduler "
            + "is not upgraded yet); adjust=none keeps working", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    examples = @ExampleObject(name = "no factors", value = ApiExamples.PROBLEM_503_NO_FACTORS)))
    public Response prices(@Parameter(example = "005930") @PathParam("code") String code,
            @Parameter(description = "First day, ISO date", example = "2025-01-02") @QueryParam("from") String from,
            @Parameter(description = "Last day, ISO date (default today)", example = "2025-12-30") @QueryParam("to") String to,
            @Parameter(description = "none (raw, the default), split (share-count events) or total (also cash "
                    + "dividends)", example = "split") @QueryParam("adjust") String adjust,
            @Context Request request) {
        String valid = RequestParams.stockCode("code", code);
        Adjustment mode = Adjustment.parse(adjust);
        if (mode == Adjustment.NONE) {
            return series.respond(request, "prices", valid, from, to, prices::stockPrices, this::requireKnownStock,
                    PriceSeries::new, DailyPrice::csv);
        }
        return series.respondValidated(request, "prices-" + mode.value(), valid, from, to, (c, first, last) -> {
            AdjustmentFactors factors = adjustments.factorsFrom(c, first);
            return new DailySeries.Validated<>(prices.adjustedStockPrices(c, first, last, mode, factors),
                    "adjustment version " + factors.version());
        }, this::requireKnownStock, (c, first, last, rows) -> new AdjustedPriceSeries(c, first, last, mode.value(),
                rows), AdjustedPrice::csv);
    }

    @GET
    @Path("/{code}/indicators")
    @Produces({ MediaType.APPLICATION_JSON, CacheableRepresentation.TEXT_CSV })
    @Operation(summary = "Daily technical indicators of a stock, oldest first (default: the last year)",
            description = "Computed on split-adjusted prices (prices?adjust=split: volume ÷ split factor), so a split "
                    + "or a capital reduction does not break the averages; the predictions' features use "
                    + "total-adjusted returns (dividends included). JSON or CSV by Accept; ETag, Cache-Control and "
                    + "304 as for prices.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "json", value = ApiExamples.INDICATORS)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "Unknown stock")
    public Response indicators(@Parameter(example = "005930") @PathParam("code") String code,
            @Parameter(example = "2025-01-02") @QueryParam("from") String from,
            @Parameter(example = "2025-12-30") @QueryParam("to") String to, @Context Request request) {
        return series.respond(request, "indicators", RequestParams.stockCode("code", code), from, to,
                indicators::range, this::requireKnownStock, IndicatorSeries::new, IndicatorRow::csv);
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

    /** Asked when a series has no rows: a holiday week of a known stock is an empty series, an unknown one a 404. */
    private void requireKnownStock(String code) {
        if (!stocks.exists(code)) {
            throw unknownStock(code);
        }
    }

    private static ResourceNotFoundException unknownStock(String code) {
        return new ResourceNotFoundException("no stock with code " + code);
    }
}
