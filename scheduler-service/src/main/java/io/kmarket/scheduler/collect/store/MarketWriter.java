package io.kmarket.scheduler.collect.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.kit.jdbc.Jdbc;
import io.kmarket.scheduler.collect.store.MarketRow.CorpCode;
import io.kmarket.scheduler.collect.store.MarketRow.Company;
import io.kmarket.scheduler.collect.store.MarketRow.DailyPrice;
import io.kmarket.scheduler.collect.store.MarketRow.Disclosure;
import io.kmarket.scheduler.collect.store.MarketRow.Dividend;
import io.kmarket.scheduler.collect.store.MarketRow.Index;
import io.kmarket.scheduler.collect.store.MarketRow.IndexPrice;
import io.kmarket.scheduler.collect.store.MarketRow.ParHistoryCheck;
import io.kmarket.scheduler.collect.store.MarketRow.ParValueChange;
import io.kmarket.scheduler.collect.store.MarketRow.Quote;
import io.kmarket.scheduler.collect.store.MarketRow.SourceDailyPrice;
import io.kmarket.scheduler.collect.store.MarketRow.Stock;
import io.kmarket.scheduler.collect.store.MarketRow.TradingDay;
import io.kmarket.scheduler.fencing.CurrentTerm;
import io.kmarket.scheduler.fencing.FencedWrites;
import io.kmarket.scheduler.fencing.Term;

/**
 * Stores a task's rows in one transaction with batched upserts on each table's natural key: the same rows
 * written twice leave one copy, and a task is stored entirely or not at all. Rows are written in key order so
 * concurrent tasks touching the same keys take their locks in the same order. A transaction commits only under
 * the current leadership ({@link FencedWrites}): a deposed leader's rows never land.
 */
@ApplicationScoped
public class MarketWriter {

    private final Jdbc jdbc;
    private final FencedWrites fenced;
    private final CurrentTerm leadership;

    MarketWriter(Jdbc jdbc, FencedWrites fenced, CurrentTerm leadership) {
        this.jdbc = jdbc;
        this.fenced = fenced;
        this.leadership = leadership;
    }

    /** Upserts every row under this instance's leadership; returns how many rows were written. */
    public int write(List<? extends MarketRow> rows) {
        return write(leadership.required(), rows);
    }

    /** Upserts every row if {@code term} is still the current leadership, else throws DeposedLeaderException. */
    public int write(Term term, List<? extends MarketRow> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        Map<Class<?>, List<MarketRow>> byKind = new LinkedHashMap<>();
        for (Class<?> kind : KINDS) {
            byKind.put(kind, new ArrayList<>());
        }
        rows.forEach(row -> byKind.get(row.getClass()).add(row));
        return fenced.under(term, () -> {
            int written = 0;
            for (Map.Entry<Class<?>, List<MarketRow>> kind : byKind.entrySet()) {
                if (!kind.getValue().isEmpty()) {
                    written += upsert(kind.getValue());
                }
            }
            if (!byKind.get(CorpCode.class).isEmpty()) {
                linkCorpCodes();
            }
            return written;
        });
    }

    private static final List<Class<?>> KINDS = List.of(Stock.class, Index.class, CorpCode.class, Company.class,
            DailyPrice.class, SourceDailyPrice.class, IndexPrice.class, Disclosure.class, Quote.class,
            TradingDay.class, Dividend.class, ParValueChange.class, ParHistoryCheck.class);

