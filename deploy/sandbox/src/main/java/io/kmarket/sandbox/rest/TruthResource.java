package io.kmarket.sandbox.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
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

import io.kmarket.kit.time.MarketTime;
import io.kmarket.sandbox.market.ActionType;
import io.kmarket.sandbox.market.AppliedAction;
import io.kmarket.sandbox.market.Bar;
import io.kmarket.sandbox.market.CorporateAction;
import io.kmarket.sandbox.market.DelistedSecurities;
import io.kmarket.sandbox.market.Disclosure;
import io.kmarket.sandbox.market.Identities;
import io.kmarket.sandbox.market.IndexArchive;
import io.kmarket.sandbox.market.IndexDefinition;
import io.kmarket.sandbox.market.IndexHistory;
import io.kmarket.sandbox.market.Listing;
import io.kmarket.sandbox.market.Market;
import io.kmarket.sandbox.market.PriceHistory;

/**
 * Ground truth: what the simulated market really was, as plain JSON numbers ({@code ?format=csv} for CSV),
 * so tests can compare what kmarket stored. Prices are unadjusted unless {@code adjusted=true} (KRX's adjusted
 * series: prices × F_split, volume / F_split; value, shares and market cap as traded); a suspended
 * day has {@code halted=true}, zero open/high/low/volume and the standing close (as KRX reports it).
 * {@code as=naver} gives a stock's bars exactly as Naver's chart serves them (adjusted prices, traded volume).
 */
@Path("/sandbox/truth")
public class TruthResource {

