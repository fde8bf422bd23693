package io.kmarket.scheduler.collect.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.kmarket.scheduler.fencing.CurrentTerm;
import io.kmarket.scheduler.fencing.EpochFence;
import io.kmarket.scheduler.fencing.Term;
import io.kmarket.scheduler.collect.store.MarketRow.CorpCode;
import io.kmarket.scheduler.collect.store.MarketRow.Company;
import io.kmarket.scheduler.collect.store.MarketRow.DailyPrice;
import io.kmarket.scheduler.collect.store.MarketRow.Disclosure;
import io.kmarket.scheduler.collect.store.MarketRow.Index;
import io.kmarket.scheduler.collect.store.MarketRow.IndexPrice;
import io.kmarket.scheduler.collect.store.MarketRow.Quote;
import io.kmarket.scheduler.collect.store.MarketRow.SourceDailyPrice;
import io.kmarket.scheduler.collect.store.MarketRow.Stock;
import io.kmarket.scheduler.collect.store.MarketRow.TradingDay;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Stores a task's rows in one transaction with batched upserts on each table's natural key: the same rows
 * written twice leave one copy, and a task is stored entirely or not at all. Rows are written in key order so
 * concurrent tasks touching the same keys take their locks in the same order. A transaction commits only under
 * the current leadership (see {@link EpochFence}): a deposed leader's rows never land.
 */
@ApplicationScoped
public class MarketWriter {

    private static final int BATCH = 1_000;

    private final AgroalDataSource dataSource;
    private final EpochFence fence;
    private final CurrentTerm leadership;

    MarketWriter(AgroalDataSource dataSource, EpochFence fence, CurrentTerm leadership) {
        this.dataSource = dataSource;
        this.fence = fence;
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
        return QuarkusTransaction.requiringNew().call(() -> {
            int written = 0;
            try (Connection connection = dataSource.getConnection()) {
                fence.check(connection, term);
                for (Map.Entry<Class<?>, List<MarketRow>> kind : byKind.entrySet()) {
                    if (!kind.getValue().isEmpty()) {
                        written += upsert(connection, kind.getValue());
                    }
                }
                if (!byKind.get(CorpCode.class).isEmpty()) {
                    linkCorpCodes(connection);
                }
            }
            return written;
        });
    }

    private static final List<Class<?>> KINDS = List.of(Stock.class, Index.class, CorpCode.class, Company.class,
            DailyPrice.class, SourceDailyPrice.class, IndexPrice.class, Disclosure.class, Quote.class,
            TradingDay.class);

    private int upsert(Connection connection, List<MarketRow> rows) throws SQLException {
        return switch (rows.getFirst()) {
            case Stock _ -> {
                List<Stock> stocks = sorted(rows, Stock.class, Stock::code);
                int written = batch(connection, STOCK, stocks, MarketWriter::bindStock);
                batch(connection, MASTER_HISTORY, stocks.stream().filter(r -> r.observedOn() != null).toList(),
                        MarketWriter::bindMasterHistory);
                yield written;
            }
            case Index _ -> batch(connection, INDEX, sorted(rows, Index.class, Index::code), MarketWriter::bindIndex);
            case CorpCode _ -> batch(connection, CORP_CODE, sorted(rows, CorpCode.class, CorpCode::corpCode),
                    MarketWriter::bindCorpCode);
            case Company _ -> batch(connection, COMPANY, sorted(rows, Company.class, Company::corpCode),
                    MarketWriter::bindCompany);
            case DailyPrice _ -> batch(connection, DAILY_PRICE,
                    sorted(rows, DailyPrice.class, r -> r.code() + r.tradeDate()), MarketWriter::bindDailyPrice);
            case SourceDailyPrice _ -> batch(connection, SOURCE_DAILY_PRICE,
                    sorted(rows, SourceDailyPrice.class, r -> r.source() + r.code() + r.tradeDate()),
                    MarketWriter::bindSourceDailyPrice);
            case IndexPrice _ -> batch(connection, INDEX_PRICE,
                    sorted(rows, IndexPrice.class, r -> r.indexCode() + r.tradeDate()), MarketWriter::bindIndexPrice);
            case Disclosure _ -> batch(connection, DISCLOSURE, sorted(rows, Disclosure.class, Disclosure::rceptNo),
                    MarketWriter::bindDisclosure);
            case Quote _ -> batch(connection, QUOTE, sorted(rows, Quote.class, r -> r.code() + r.source()),
                    MarketWriter::bindQuote);
            case TradingDay _ -> batch(connection, TRADING_DAY,
                    sorted(rows, TradingDay.class, r -> r.day().toString()), MarketWriter::bindTradingDay);
        };
    }

    @FunctionalInterface
    private interface Binder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    private static <T> List<T> sorted(List<MarketRow> rows, Class<T> kind,
            java.util.function.Function<T, String> key) {
        // Last one wins for a key seen twice in one answer, as a second upsert of it would.
        Map<String, T> unique = new LinkedHashMap<>();
        rows.stream().map(kind::cast).forEach(row -> unique.put(key.apply(row), row));
        return unique.values().stream().sorted(Comparator.comparing(key)).toList();
    }