    private int upsert(List<MarketRow> rows) {
        return switch (rows.getFirst()) {
            case Stock _ -> {
                List<Stock> stocks = sorted(rows, Stock.class, Stock::code);
                int written = jdbc.batch(STOCK, stocks, MarketWriter::stockParams);
                jdbc.batch(MASTER_HISTORY, stocks.stream().filter(r -> r.observedOn() != null).toList(),
                        MarketWriter::masterHistoryParams);
                yield written;
            }
            case Index _ -> jdbc.batch(INDEX, sorted(rows, Index.class, Index::code), MarketWriter::indexParams);
            case CorpCode _ -> jdbc.batch(CORP_CODE, sorted(rows, CorpCode.class, CorpCode::corpCode),
                    MarketWriter::corpCodeParams);
            case Company _ -> jdbc.batch(COMPANY, sorted(rows, Company.class, Company::corpCode),
                    MarketWriter::companyParams);
            case DailyPrice _ -> jdbc.batch(DAILY_PRICE,
                    sorted(rows, DailyPrice.class, r -> r.code() + r.tradeDate()), MarketWriter::dailyPriceParams);
            case SourceDailyPrice _ -> jdbc.batch(SOURCE_DAILY_PRICE,
                    sorted(rows, SourceDailyPrice.class, r -> r.source() + r.code() + r.tradeDate()),
                    MarketWriter::sourceDailyPriceParams);
            case IndexPrice _ -> jdbc.batch(INDEX_PRICE,
                    sorted(rows, IndexPrice.class, r -> r.indexCode() + r.tradeDate()),
                    MarketWriter::indexPriceParams);
            case Disclosure _ -> jdbc.batch(DISCLOSURE, sorted(rows, Disclosure.class, Disclosure::rceptNo),
                    MarketWriter::disclosureParams);
            case Quote _ -> jdbc.batch(QUOTE, sorted(rows, Quote.class, r -> r.code() + r.source()),
                    MarketWriter::quoteParams);
            case TradingDay _ -> jdbc.batch(TRADING_DAY,
                    sorted(rows, TradingDay.class, r -> r.day().toString()), MarketWriter::tradingDayParams);
            case Dividend _ -> jdbc.batch(DIVIDEND, sorted(rows, Dividend.class, r -> r.code() + r.fiscalYear()),
                    MarketWriter::dividendParams);
            case ParValueChange _ -> jdbc.batch(PAR_VALUE_CHANGE,
                    sorted(rows, ParValueChange.class, r -> r.code() + r.changeDate()),
                    MarketWriter::parValueChangeParams);
            case ParHistoryCheck _ -> jdbc.batch(PAR_HISTORY_CHECK,
                    sorted(rows, ParHistoryCheck.class, ParHistoryCheck::code), MarketWriter::parHistoryCheckParams);
        };
    }

    private static <T> List<T> sorted(List<MarketRow> rows, Class<T> kind, Function<T, String> key) {
        // Last one wins for a key seen twice in one answer, as a second upsert of it would.
        Map<String, T> unique = new LinkedHashMap<>();
        rows.stream().map(kind::cast).forEach(row -> unique.put(key.apply(row), row));
        return unique.values().stream().sorted(Comparator.comparing(key)).toList();
    }

    private void linkCorpCodes() {
        jdbc.update("""
                UPDATE market.stocks s SET corp_code = c.corp_code, updated_at = now()
                  FROM market.corp_codes c
                 WHERE c.stock_code = s.code AND s.corp_code IS DISTINCT FROM c.corp_code""");
    }

    // The name, market and ISIN follow the newest observation only: a backfill writes old days after today's
    // listings, and what KRX called a stock in 2020 must not become its name today. The other columns are facts
    // that do not change with the day (the listing date, the first day seen delisted, the English name that only
    // the current listings carry) and are filled in whatever the day.
    private static final String STOCK = """
            INSERT INTO market.stocks AS s (code, isin, name_ko, name_en, market, listed_on, delisted_on,
                master_observed_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (code) DO UPDATE SET
                isin = CASE WHEN %1$s THEN COALESCE(EXCLUDED.isin, s.isin) ELSE s.isin END,
                name_ko = CASE WHEN %1$s THEN EXCLUDED.name_ko ELSE s.name_ko END,
                market = CASE WHEN %1$s THEN EXCLUDED.market ELSE s.market END,
                master_observed_on = GREATEST(s.master_observed_on, EXCLUDED.master_observed_on),
                name_en = COALESCE(EXCLUDED.name_en, s.name_en),
                listed_on = COALESCE(EXCLUDED.listed_on, s.listed_on),
                delisted_on = COALESCE(s.delisted_on, EXCLUDED.delisted_on), updated_at = now()""".formatted(
            // Newer or as new: a dated row against an older date; an undated row only where no date is stored.
            "COALESCE(EXCLUDED.master_observed_on >= s.master_observed_on, s.master_observed_on IS NULL)");

    private static Object[] stockParams(Stock r) {
        return new Object[] {r.code(), r.isin(), r.nameKo(), r.nameEn(), r.market(), r.listedOn(), r.delistedOn(),
                r.observedOn()};
    }

    private static final String MASTER_HISTORY = "CALL market.observe_stock_master(?, ?, ?, ?, ?, ?)";

    private static Object[] masterHistoryParams(Stock r) {
        return new Object[] {r.code(), r.observedOn(), r.nameKo(), r.market(), r.isin(), r.observedIn()};
    }