    private static final DateTimeFormatter ACCEPTED_AT = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

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
            // The name and market KRX showed that day: a rename or market move after it is not yet known then.
            Identities.Identity then = market.universe().identities().on(l, asOf);
            row.put("name", then.name());
            row.put("market", then.market().name());
            row.put("preferred", l.preferred());
            row.put("shares", day >= history.firstDay() ? history.shares(day) : l.initialShares());
            row.put("corpCode", l.corpCode());
            rows.add(row);
        }
        return Tables.render(rows, format);
    }

    /**
     * The names and markets issues had, period by period: every issue that had more than one, or with
     * {@code code} that issue's (one period if it never changed). {@code validTo} is the last day of a period
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

    /** The delisted list's rows that are not shares (warrants, rights, KR8 securities), with what each is. */
    @GET
    @Path("/delisted-securities")
    public Response delistedSecurities(@QueryParam("format") String format) {
        LocalDate today = market.today();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DelistedSecurities.Security s : DelistedSecurities.ALL) {
            if (!today.isBefore(s.delistDate())) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("code", s.shortCode());
                row.put("isin", s.isin());
                row.put("name", s.name());
                row.put("market", s.market().name());
                row.put("kind", s.kind().name());
                rows.add(row);
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
            @QueryParam("to") String to, @QueryParam("adjusted") boolean adjusted, @QueryParam("as") String as,
            @QueryParam("format") String format) {
        if (as != null && !as.equals("naver")) {
            throw new BadRequestException("as must be naver (or absent), not " + as);
        }
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
            Bar bar = as != null ? history.naverBar(day) : adjusted ? history.adjustedBar(day) : history.bar(day);
            Map<String, Object> row = barRow(listing, bar);
            // Market capitalisation is never adjusted: it is what the issue was worth that day.
            row.put("marketCap", history.bar(day).marketCap());
            rows.add(row);
        }
        return Tables.render(rows, format);
    }

    /**
     * An index's days. From before the first simulated day, the KOSPI composite's archive comes first; its days
     * before 1995 are close-only ({@code open}, {@code high}, {@code low} null), as KRX serves them.
     */
    @GET
    @Path("/indices/{ticker}")
    public Response index(@PathParam("ticker") String ticker, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("format") String format) {
        IndexDefinition definition = IndexDefinition.byTicker(ticker);
        if (definition == null) {
            throw new NotFoundException("no index " + ticker + "; known: "
                    + IndexDefinition.ALL.stream().map(IndexDefinition::ticker).toList());
        }
        LocalDate first = date(from, market.calendar().day(0));
        LocalDate last = date(to, market.today());
        List<Map<String, Object>> rows = new ArrayList<>();
        IndexArchive archive = market.archive(definition);
        if (archive != null) {
            for (int i = archive.ceilIndex(first); i < archive.size() && !archive.day(i).isAfter(last); i++) {
                boolean closeOnly = archive.closeOnly(i);
                rows.add(indexRow(archive.day(i), closeOnly ? null : archive.open(i),
                        closeOnly ? null : archive.high(i), closeOnly ? null : archive.low(i), archive.close(i),
                        archive.volume(i), archive.value(i), null));
            }
        }
        IndexHistory index = market.index(definition);
        int lastDay = Math.min(market.latestDay(), market.calendar().floorIndex(last));
        for (int day = market.calendar().ceilIndex(first); day <= lastDay; day++) {
            rows.add(indexRow(market.calendar().day(day), index.open(day), index.high(day), index.low(day),
                    index.close(day), index.volume(day), index.value(day), index.marketCap(day)));
        }
        return Tables.render(rows, format);
    }

    /** The list MDCSTAT00401 serves, every family: ticker, family, names, base date and level. */
    @GET
    @Path("/indices")
    public Response indices(@QueryParam("format") String format) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (IndexDefinition d : IndexDefinition.ALL) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("ticker", d.ticker());
            row.put("family", d.family());
            row.put("name", d.name());
            row.put("englishName", d.englishName());
            row.put("baseDate", d.baseDate().replace('.', '-'));
            row.put("baseLevel", Double.parseDouble(d.baseLevel().replace(",", "")));
            rows.add(row);
        }
        return Tables.render(rows, format);
    }

    private static Map<String, Object> indexRow(LocalDate date, Double open, Double high, Double low, double close,
            long volume, long value, Long marketCap) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("date", date.toString());
        row.put("open", open);
        row.put("high", high);
        row.put("low", low);
        row.put("close", close);
        row.put("volume", volume);
        row.put("value", value);
        row.put("marketCap", marketCap);
        return row;
    }

    /** The splits (type {@code split} of {@link #actions}), as planned: code, ex-date and ratio. */
    @GET
    @Path("/splits")
    public Response splits(@QueryParam("format") String format) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Listing l : market.universe().listings()) {
            for (CorporateAction action : l.actions()) {
                if (action.type() == ActionType.SPLIT) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("code", l.code());
                    row.put("date", market.calendar().day(action.exDay()).toString());
                    row.put("ratio", action.ratio());
                    rows.add(row);
                }
            }
        }
        return Tables.render(rows, format);
    }

    /**
     * Every corporate action with an ex-date on or before today (and within {@code from}..{@code to}), of one
     * stock or all, in code then ex-date order. {@code priceFactor} multiplies the prices before the ex-date;
     * {@code sharesChangedOn} is null for a cash dividend and while the new shares are not yet listed;
     * {@code revealedOn} is the first day a served source shows the action.
     */
    @GET
    @Path("/actions")
    public Response actions(@QueryParam("code") String code, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("format") String format) {
        List<Listing> listings = market.universe().listings();
        if (code != null && !code.isBlank()) {
            Listing listing = market.universe().byCode(code);
            if (listing == null) {
                throw new NotFoundException("no issue with code " + code);
            }
            listings = List.of(listing);
        }
        LocalDate today = market.today();
        LocalDate first = date(from, LocalDate.MIN);
        LocalDate requested = date(to, today);
        LocalDate last = requested.isAfter(today) ? today : requested;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Listing l : listings.stream().sorted(Comparator.comparing(Listing::code)).toList()) {
            for (AppliedAction a : market.history(l).actions()) {
                if (a.exDate().isBefore(first) || a.exDate().isAfter(last)) {
                    continue;
                }
                boolean cash = a.type() == ActionType.CASH_DIVIDEND;
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("code", l.code());
                row.put("exDate", a.exDate().toString());
                row.put("type", a.type().code());
                row.put("sharesMultiplier", a.sharesMultiplier());
                row.put("cashAmount", cash ? a.cashAmount() : null);
                row.put("issuePrice", a.type() == ActionType.RIGHTS_OFFERING ? a.issuePrice() : null);
                row.put("previousClose", a.previousClose());
                row.put("referencePrice", a.referencePrice());
                row.put("priceFactor", a.priceFactor());
                row.put("sharesBefore", a.sharesBefore());
                row.put("sharesAfter", a.sharesAfter());
                row.put("sharesChangedOn", a.sharesChangedOn() == null || a.sharesChangedOn().isAfter(today) ? null
                        : a.sharesChangedOn().toString());
                row.put("parBefore", a.parBefore());
                row.put("parAfter", a.parAfter());
                row.put("revealedOn", a.revealedOn().toString());
                rows.add(row);
            }
        }
        return Tables.render(rows, format);
    }

    /**
     * The filings of a day that OpenDART lists by now (accepted at or before the sandbox's now), each with
     * {@code acceptedAt}, its acceptance instant in Seoul time with seconds ({@code 2026-01-23T21:14:05+09:00}).
     */
    @GET
    @Path("/disclosures")
    public Response disclosures(@QueryParam("date") String date, @QueryParam("format") String format) {
        LocalDate on = date(date, null);
        List<Map<String, Object>> rows = new ArrayList<>();
        if (!on.isAfter(market.today())) {
            Instant now = market.now();
            for (Disclosure d : market.dart().filedOn(on)) {
                if (!d.acceptedBy(now)) {
                    continue;
                }
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
                row.put("acceptedAt", ACCEPTED_AT.format(d.acceptedAt().atZone(MarketTime.ZONE)));
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
