package io.kmarket.scheduler.collect;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What to collect: a list of tasks (sites × datasets × subjects/dates). The collection service decides the order. */
@RegisterForReflection
public record CollectionPlan(String name, List<CollectionTask> tasks) {

    /** The markets of MDCSTAT01501. */
    public static final List<String> MARKETS = List.of("STK", "KSQ", "KNX");
    /** KOSPI, KOSDAQ, KOSPI 200, KOSDAQ 150 as KRX index tickers (group digit + 3-digit index code). */
    public static final List<String> MAIN_INDICES = List.of("1001", "2001", "1028", "2203");
    /** KRX allows at most two years per MDCSTAT01701 call; pykrx uses 730-day chunks. */
    static final int MAX_RANGE_DAYS = 730;
    /** Without a corp_code, OpenDART searches at most three months at a time. */
    static final int DISCLOSURE_WINDOW_DAYS = 90;

    public CollectionPlan {
        Objects.requireNonNull(name, "name");
        tasks = List.copyOf(tasks);
    }

    public static CollectionPlan dailyMarket(LocalDate date) {
        List<CollectionTask> tasks = new ArrayList<>();
        MARKETS.forEach(m -> tasks.add(new CollectionTask("KRX", Dataset.DAILY_MARKET, m, date, date)));
        MAIN_INDICES.forEach(i -> tasks.add(new CollectionTask("KRX", Dataset.INDEX_PRICES, i, date, date)));
        return new CollectionPlan("daily-market " + date, tasks);
    }

    public static CollectionPlan listings(LocalDate date) {
        return new CollectionPlan("listings " + date, List.of(
                new CollectionTask("KRX", Dataset.LISTINGS, "ALL", date, date),
                new CollectionTask("KRX", Dataset.DELISTINGS, "ALL", date, date),
                CollectionTask.of("KRX", Dataset.INDEX_LIST, "01"),
                CollectionTask.of("KRX", Dataset.INDEX_LIST, "02"),
                CollectionTask.of("KRX", Dataset.INDEX_LIST, "03"),
                CollectionTask.of("KRX", Dataset.INDEX_LIST, "04")));
    }

    public static CollectionPlan disclosures(LocalDate from, LocalDate to) {
        return new CollectionPlan("disclosures " + from + ".." + to,
                chunks(from, to, DISCLOSURE_WINDOW_DAYS).stream()
                        .map(c -> new CollectionTask("DART", Dataset.DISCLOSURES, "ALL", c[0], c[1]))
                        .toList());
    }

    public static CollectionPlan corpCodes() {
        return new CollectionPlan("corp-codes", List.of(CollectionTask.of("DART", Dataset.CORP_CODES, "ALL")));
    }

    /** company.json for each corp_code. */
    public static CollectionPlan companies(List<String> corpCodes) {
        return new CollectionPlan("companies " + corpCodes.size(), corpCodes.stream()
                .map(code -> CollectionTask.of("DART", Dataset.COMPANY, code)).toList());
    }

    public static CollectionPlan quotes(List<String> codes) {
        List<CollectionTask> tasks = new ArrayList<>();
        for (String code : codes) {
            tasks.add(CollectionTask.of("DAUM", Dataset.QUOTE, code));
            tasks.add(CollectionTask.of("KIS", Dataset.QUOTE, code));
        }
        return new CollectionPlan("quotes " + codes.size(), tasks);
    }

    public static CollectionPlan stockHistory(String code, LocalDate from, LocalDate to) {
        List<CollectionTask> tasks = new ArrayList<>(krxStockHistory(code, from, to));
        tasks.add(new CollectionTask("NAVER", Dataset.DAILY_CHART, code, from, to));
        return new CollectionPlan("stock-history " + code + " " + from + ".." + to, tasks);
    }

    /** KRX MDCSTAT01701 tasks for one stock over exactly from..to, in chunks KRX accepts. */
    public static List<CollectionTask> krxStockHistory(String code, LocalDate from, LocalDate to) {
        return chunks(from, to, MAX_RANGE_DAYS).stream()
                .map(c -> new CollectionTask("KRX", Dataset.STOCK_HISTORY, code, c[0], c[1]))
                .toList();
    }

    /** One Naver chart per stock, kept to the one date (the fetcher sizes each request to reach back to it). */
    public static CollectionPlan naverCharts(LocalDate date, List<String> codes) {
        return new CollectionPlan("naver-charts " + date + " " + codes.size(), codes.stream()
                .map(code -> new CollectionTask("NAVER", Dataset.DAILY_CHART, code, date, date))
                .toList());
    }

    /** KRX MDCSTAT20901 for every market and each of the fiscal years. */
    public static CollectionPlan dividends(List<Integer> fiscalYears) {
        List<CollectionTask> tasks = new ArrayList<>();
        fiscalYears.forEach(year -> MARKETS.forEach(market -> tasks.add(dividends(market, year))));
        return new CollectionPlan("dividends " + fiscalYears, tasks);
    }

    /** The dividend screen of one market and fiscal year; the task's date stands for its year (1 January). */
    public static CollectionTask dividends(String market, int fiscalYear) {
        LocalDate year = LocalDate.of(fiscalYear, 1, 1);
        return new CollectionTask("KRX", Dataset.DIVIDENDS, market, year, year);
    }

    /** KRX MDCHARD04801, the history of par value changes, for each stock. */
    public static CollectionPlan parChanges(List<String> codes) {
        return new CollectionPlan("par-changes " + codes.size(), codes.stream()
                .map(code -> CollectionTask.of("KRX", Dataset.PAR_CHANGES, code))
                .toList());
    }

    /** Consecutive inclusive ranges of at most {@code maxDays} days covering from..to. */
    static List<LocalDate[]> chunks(LocalDate from, LocalDate to, int maxDays) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("range ends (" + to + ") before it starts (" + from + ")");
        }
        List<LocalDate[]> chunks = new ArrayList<>();
        LocalDate start = from;
        while (!start.isAfter(to)) {
            LocalDate end = start.plus(maxDays - 1L, ChronoUnit.DAYS);
            if (end.isAfter(to)) {
                end = to;
            }
            chunks.add(new LocalDate[] { start, end });
            start = end.plusDays(1);
        }
        return chunks;
    }
}
