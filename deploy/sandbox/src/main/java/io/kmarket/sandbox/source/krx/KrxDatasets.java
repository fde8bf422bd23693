package io.kmarket.sandbox.source.krx;

import static io.kmarket.sandbox.source.Formats.comma;
import static io.kmarket.sandbox.source.Formats.comma2;
import static io.kmarket.sandbox.source.Formats.percent;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;

import io.kmarket.sandbox.market.Bar;
import io.kmarket.sandbox.market.DelistedSecurities;
import io.kmarket.sandbox.market.Identities;
import io.kmarket.sandbox.market.IndexArchive;
import io.kmarket.sandbox.market.IndexDefinition;
import io.kmarket.sandbox.market.IndexHistory;
import io.kmarket.sandbox.market.Listing;
import io.kmarket.sandbox.market.Market;
import io.kmarket.sandbox.market.MarketId;
import io.kmarket.sandbox.market.PriceHistory;
import io.kmarket.sandbox.source.Formats;

/**
 * The KRX datasets selected by {@code bld}, field for field as the recorded responses (all values strings,
 * thousands separators, {@code -} when there is no trade, series newest first).
 */
@ApplicationScoped
public class KrxDatasets {

    /** A request the site refuses; the message is what the sandbox answers with HTTP 400. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** KRX serves at most two years per range call (pykrx and FDR split their requests accordingly). */
    static final long MAX_SPAN_DAYS = 730;

    private final Market market;
    private final KrxCorporateActions actions;

    public KrxDatasets(Market market) {
        this.market = market;
        this.actions = new KrxCorporateActions(market);
    }

    /** {data key, rows} for the dataset {@code bld}. */
    public Map.Entry<String, List<Map<String, String>>> answer(String bld, MultivaluedMap<String, String> form) {
        String name = bld.substring(bld.lastIndexOf('/') + 1);
        return switch (name) {
            case "MDCSTAT01501" -> Map.entry("OutBlock_1", allStocks(markets(form.getFirst("mktId")), date(form, "trdDd")));
            case "MDCSTAT01701" -> Map.entry("output", oneStock(form));
            case "MDCSTAT01901" -> Map.entry("OutBlock_1", basicInfo(markets(form.getFirst("mktId"))));
            case "finder_stkisu" -> Map.entry("block1", finder(form, false));
            case "finder_listdelisu" -> Map.entry("block1", finder(form, true));
            case "MDCSTAT00301" -> Map.entry("output", indexSeries(form));
            case "MDCSTAT00401" -> Map.entry("output", indexList(form.getFirst("idxIndMidclssCd")));
            case "MDCSTAT20901" -> Map.entry("output", actions.dividends(form, markets(form.getFirst("mktId"))));
            case "MDCHARD04801" -> Map.entry("block1", actions.majorChanges(form));
            default -> throw new Refused("unknown bld " + bld);
        };
    }

    private List<MarketId> markets(String mktId) {
        if (mktId == null || mktId.isBlank() || "ALL".equals(mktId)) {
            return List.of(MarketId.values());
        }
        try {
            return List.of(MarketId.valueOf(mktId));
        } catch (IllegalArgumentException e) {
            throw new Refused("mktId must be ALL, STK, KSQ or KNX, got " + mktId);
        }
    }

    private static LocalDate date(MultivaluedMap<String, String> form, String field) {
        String value = form.getFirst(field);
        if (value == null || !value.matches("\\d{8}")) {
            throw new Refused(field + " must be YYYYMMDD, got " + value);
        }
        try {
            return Formats.parseBasic(value);
        } catch (java.time.DateTimeException e) {
            throw new Refused(field + " is not a date: " + value);
        }
    }

    /** The issues listed on {@code date} in each market they were in then, by the name they had then. */
    private List<Listing> ordered(List<MarketId> markets, LocalDate date) {
        Identities identities = market.universe().identities();
        List<Listing> result = new ArrayList<>();
        for (MarketId m : markets) {
            market.universe().listings().stream()
                    .filter(l -> identities.on(l, date).market() == m && l.listedOn(date))
                    .sorted(Comparator.comparing((Listing l) -> identities.on(l, date).name())
                            .thenComparing(Listing::code))
                    .forEach(result::add);
        }
        return result;
    }

