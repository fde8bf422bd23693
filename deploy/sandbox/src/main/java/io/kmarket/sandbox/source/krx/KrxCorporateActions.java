package io.kmarket.sandbox.source.krx;

import static io.kmarket.sandbox.source.Formats.comma;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import jakarta.ws.rs.core.MultivaluedMap;

import io.kmarket.sandbox.market.ActionType;
import io.kmarket.sandbox.market.AppliedAction;
import io.kmarket.sandbox.market.Company;
import io.kmarket.sandbox.market.Identities;
import io.kmarket.sandbox.market.Listing;
import io.kmarket.sandbox.market.Market;
import io.kmarket.sandbox.market.MarketId;
import io.kmarket.sandbox.market.PriceHistory;
import io.kmarket.sandbox.market.Seeds;
import io.kmarket.sandbox.source.Formats;

/**
 * The two KRX screens that show corporate actions beyond the daily prices: 배당종목 현황 (MDCSTAT20901, the
 * dividends of a fiscal year, listed once the annual reports are out) and 기업 주요 변동사항 (MDCHARD04801, an
 * issue's par value changes and renames). Their field lists are KRX's (pykrx and third-party code), the values'
 * spelling follows the other KRX screens; no recorded answer exists to copy verbatim.
 */
final class KrxCorporateActions {

    /** KRX's industry index names (업종), one per issue for the dividend and change screens. */
    private static final String[] INDUSTRIES = {"음식료품", "섬유의복", "종이목재", "화학", "의약품", "비금속광물",
            "철강금속", "기계", "전기전자", "의료정밀", "운수장비", "유통업", "전기가스업", "건설업", "운수창고업", "통신업",
            "금융업", "서비스업", "제조업"};

    private final Market market;

    KrxCorporateActions(Market market) {
        this.market = market;
    }