    private static final String INDEX = """
            INSERT INTO market.indices (code, name_ko, name_en, market, base_date, base_value)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (code) DO UPDATE SET name_ko = EXCLUDED.name_ko, name_en = EXCLUDED.name_en,
                market = EXCLUDED.market, base_date = EXCLUDED.base_date, base_value = EXCLUDED.base_value""";

    private static Object[] indexParams(Index r) {
        return new Object[] {r.code(), r.nameKo(), r.nameEn(), r.market(), r.baseDate(), r.baseValue()};
    }

    private static final String CORP_CODE = """
            INSERT INTO market.corp_codes (corp_code, corp_name, corp_name_eng, stock_code, modified_on)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (corp_code) DO UPDATE SET corp_name = EXCLUDED.corp_name,
                corp_name_eng = EXCLUDED.corp_name_eng, stock_code = EXCLUDED.stock_code,
                modified_on = EXCLUDED.modified_on, updated_at = now()""";

    private static Object[] corpCodeParams(CorpCode r) {
        return new Object[] {r.corpCode(), r.corpName(), r.corpNameEng(), r.stockCode(), r.modifiedOn()};
    }

    private static final String COMPANY = """
            INSERT INTO market.companies (corp_code, corp_name, corp_name_eng, stock_code, corp_cls, ceo_name,
                homepage, industry_code, established_on, fiscal_month)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (corp_code) DO UPDATE SET corp_name = EXCLUDED.corp_name,
                corp_name_eng = EXCLUDED.corp_name_eng, stock_code = EXCLUDED.stock_code,
                corp_cls = EXCLUDED.corp_cls, ceo_name = EXCLUDED.ceo_name, homepage = EXCLUDED.homepage,
                industry_code = EXCLUDED.industry_code, established_on = EXCLUDED.established_on,
                fiscal_month = EXCLUDED.fiscal_month, updated_at = now()""";

    private static Object[] companyParams(Company r) {
        return new Object[] {r.corpCode(), r.corpName(), r.corpNameEng(), r.stockCode(), r.corpCls(), r.ceoName(),
                r.homepage(), r.industryCode(), r.establishedOn(), r.fiscalMonth()};
    }

    // A source without a reference price leaves the one KRX gave: the step on an ex-date is the evidence of a
    // corporate action, and a later write of the same day from elsewhere must not erase it.
    private static final String DAILY_PRICE = """
            INSERT INTO market.daily_prices (code, trade_date, open, high, low, close, volume, trading_value,
                market_cap, shares_out, base_price, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (code, trade_date) DO UPDATE SET open = EXCLUDED.open, high = EXCLUDED.high,
                low = EXCLUDED.low, close = EXCLUDED.close, volume = EXCLUDED.volume,
                trading_value = EXCLUDED.trading_value, market_cap = EXCLUDED.market_cap,
                shares_out = EXCLUDED.shares_out,
                base_price = COALESCE(EXCLUDED.base_price, market.daily_prices.base_price),
                source = EXCLUDED.source, collected_at = now()""";

    private static Object[] dailyPriceParams(DailyPrice r) {
        return new Object[] {r.code(), r.tradeDate(), r.open(), r.high(), r.low(), r.close(), r.volume(),
                r.tradingValue(), r.marketCap(), r.sharesOut(), r.basePrice(), r.source()};
    }

    private static final String SOURCE_DAILY_PRICE = """
            INSERT INTO market.source_daily_prices (source, code, trade_date, open, high, low, close, volume,
                adjusted, halted)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (source, code, trade_date) DO UPDATE SET open = EXCLUDED.open, high = EXCLUDED.high,
                low = EXCLUDED.low, close = EXCLUDED.close, volume = EXCLUDED.volume,
                adjusted = EXCLUDED.adjusted, halted = EXCLUDED.halted, collected_at = now()""";

    private static Object[] sourceDailyPriceParams(SourceDailyPrice r) {
        return new Object[] {r.source(), r.code(), r.tradeDate(), r.open(), r.high(), r.low(), r.close(), r.volume(),
                r.adjusted(), r.halted()};
    }

    private static final String INDEX_PRICE = """
            INSERT INTO market.index_prices (index_code, trade_date, open, high, low, close, volume,
                trading_value, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (index_code, trade_date) DO UPDATE SET open = EXCLUDED.open, high = EXCLUDED.high,
                low = EXCLUDED.low, close = EXCLUDED.close, volume = EXCLUDED.volume,
                trading_value = EXCLUDED.trading_value, source = EXCLUDED.source, collected_at = now()""";

    private static Object[] indexPriceParams(IndexPrice r) {
        return new Object[] {r.indexCode(), r.tradeDate(), r.open(), r.high(), r.low(), r.close(), r.volume(),
                r.tradingValue(), r.source()};
    }