    private static <T> int batch(Connection connection, String sql, List<T> rows, Binder<T> binder)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int pending = 0;
            for (T row : rows) {
                binder.bind(statement, row);
                statement.addBatch();
                if (++pending == BATCH) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        }
        return rows.size();
    }

    private static void linkCorpCodes(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                UPDATE market.stocks s SET corp_code = c.corp_code, updated_at = now()
                  FROM market.corp_codes c
                 WHERE c.stock_code = s.code AND s.corp_code IS DISTINCT FROM c.corp_code""")) {
            statement.executeUpdate();
        }
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

    private static void bindStock(PreparedStatement st, Stock r) throws SQLException {
        st.setString(1, r.code());
        st.setString(2, r.isin());
        st.setString(3, r.nameKo());
        st.setString(4, r.nameEn());
        st.setString(5, r.market());
        setDate(st, 6, r.listedOn());
        setDate(st, 7, r.delistedOn());
        setDate(st, 8, r.observedOn());
    }

    private static final String MASTER_HISTORY = "CALL market.observe_stock_master(?, ?, ?, ?, ?, ?)";

    private static void bindMasterHistory(PreparedStatement st, Stock r) throws SQLException {
        st.setString(1, r.code());
        setDate(st, 2, r.observedOn());
        st.setString(3, r.nameKo());
        st.setString(4, r.market());
        st.setString(5, r.isin());
        st.setString(6, r.observedIn());
    }

    private static final String INDEX = """
            INSERT INTO market.indices (code, name_ko, name_en, market, base_date, base_value)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (code) DO UPDATE SET name_ko = EXCLUDED.name_ko, name_en = EXCLUDED.name_en,
                market = EXCLUDED.market, base_date = EXCLUDED.base_date, base_value = EXCLUDED.base_value""";

    private static void bindIndex(PreparedStatement st, Index r) throws SQLException {
        st.setString(1, r.code());
        st.setString(2, r.nameKo());
        st.setString(3, r.nameEn());
        st.setString(4, r.market());
        setDate(st, 5, r.baseDate());
        st.setBigDecimal(6, r.baseValue());
    }

    private static final String CORP_CODE = """
            INSERT INTO market.corp_codes (corp_code, corp_name, corp_name_eng, stock_code, modified_on)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (corp_code) DO UPDATE SET corp_name = EXCLUDED.corp_name,
                corp_name_eng = EXCLUDED.corp_name_eng, stock_code = EXCLUDED.stock_code,
                modified_on = EXCLUDED.modified_on, updated_at = now()""";

    private static void bindCorpCode(PreparedStatement st, CorpCode r) throws SQLException {
        st.setString(1, r.corpCode());
        st.setString(2, r.corpName());
        st.setString(3, r.corpNameEng());
        st.setString(4, r.stockCode());
        setDate(st, 5, r.modifiedOn());
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

    private static void bindCompany(PreparedStatement st, Company r) throws SQLException {
        st.setString(1, r.corpCode());
        st.setString(2, r.corpName());
        st.setString(3, r.corpNameEng());
        st.setString(4, r.stockCode());
        st.setString(5, r.corpCls());
        st.setString(6, r.ceoName());
        st.setString(7, r.homepage());
        st.setString(8, r.industryCode());
        setDate(st, 9, r.establishedOn());
        st.setString(10, r.fiscalMonth());
    }

    private static final String DAILY_PRICE = """
            INSERT INTO market.daily_prices (code, trade_date, open, high, low, close, volume, trading_value,
                market_cap, shares_out, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (code, trade_date) DO UPDATE SET open = EXCLUDED.open, high = EXCLUDED.high,
                low = EXCLUDED.low, close = EXCLUDED.close, volume = EXCLUDED.volume,
                trading_value = EXCLUDED.trading_value, market_cap = EXCLUDED.market_cap,
                shares_out = EXCLUDED.shares_out, source = EXCLUDED.source, collected_at = now()""";

    private static void bindDailyPrice(PreparedStatement st, DailyPrice r) throws SQLException {
        st.setString(1, r.code());
        setDate(st, 2, r.tradeDate());
        st.setLong(3, r.open());
        st.setLong(4, r.high());
        st.setLong(5, r.low());
        st.setLong(6, r.close());
        st.setLong(7, r.volume());
        st.setBigDecimal(8, r.tradingValue());
        st.setBigDecimal(9, r.marketCap());
        setLong(st, 10, r.sharesOut());
        st.setString(11, r.source());
    }

    private static final String SOURCE_DAILY_PRICE = """
            INSERT INTO market.source_daily_prices (source, code, trade_date, open, high, low, close, volume,
                adjusted, halted)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (source, code, trade_date) DO UPDATE SET open = EXCLUDED.open, high = EXCLUDED.high,
                low = EXCLUDED.low, close = EXCLUDED.close, volume = EXCLUDED.volume,
                adjusted = EXCLUDED.adjusted, halted = EXCLUDED.halted, collected_at = now()""";

    private static void bindSourceDailyPrice(PreparedStatement st, SourceDailyPrice r) throws SQLException {
        st.setString(1, r.source());
        st.setString(2, r.code());
        setDate(st, 3, r.tradeDate());
        setLong(st, 4, r.open());
        setLong(st, 5, r.high());
        setLong(st, 6, r.low());
        st.setLong(7, r.close());
        st.setLong(8, r.volume());
        st.setBoolean(9, r.adjusted());
        st.setBoolean(10, r.halted());
    }

    private static final String INDEX_PRICE = """
            INSERT INTO market.index_prices (index_code, trade_date, open, high, low, close, volume,
                trading_value, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (index_code, trade_date) DO UPDATE SET open = EXCLUDED.open, high = EXCLUDED.high,
                low = EXCLUDED.low, close = EXCLUDED.close, volume = EXCLUDED.volume,
                trading_value = EXCLUDED.trading_value, source = EXCLUDED.source, collected_at = now()""";

    private static void bindIndexPrice(PreparedStatement st, IndexPrice r) throws SQLException {
        st.setString(1, r.indexCode());
        setDate(st, 2, r.tradeDate());
        st.setBigDecimal(3, r.open());
        st.setBigDecimal(4, r.high());
        st.setBigDecimal(5, r.low());
        st.setBigDecimal(6, r.close());
        st.setLong(7, r.volume());
        st.setBigDecimal(8, r.tradingValue());
        st.setString(9, r.source());
    }

    private static final String DISCLOSURE = """
            INSERT INTO market.disclosures (rcept_no, corp_code, corp_name, corp_cls, stock_code, report_name,
                filer_name, receipt_date, remarks)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (rcept_no) DO UPDATE SET corp_code = EXCLUDED.corp_code, corp_name = EXCLUDED.corp_name,
                corp_cls = EXCLUDED.corp_cls, stock_code = EXCLUDED.stock_code,
                report_name = EXCLUDED.report_name, filer_name = EXCLUDED.filer_name,
                receipt_date = EXCLUDED.receipt_date, remarks = EXCLUDED.remarks, collected_at = now()""";

    private static void bindDisclosure(PreparedStatement st, Disclosure r) throws SQLException {
        st.setString(1, r.rceptNo());
        st.setString(2, r.corpCode());
        st.setString(3, r.corpName());
        st.setString(4, r.corpCls());
        st.setString(5, r.stockCode());
        st.setString(6, r.reportName());
        st.setString(7, r.filerName());
        setDate(st, 8, r.receiptDate());
        st.setString(9, r.remarks());
    }

    private static final String QUOTE = """
            INSERT INTO market.quotes (code, source, price, open, high, low, prev_close, volume, trading_value,
                trade_date)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (code, source) DO UPDATE SET price = EXCLUDED.price, open = EXCLUDED.open,
                high = EXCLUDED.high, low = EXCLUDED.low, prev_close = EXCLUDED.prev_close,
                volume = EXCLUDED.volume, trading_value = EXCLUDED.trading_value,
                trade_date = EXCLUDED.trade_date, collected_at = now()""";

    private static void bindQuote(PreparedStatement st, Quote r) throws SQLException {
        st.setString(1, r.code());
        st.setString(2, r.source());
        st.setBigDecimal(3, r.price());
        st.setBigDecimal(4, r.open());
        st.setBigDecimal(5, r.high());
        st.setBigDecimal(6, r.low());
        st.setBigDecimal(7, r.prevClose());
        setLong(st, 8, r.volume());
        st.setBigDecimal(9, r.tradingValue());
        setDate(st, 10, r.tradeDate());
    }

    // Each market's task reports the day on its own: one market in which nothing traded (KONEX can be quiet) must not
    // turn a day another market traded on into a holiday, whichever task finishes last.
    private static final String TRADING_DAY = """
            INSERT INTO market.trading_calendar (day, is_trading_day, note) VALUES (?, ?, ?)
            ON CONFLICT (day) DO UPDATE SET is_trading_day = EXCLUDED.is_trading_day, note = EXCLUDED.note
             WHERE EXCLUDED.is_trading_day OR NOT market.trading_calendar.is_trading_day""";

    private static void bindTradingDay(PreparedStatement st, TradingDay r) throws SQLException {
        setDate(st, 1, r.day());
        st.setBoolean(2, r.tradingDay());
        st.setString(3, r.note());
    }

    private static void setDate(PreparedStatement st, int index, LocalDate date) throws SQLException {
        if (date == null) {
            st.setNull(index, Types.DATE);
        } else {
            st.setDate(index, Date.valueOf(date));
        }
    }

    private static void setLong(PreparedStatement st, int index, Long value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.BIGINT);
        } else {
            st.setLong(index, value);
        }
    }
}
