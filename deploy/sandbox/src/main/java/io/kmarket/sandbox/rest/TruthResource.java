package io.kmarket.sandbox.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.kmarket.sandbox.market.Bar;
import io.kmarket.sandbox.market.Disclosure;
import io.kmarket.sandbox.market.Identities;
import io.kmarket.sandbox.market.IndexDefinition;
import io.kmarket.sandbox.market.IndexHistory;
import io.kmarket.sandbox.market.Listing;
import io.kmarket.sandbox.market.Market;
import io.kmarket.sandbox.market.PriceHistory;
import io.kmarket.sandbox.market.Split;

/**
 * Ground truth: what the simulated market really was, as plain JSON numbers ({@code ?format=csv} for CSV),
 * so tests can compare what kmarket stored. Prices are unadjusted unless {@code adjusted=true}; a suspended
 * day has {@code halted=true}, zero open/high/low/volume and the standing close (as KRX reports it).
 */
@Path("/sandbox/truth")
public class TruthResource {

    private final Market market;

    public TruthResource(Market market) {
        this.market = market;
    }

    @GET
    @Path("/calendar")
    public Response calendar(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("format") String format) {
        LocalDate first = date(from, market.calendar().day(0));
        LocalDate last = date(to, market.today());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int day = market.calendar().ceilIndex(first); day < market.calendar().size()
                && !market.calendar().day(day).isAfter(last); day++) {
            rows.add(Map.of("date", market.calendar().day(day).toString()));
        }
        return Tables.render(rows, format);
    }

    @GET
    @Path("/stocks")
    public Response stocks(@QueryParam("date") String date, @QueryParam("format") String format) {
        LocalDate asOf = date(date, market.today());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Listing l : market.listedOn(asOf)) {
            PriceHistory history = market.history(l);
            int day = Math.min(market.calendar().floorIndex(asOf), history.lastDay());
            Map<String, Object> row = listingRow(l);
            row.put("preferred", l.preferred());
            row.put("shares", day >= history.firstDay() ? history.shares(day) : l.initialShares());
            row.put("corpCode", l.corpCode());
            rows.add(row);
        }
        return Tables.render(rows, format);
    }

    /**
     * The names and markets issues had, period by period: every issue that had more than one, or with
     * {@code code} that (one period if it never changed). {@code validTo} is the last day of a period
     * (inclusive), null for the current one; the ISIN never changes.
     */
    @GET
    @Path("/stock-history")
    public Response stockHistory(@QueryParam("code") String code, @QueryParam("format") String format) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Listing l : market.universe().listings()) {
            List<Identities.Identity> identities = market.universe().identities().of(l);
            if (code != null ? !code.equals(l.code()) : identities.size() < 2) {
                continue;
            }
            for (Identities.Identity identity : identities) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("code", l.code());
                row.put("isin", l.isin());
                row.put("name", identity.name());
                row.put("market", identity.market().name());
                row.put("validFrom", identity.from().toString());
                row.put("validTo", identity.until() == null ? null : identity.until().minusDays(1).toString());
                rows.add(row);
            }
        }
        if (code != null && rows.isEmpty()) {
            throw new NotFoundException("no issue with code " + code);
        }
        return Tables.render(rows, format);
    }

    @GET
    @Path("/delisted")
    public Response delisted(@QueryParam("format") String format) {
        LocalDate today = market.today();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Listing l : market.universe().listings()) {
            if (l.delistedBy(today)) {
                rows.add(listingRow(l));
            }
        }
        return Tables.render(rows, format);
    }

    /** Every issue's bar on one trading day (empty on a non-trading or future day). */
    @GET
    @Path("/prices")
    public Response pricesOn(@QueryParam("date") String date, @QueryParam("format") String format) {
        LocalDate on = date(date, null);
        int day = market.pastTradingDay(on);
        List<Map<String, Object>> rows = new ArrayList<>();
        if (day >= 0) {
            for (Listing l : market.listedOn(on)) {
                PriceHistory history = market.history(l);
                if (history.trades(day)) {
                    rows.add(barRow(l, history.bar(day)));
                }
            }
        }
        return Tables.render(rows, format);
    }

    @GET
    @Path("/prices/{code}")
    public Response pricesOf(@PathParam("code") String code, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("adjusted") boolean adjusted, @QueryParam("format") String format) {
        Listing listing = market.universe().byCode(code);
        if (listing == null) {
            throw new NotFoundException("no issue with code " + code);
        }
        PriceHistory history = market.history(listing);
        int first = Math.max(history.firstDay(), market.calendar().ceilIndex(date(from, market.calendar().day(0))));
        int last = Math.min(Math.min(history.lastDay(), market.latestDay()),
                market.calendar().floorIndex(date(to, market.today())));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int day = first; day <= last; day++) {
            rows.add(barRow(listing, adjusted ? history.adjustedBar(day) : history.bar(day)));
        }
        return Tables.render(rows, format);
    }

    @GET
    @Path("/indices/{ticker}")
    public Response index(@PathParam("ticker") String ticker, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("format") String format) {
        IndexDefinition definition = IndexDefinition.byTicker(ticker);
        if (definition == null) {
            throw new NotFoundException("no index " + ticker + "; known: 1001, 1028, 2001, 2203");
        }
        IndexHistory index = market.index(definition);
        int first = market.calendar().ceilIndex(date(from, market.calendar().day(0)));
        int last = Math.min(market.latestDay(), market.calendar().floorIndex(date(to, market.today())));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int day = first; day <= last; day++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("date", market.calendar().day(day).toString());
            row.put("open", index.open(day));
            row.put("high", index.high(day));
            row.put("low", index.low(day));
            row.put("close", index.close(day));
            row.put("volume", index.volume(day));
            row.put("value", index.value(day));
            row.put("marketCap", index.marketCap(day));
            rows.add(row);
        }
        return Tables.render(rows, format);
    }

    @GET
    @Path("/splits")
    public Response splits(@QueryParam("format") String format) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Listing l : market.universe().listings()) {
            for (Split split : l.splits()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("code", l.code());
                row.put("date", market.calendar().day(split.dayIndex()).toString());
                row.put("ratio", split.ratio());
                rows.add(row);
            }
        }
        return Tables.render(rows, format);
    }

    @GET
    @Path("/disclosures")
    public Response disclosures(@QueryParam("date") String date, @QueryParam("format") String format) {
        LocalDate on = date(date, null);
        List<Map<String, Object>> rows = new ArrayList<>();
        if (!on.isAfter(market.today())) {
            for (Disclosure d : market.dart().filedOn(on)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("rceptNo", d.rceptNo());
                row.put("corpCode", d.company().corpCode());
                row.put("corpName", d.company().name());
                row.put("stockCode", d.company().stockCode());
                row.put("corpCls", d.corpClass());
                row.put("reportName", d.reportName());
                row.put("filer", d.filer());
                row.put("receiptDate", d.receiptDate().toString());
                row.put("type", d.type());
                rows.add(row);
            }
        }
        return Tables.render(rows, format);
    }

    private static Map<String, Object> listingRow(Listing l) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("code", l.code());
        row.put("isin", l.isin());
        row.put("name", l.name());
        row.put("market", l.market().name());
        row.put("listDate", l.listDate().toString());
        row.put("delistDate", l.delistDate() == null ? null : l.delistDate().toString());
        return row;
    }

    private static Map<String, Object> barRow(Listing listing, Bar bar) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("code", listing.code());
        row.put("date", bar.date().toString());
        row.put("open", bar.open());
        row.put("high", bar.high());
        row.put("low", bar.low());
        row.put("close", bar.close());
        row.put("previousClose", bar.base());
        row.put("volume", bar.volume());
        row.put("value", bar.value());
        row.put("shares", bar.shares());
        row.put("marketCap", bar.marketCap());
        row.put("halted", bar.halted());
        return row;
    }

    private static LocalDate date(String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            if (fallback == null) {
                throw new BadRequestException("date is required (YYYY-MM-DD)");
            }
            return fallback;
        }
        return LocalDate.parse(value);
    }
}