    private static final String DISCLOSURE = """
            INSERT INTO market.disclosures (rcept_no, corp_code, corp_name, corp_cls, stock_code, report_name,
                filer_name, receipt_date, remarks)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (rcept_no) DO UPDATE SET corp_code = EXCLUDED.corp_code, corp_name = EXCLUDED.corp_name,
                corp_cls = EXCLUDED.corp_cls, stock_code = EXCLUDED.stock_code,
                report_name = EXCLUDED.report_name, filer_name = EXCLUDED.filer_name,
                receipt_date = EXCLUDED.receipt_date, remarks = EXCLUDED.remarks, collected_at = now()""";

    private static Object[] disclosureParams(Disclosure r) {
        return new Object[] {r.rceptNo(), r.corpCode(), r.corpName(), r.corpCls(), r.stockCode(), r.reportName(),
                r.filerName(), r.receiptDate(), r.remarks()};
    }

    private static final String QUOTE = """
            INSERT INTO market.quotes (code, source, price, open, high, low, prev_close, volume, trading_value,
                trade_date)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (code, source) DO UPDATE SET price = EXCLUDED.price, open = EXCLUDED.open,
                high = EXCLUDED.high, low = EXCLUDED.low, prev_close = EXCLUDED.prev_close,
                volume = EXCLUDED.volume, trading_value = EXCLUDED.trading_value,
                trade_date = EXCLUDED.trade_date, collected_at = now()""";

    private static Object[] quoteParams(Quote r) {
        return new Object[] {r.code(), r.source(), r.price(), r.open(), r.high(), r.low(), r.prevClose(), r.volume(),
                r.tradingValue(), r.tradeDate()};
    }

    // Each market's task reports the day on its own: one market in which nothing traded (KONEX can be quiet) must not
    // turn a day another market traded on into a holiday, whichever task finishes last.
    private static final String TRADING_DAY = """
            INSERT INTO market.trading_calendar (day, is_trading_day, note) VALUES (?, ?, ?)
            ON CONFLICT (day) DO UPDATE SET is_trading_day = EXCLUDED.is_trading_day, note = EXCLUDED.note
             WHERE EXCLUDED.is_trading_day OR NOT market.trading_calendar.is_trading_day""";

    private static Object[] tradingDayParams(TradingDay r) {
        return new Object[] {r.day(), r.tradingDay(), r.note()};
    }

    private static final String DIVIDEND = """
            INSERT INTO market.dividends (code, fiscal_year, fiscal_month, cash_per_share, stock_per_share,
                dividend_yield, payout_ratio, dividend_total, par_value, listed_shares, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (code, fiscal_year) DO UPDATE SET fiscal_month = EXCLUDED.fiscal_month,
                cash_per_share = EXCLUDED.cash_per_share, stock_per_share = EXCLUDED.stock_per_share,
                dividend_yield = EXCLUDED.dividend_yield, payout_ratio = EXCLUDED.payout_ratio,
                dividend_total = EXCLUDED.dividend_total, par_value = EXCLUDED.par_value,
                listed_shares = EXCLUDED.listed_shares, source = EXCLUDED.source, collected_at = now()""";

    private static Object[] dividendParams(Dividend r) {
        return new Object[] {r.code(), r.fiscalYear(), r.fiscalMonth(), r.cashPerShare(),
                r.stockPerShare(), r.dividendYield(), r.payoutRatio(), r.dividendTotal(), r.parValue(),
                r.listedShares(), r.source()};
    }

    private static final String PAR_VALUE_CHANGE = """
            INSERT INTO market.par_value_changes (code, change_date, par_before, par_after, source)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (code, change_date) DO UPDATE SET par_before = EXCLUDED.par_before,
                par_after = EXCLUDED.par_after, source = EXCLUDED.source, collected_at = now()""";

    private static Object[] parValueChangeParams(ParValueChange r) {
        return new Object[] {r.code(), r.changeDate(), r.parBefore(), r.parAfter(), r.source()};
    }

    private static final String PAR_HISTORY_CHECK = """
            INSERT INTO market.par_value_history_checks (code, checked_at, changes) VALUES (?, ?, ?)
            ON CONFLICT (code) DO UPDATE SET checked_at = EXCLUDED.checked_at, changes = EXCLUDED.changes""";

    private static Object[] parHistoryCheckParams(ParHistoryCheck r) {
        return new Object[] {r.code(), r.checkedAt(), r.changes()};
    }
}