    List<Map<String, String>> allStocks(List<MarketId> markets, LocalDate date) {
        int day = market.pastTradingDay(date);
        List<Map<String, String>> rows = new ArrayList<>();
        for (Listing listing : ordered(markets, date)) {
            PriceHistory history = market.history(listing);
            Identities.Identity then = market.universe().identities().on(listing, date);
            Map<String, String> row = new LinkedHashMap<>();
            row.put("ISU_SRT_CD", listing.code());
            row.put("ISU_CD", listing.isin());
            row.put("ISU_ABBRV", then.name());
            row.put("MKT_NM", then.krxMarketName(date));
            row.put("SECT_TP_NM", then.section());
            if (day >= 0 && history.trades(day)) {
                Bar bar = history.bar(day);
                putPrices(row, bar);
                row.put("MKTCAP", comma(bar.marketCap()));
                row.put("LIST_SHRS", comma(bar.shares()));
            } else {
                // A holiday (or a day that has not happened yet): every listed issue, no prices.
                for (String field : List.of("TDD_CLSPRC", "FLUC_TP_CD", "CMPPREVDD_PRC", "FLUC_RT", "TDD_OPNPRC",
                        "TDD_HGPRC", "TDD_LWPRC", "ACC_TRDVOL", "ACC_TRDVAL", "MKTCAP")) {
                    row.put(field, "FLUC_TP_CD".equals(field) ? "3" : "-");
                }
                int known = Math.min(market.calendar().floorIndex(date), history.lastDay());
                row.put("LIST_SHRS", comma(known >= history.firstDay() ? history.shares(known) : listing.initialShares()));
            }
            row.put("MKT_ID", then.market().name());
            rows.add(row);
        }
        return rows;
    }

    private static void putPrices(Map<String, String> row, Bar bar) {
        row.put("TDD_CLSPRC", comma(bar.close()));
        row.put("FLUC_TP_CD", fluctuation(bar));
        row.put("CMPPREVDD_PRC", comma(bar.halted() ? 0 : bar.change()));
        row.put("FLUC_RT", bar.halted() ? "0.00" : percent(bar.change(), bar.base()));
        row.put("TDD_OPNPRC", comma(bar.open()));
        row.put("TDD_HGPRC", comma(bar.high()));
        row.put("TDD_LWPRC", comma(bar.low()));
        row.put("ACC_TRDVOL", comma(bar.volume()));
        row.put("ACC_TRDVAL", comma(bar.value()));
    }

    /** {@code 1} up, {@code 2} down, {@code 3} flat, {@code 0} suspended (as in the recorded responses). */
    private static String fluctuation(Bar bar) {
        if (bar.halted()) {
            return "0";
        }
        return bar.change() > 0 ? "1" : bar.change() < 0 ? "2" : "3";
    }

    private List<Map<String, String>> oneStock(MultivaluedMap<String, String> form) {
        LocalDate from = date(form, "strtDd");
        LocalDate to = date(form, "endDd");
        checkSpan(from, to);
        Listing listing = market.universe().byIsin(String.valueOf(form.getFirst("isuCd")));
        if (listing == null) {
            return List.of();
        }
        boolean adjusted = !"1".equals(form.getFirst("adjStkPrc"));
        PriceHistory history = market.history(listing);
        List<Map<String, String>> rows = new ArrayList<>();
        int last = Math.min(Math.min(market.calendar().floorIndex(to), market.latestDay()), history.lastDay());
        int first = Math.max(market.calendar().ceilIndex(from), history.firstDay());
        for (int day = last; day >= first; day--) {
            Bar bar = adjusted ? history.adjustedBar(day) : history.bar(day);
            Map<String, String> row = new LinkedHashMap<>();
            row.put("TRD_DD", bar.date().format(Formats.SLASHED));
            putPrices(row, bar);
            Bar raw = adjusted ? history.bar(day) : bar;
            row.put("MKTCAP", comma(raw.marketCap()));
            row.put("LIST_SHRS", comma(raw.shares()));
            rows.add(row);
        }
        return rows;
    }

