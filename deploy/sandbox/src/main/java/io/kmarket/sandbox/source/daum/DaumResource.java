package io.kmarket.sandbox.source.daum;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.kmarket.sandbox.limit.Limits;
import io.kmarket.sandbox.limit.SandboxStats;
import io.kmarket.sandbox.market.Bar;
import io.kmarket.sandbox.market.Listing;
import io.kmarket.sandbox.market.Market;
import io.kmarket.sandbox.market.PriceHistory;
import io.kmarket.sandbox.market.TickSize;
import io.kmarket.sandbox.source.Formats;
import io.kmarket.sandbox.source.PerClientRate;
import io.kmarket.sandbox.source.Responses;
import io.vertx.core.http.HttpServerRequest;

/**
 * Daum Finance's JSON API ({@code finance.daum.net/api}): a quote and its daily history. Requests without a
 * {@code finance.daum.net} Referer are refused (HTTP 403), as at the real site. Prices are JSON floats,
 * rates fractions, {@code changePrice} unsigned with the direction in {@code change}, lists newest first.
 */
@Path("/daum/api")
public class DaumResource {

    static final String SOURCE = "daum";

    private final Market market;
    private final PerClientRate rate;
    private final Limits limits;
    private final SandboxStats stats;
    private final ObjectMapper json;

    public DaumResource(Market market, PerClientRate rate, Limits limits, SandboxStats stats, ObjectMapper json) {
        this.market = market;
        this.rate = rate;
        this.limits = limits;
        this.stats = stats;
        this.json = json;
    }

    @GET
    @Path("/quotes/{symbol}")
    public Response quote(@PathParam("symbol") String symbol, @HeaderParam("Referer") String referer,
            @Context HttpServerRequest request) {
        Response refused = admit(referer, request);
        if (refused != null) {
            return refused;
        }
        Listing listing = lookup(symbol);
        PriceHistory history = listing == null ? null : market.history(listing);
        int day = history == null ? -1 : Math.min(market.latestDay(), history.lastDay());
        if (history == null || day < history.firstDay()) {
            return notFound();
        }
        Bar bar = history.bar(day);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbolCode", "A" + listing.code());
        body.put("code", listing.isin());
        body.put("name", listing.name());
        body.put("market", listing.market().englishName());
        body.put("isIndex", false);
        body.put("openingPrice", price(bar.halted() ? bar.close() : bar.open()));
        body.put("highPrice", price(bar.halted() ? bar.close() : bar.high()));
        body.put("lowPrice", price(bar.halted() ? bar.close() : bar.low()));
        body.put("tradePrice", price(bar.close()));
        body.put("prevClosingPrice", price(bar.base()));
        putChange(body, bar);
        body.put("accTradePrice", price(bar.value()));
        body.put("accTradeVolume", bar.volume());
        body.put("basePrice", price(bar.base()));
        body.put("upperLimitPrice", price(TickSize.upperLimit(bar.base())));
        body.put("lowerLimitPrice", price(TickSize.lowerLimit(bar.base())));
        body.put("date", bar.date().toString());
        body.put("tradeDate", bar.date().format(Formats.BASIC));
        body.put("tradeTime", "153000");
        body.put("timestamp", bar.date().atTime(15, 30).toInstant(ZoneOffset.ofHours(9)).toEpochMilli());
        body.put("exchangeDate", bar.date() + " 15:30:00");
        body.put("currency", "KRW");
        body.put("marketCap", bar.marketCap());
        body.put("listedShareCount", bar.shares());
        body.put("listingDate", listing.listDate().toString());
        body.put("settleMonth", 12);
        body.put("isDelisted", false);
        return json(body);
    }

    @GET
    @Path("/quotes/{symbol}/days")
    public Response days(@PathParam("symbol") String symbol, @QueryParam("page") String page,
            @QueryParam("perPage") String perPage, @HeaderParam("Referer") String referer,
            @Context HttpServerRequest request) {
        Response refused = admit(referer, request);
        if (refused != null) {
            return refused;
        }
        Listing listing = lookup(symbol);
        if (listing == null) {
            return notFound();
        }
        int pageNo = parse(page, 1);
        int size = Math.min(100, parse(perPage, 10));
        if (pageNo < 1 || size < 1) {
            return Responses.utf8(400, Responses.JSON_UTF8, "{\"error\":\"page and perPage must be positive\"}");
        }
        PriceHistory history = market.history(listing);
        int last = Math.min(market.latestDay(), history.lastDay());
        int total = Math.max(0, last - history.firstDay() + 1);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int day = last - (pageNo - 1) * size; day > last - pageNo * size && day >= history.firstDay(); day--) {
            Bar bar = history.adjustedBar(day);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("symbolCode", "A" + listing.code());
            row.put("date", bar.date() + " 00:00:00");
            row.put("openingPrice", price(bar.halted() ? bar.close() : bar.open()));
            row.put("highPrice", price(bar.halted() ? bar.close() : bar.high()));
            row.put("lowPrice", price(bar.halted() ? bar.close() : bar.low()));
            row.put("tradePrice", price(bar.close()));
            putChange(row, bar);
            row.put("candleAccTradeVolume", bar.volume());
            row.put("candleAccTradePrice", price(bar.value()));
            rows.add(row);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", rows);
        body.put("totalCount", total);
        body.put("perPage", size);
        body.put("currentPage", pageNo);
        body.put("totalPages", (total + size - 1) / size);
        return json(body);
    }

    private Response admit(String referer, HttpServerRequest request) {
        if (referer == null || !referer.matches("https?://finance\\.daum\\.net(/.*)?")) {
            stats.rejected(SOURCE, "missingReferer");
            return Responses.utf8(403, Responses.TEXT_HTML_UTF8, "<html><body><h1>403 Forbidden</h1></body></html>");
        }
        if (!rate.admit(SOURCE, request.remoteAddress().hostAddress(), () -> limits.current().daumRequestsPerSecond())) {
            return PerClientRate.tooMany();
        }
        return null;
    }

    private Listing lookup(String symbol) {
        return symbol != null && symbol.length() == 7 && symbol.charAt(0) == 'A'
                ? market.universe().byCode(symbol.substring(1)) : null;
    }

    private static void putChange(Map<String, Object> row, Bar bar) {
        String change = bar.limitUp() ? "UPPER_LIMIT" : bar.limitDown() ? "LOWER_LIMIT"
                : bar.change() > 0 ? "RISE" : bar.change() < 0 ? "FALL" : "EVEN";
        row.put("change", change);
        row.put("changePrice", price(Math.abs(bar.change())));
        row.put("changeRate", bar.base() == 0 ? 0.0 : Math.round(Math.abs((double) bar.change() / bar.base()) * 1e10) / 1e10);
    }

    /** Daum prices are JSON floats ({@code 9690.0}), never in exponent notation. */
    private static BigDecimal price(long value) {
        return BigDecimal.valueOf(value).setScale(1);
    }

    private static int parse(String value, int fallback) {
        try {
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Response notFound() {
        return Responses.utf8(404, Responses.JSON_UTF8, "{\"message\":\"Not Found\"}");
    }

    private Response json(Map<String, Object> body) {
        return Responses.json(json, 200, Responses.JSON_UTF8, body);
    }
}