    /**
     * MDCSTAT20901: one row per issue that declared a dividend for fiscal year {@code basYy} (and with
     * {@code indTpCd} 2 or 3 the one or two years before), each year only from April 1 of the following year.
     */
    List<Map<String, String>> dividends(MultivaluedMap<String, String> form, List<MarketId> markets) {
        String year = form.getFirst("basYy");
        if (year == null || !year.matches("\\d{4}")) {
            throw new KrxDatasets.Refused("basYy must be YYYY, got " + year);
        }
        int span = switch (String.valueOf(form.getFirst("indTpCd"))) {
            case "2" -> 2;
            case "3" -> 3;
            default -> 1;
        };
        LocalDate today = market.today();
        List<Map<String, String>> rows = new ArrayList<>();
        for (int fiscalYear = Integer.parseInt(year); fiscalYear > Integer.parseInt(year) - span; fiscalYear--) {
            if (today.isBefore(LocalDate.of(fiscalYear + 1, 4, 1))) {
                continue;
            }
            for (Listing listing : byName(markets, LocalDate.of(fiscalYear, 12, 31))) {
                Map<String, String> row = dividendRow(listing, fiscalYear);
                if (row != null) {
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** Issues in {@code markets} on {@code date} (delisted ones included: the screen keeps past years), by name. */
    private List<Listing> byName(List<MarketId> markets, LocalDate date) {
        Identities identities = market.universe().identities();
        return market.universe().listings().stream()
                .filter(l -> markets.contains(identities.on(l, date).market()))
                .sorted(Comparator.comparing((Listing l) -> identities.on(l, date).name()).thenComparing(Listing::code))
                .toList();
    }

    private Map<String, String> dividendRow(Listing listing, int fiscalYear) {
        PriceHistory history = market.history(listing);
        AppliedAction cash = null;
        AppliedAction stock = null;
        for (AppliedAction action : history.actions()) {
            if (action.action().fiscalYear() == fiscalYear && action.type() == ActionType.CASH_DIVIDEND) {
                cash = action;
            } else if (action.action().fiscalYear() == fiscalYear && action.type() == ActionType.STOCK_DIVIDEND) {
                stock = action;
            }
        }
        AppliedAction any = cash != null ? cash : stock;
        if (any == null) {
            return null;
        }
        int yearEnd = Math.min(any.exDay() + 1, history.lastDay());
        long shares = history.shares(yearEnd);
        SplittableRandom random = Seeds.random(market.seed(), 71, listing.index(), fiscalYear);
        Map<String, String> row = new LinkedHashMap<>();
        row.put("ISU_CD", listing.code());
        row.put("ISU_NM", market.universe().identities().on(listing, any.exDate()).name());
        row.put("BZ_YY", String.valueOf(fiscalYear));
        row.put("ACNTCLS_MM", "12");
        row.put("IDX_IND_NM", industry(listing));
        row.put("DIV_YD", String.format(Locale.ROOT, "%.2f", 0.8 + industryDraw(listing, fiscalYear) * 2.5));
        row.put("PERSHR_DIV_CMSTK_SHRS", stock == null ? "-"
                : BigDecimal.valueOf(stock.action().rate()).stripTrailingZeros().toPlainString());
        row.put("PARVAL", comma(history.par(yearEnd)));
        row.put("LIST_SHRS", comma(shares));
        row.put("CMSTK_DPS", cash == null ? "-" : comma(cash.cashAmount()));
        row.put("DIV_INCLIN", cash == null ? "-" : String.format(Locale.ROOT, "%.2f", 10 + random.nextDouble() * 50));
        row.put("DIV_TOTAMT", cash == null ? "-" : comma(cash.cashAmount() * shares));
        row.put("MKTPRC_CMSTK_DIV_RT", cash == null ? "-"
                : Formats.percent(cash.cashAmount(), cash.previousClose()));
        return row;
    }

    /** MDCHARD04801: the par value changes and renames of one issue (by ISIN) up to today, newest first. */
    List<Map<String, String>> majorChanges(MultivaluedMap<String, String> form) {
        Listing listing = market.universe().byIsin(String.valueOf(form.getFirst("isuCd")));
        if (listing == null) {
            return List.of();
        }
        LocalDate today = market.today();
        PriceHistory history = market.history(listing);
        Identities identities = market.universe().identities();
        Company company = market.dart().byCorpCode(listing.corpCode());
        String ceo = company == null ? "" : company.ceo();
        String industry = industry(listing);
        List<Change> changes = new ArrayList<>();
        for (AppliedAction action : history.actions()) {
            if (action.parAfter() != action.parBefore() && !action.exDate().isAfter(today)) {
                String name = identities.on(listing, action.exDate()).name();
                changes.add(new Change(action.exDate(), name, name, action.parBefore(), action.parAfter()));
            }
        }
        List<Identities.Identity> names = identities.of(listing);
        for (int i = 1; i < names.size(); i++) {
            LocalDate on = names.get(i).from();
            if (!names.get(i).name().equals(names.get(i - 1).name()) && !on.isAfter(today)) {
                int day = Math.max(history.firstDay(), market.calendar().floorIndex(on));
                int par = history.par(day);
                changes.add(new Change(on, names.get(i - 1).name(), names.get(i).name(), par, par));
            }
        }
        changes.sort(Comparator.comparing(Change::date).reversed());
        List<Map<String, String>> rows = new ArrayList<>();
        for (Change change : changes) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("DD", change.date().format(Formats.SLASHED));
            row.put("BFCOM", change.nameBefore());
            row.put("AFCOM", change.nameAfter());
            row.put("BFIND", industry);
            row.put("AFIND", industry);
            row.put("BFPAR", comma(change.parBefore()));
            row.put("AFPAR", comma(change.parAfter()));
            row.put("BFCEO", ceo);
            row.put("AFCEO", ceo);
            rows.add(row);
        }
        return rows;
    }

    private record Change(LocalDate date, String nameBefore, String nameAfter, int parBefore, int parAfter) {
    }

    private String industry(Listing listing) {
        return INDUSTRIES[(int) Math.floorMod(Seeds.mix(market.seed(), 70, listing.index()), (long) INDUSTRIES.length)];
    }

    /** The same draw for every issue of an industry and year: KRX's industry dividend yield is per industry. */
    private double industryDraw(Listing listing, int fiscalYear) {
        return Seeds.random(market.seed(), 72, industry(listing).hashCode(), fiscalYear).nextDouble();
    }
}