    private static void checkSpan(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new Refused("endDd is before strtDd");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_SPAN_DAYS) {
            throw new Refused("조회기간은 최대 2년까지 가능합니다 (strtDd..endDd spans more than 730 days)");
        }
    }

    private List<Map<String, String>> basicInfo(List<MarketId> markets) {
        LocalDate today = market.today();
        List<Map<String, String>> rows = new ArrayList<>();
        for (Listing listing : ordered(markets, today)) {
            PriceHistory history = market.history(listing);
            Map<String, String> row = new LinkedHashMap<>();
            row.put("ISU_CD", listing.isin());
            row.put("ISU_SRT_CD", listing.code());
            row.put("ISU_NM", listing.fullName());
            row.put("ISU_ABBRV", listing.name());
            row.put("ISU_ENG_NM", listing.englishName());
            row.put("LIST_DD", listing.listDate().format(Formats.SLASHED));
            row.put("MKT_TP_NM", listing.krxMarketName(today));
            row.put("SECUGRP_NM", "주권");
            row.put("SECT_TP_NM", listing.section());
            row.put("KIND_STKCERT_TP_NM", listing.preferred() ? "구형우선주" : "보통주");
            int day = Math.min(market.latestDay(), history.lastDay());
            row.put("PARVAL", comma(day >= history.firstDay() ? history.par(day) : listing.parValue()));
            row.put("LIST_SHRS", comma(day >= history.firstDay() ? history.shares(day) : listing.initialShares()));
            rows.add(row);
        }
        return rows;
    }

    private List<Map<String, String>> finder(MultivaluedMap<String, String> form, boolean delisted) {
        LocalDate today = market.today();
        List<MarketId> markets = markets(form.getFirst("mktsel"));
        String search = form.getFirst("searchText") == null ? "" : form.getFirst("searchText").trim();
        List<FinderEntry> entries = new ArrayList<>();
        market.universe().listings().stream()
                .filter(l -> delisted ? l.delistedBy(today) : l.listedOn(today))
                .forEach(l -> entries.add(new FinderEntry(l.isin(), l.code(), l.name(), l.market())));
        if (delisted) {
            // The real delisted list also holds warrants, rights and other non-stock securities.
            DelistedSecurities.ALL.stream().filter(s -> !today.isBefore(s.delistDate()))
                    .forEach(s -> entries.add(new FinderEntry(s.isin(), s.shortCode(), s.name(), s.market())));
        }
        List<Map<String, String>> rows = new ArrayList<>();
        entries.stream()
                .filter(e -> markets.contains(e.market()))
                .filter(e -> search.isEmpty() || e.name().contains(search) || e.code().contains(search))
                .sorted(Comparator.comparing(FinderEntry::name).thenComparing(FinderEntry::code))
                .forEach(e -> {
                    Map<String, String> row = new LinkedHashMap<>();
                    row.put("full_code", e.isin());
                    row.put("short_code", e.code());
                    row.put("codeName", e.name());
                    row.put("marketCode", e.market().name());
                    row.put("marketName", e.market().koreanName());
                    if (!delisted) {
                        row.put("marketEngName", e.market().englishName());
                    }
                    row.put("ord1", "");
                    row.put("ord2", "16");
                    rows.add(row);
                });
        return rows;
    }

    private record FinderEntry(String isin, String code, String name, MarketId market) {
    }

    private List<Map<String, String>> indexSeries(MultivaluedMap<String, String> form) {
        LocalDate from = date(form, "strtDd");
        LocalDate to = date(form, "endDd");
        checkSpan(from, to);
        IndexDefinition definition = IndexDefinition.byTicker(form.getFirst("indIdx") + form.getFirst("indIdx2"));
        if (definition == null) {
            return List.of();
        }
        IndexHistory index = market.index(definition);
        List<Map<String, String>> rows = new ArrayList<>();
        int last = Math.min(market.calendar().floorIndex(to), market.latestDay());
        int first = market.calendar().ceilIndex(from);
        for (int day = last; day >= first; day--) {
            rows.add(indexRow(market.calendar().day(day), index.close(day), index.previousClose(day),
                    index.open(day), index.high(day), index.low(day), index.volume(day), index.value(day),
                    comma(index.marketCap(day))));
        }
        IndexArchive archive = market.archive(definition);
        if (archive != null) {
            // Rows are newest first: the archived days follow the simulated ones.
            for (int i = archive.floorIndex(to); i >= archive.ceilIndex(from) && i >= 0; i--) {
                rows.add(archive.closeOnly(i)
                        ? closeOnlyRow(archive.day(i), archive.close(i), archive.volume(i), archive.value(i))
                        : indexRow(archive.day(i), archive.close(i), archive.previousClose(i), archive.open(i),
                                archive.high(i), archive.low(i), archive.volume(i), archive.value(i), "-"));
            }
        }
        return rows;
    }

    private static Map<String, String> indexRow(LocalDate date, double close, double previousClose, double open,
            double high, double low, long volume, long value, String marketCap) {
        double change = Math.round((close - previousClose) * 100) / 100.0;
        Map<String, String> row = new LinkedHashMap<>();
        row.put("TRD_DD", date.format(Formats.SLASHED));
        row.put("CLSPRC_IDX", comma2(close));
        row.put("FLUC_TP_CD", change > 0 ? "1" : change < 0 ? "2" : "3");
        row.put("PRV_DD_CMPR", comma2(change));
        row.put("UPDN_RATE", percent(change, previousClose));
        row.put("OPNPRC_IDX", comma2(open));
        row.put("HGPRC_IDX", comma2(high));
        row.put("LWPRC_IDX", comma2(low));
        row.put("ACC_TRDVOL", comma(volume));
        row.put("ACC_TRDVAL", comma(value));
        row.put("MKTCAP", marketCap);
        return row;
    }

    /** KRX's oldest index days, as recorded for 1981: only the close, volume and value; the rest "-" or "". */
    private static Map<String, String> closeOnlyRow(LocalDate date, double close, long volume, long value) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("TRD_DD", date.format(Formats.SLASHED));
        row.put("CLSPRC_IDX", comma2(close));
        row.put("FLUC_TP_CD", "");
        for (String field : List.of("PRV_DD_CMPR", "UPDN_RATE", "OPNPRC_IDX", "HGPRC_IDX", "LWPRC_IDX")) {
            row.put(field, "-");
        }
        row.put("ACC_TRDVOL", comma(volume));
        row.put("ACC_TRDVAL", comma(value));
        row.put("MKTCAP", "-");
        return row;
    }

    private List<Map<String, String>> indexList(String family) {
        if (family == null || !family.matches("0[1-4]")) {
            throw new Refused("idxIndMidclssCd must be 01, 02, 03 or 04, got " + family);
        }
        LocalDate today = market.today();
        List<Map<String, String>> rows = new ArrayList<>();
        for (IndexDefinition d : IndexDefinition.ofFamily(family)) {
            long members = market.constituents(d, today).size();
            Map<String, String> row = new LinkedHashMap<>();
            row.put("IDX_NM", d.name());
            row.put("IDX_ENG_NM", d.englishName());
            row.put("BAS_TM_CONTN", d.baseDate());
            row.put("ANNC_TM_CONTN", d.announceDate());
            row.put("BAS_IDX_CONTN", d.baseLevel());
            row.put("CALC_CYCLE_CONTN", d.cycle());
            row.put("CALC_TM_CONTN", "09:00:30 ~ 15:30:00");
            row.put("COMPST_ISU_CNT", comma(members));
            row.put("IND_TP_CD", d.group());
            row.put("IDX_IND_CD", d.code());
            rows.add(row);
        }
        return rows;
    }
}
