package io.kmarket.scheduler.collect.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A parsed, validated row ready for its table. Each kind has its table's natural key. */
public sealed interface MarketRow {

    /**
     * market.daily_prices, key (code, trade_date). {@code basePrice} is KRX's reference price of the day (기준가), the
     * close minus the change KRX reports; null from a source that does not carry it, which then leaves a stored one.
     */
    record DailyPrice(String code, LocalDate tradeDate, long open, long high, long low, long close, long volume,
            BigDecimal tradingValue, BigDecimal marketCap, Long sharesOut, Long basePrice, String source)
            implements MarketRow {

        /** A day from a source without a reference price. */
        public DailyPrice(String code, LocalDate tradeDate, long open, long high, long low, long close, long volume,
                BigDecimal tradingValue, BigDecimal marketCap, Long sharesOut, String source) {
            this(code, tradeDate, open, high, low, close, volume, tradingValue, marketCap, sharesOut, null, source);
        }
    }

    /**
     * market.source_daily_prices, key (source, code, trade_date). A halted day (no trade) has no open, high or low:
     * they are null, never 0, and the close is the standing price.
     */
    record SourceDailyPrice(String source, String code, LocalDate tradeDate, Long open, Long high, Long low,
            long close, long volume, boolean adjusted, boolean halted) implements MarketRow {

        public SourceDailyPrice(String source, String code, LocalDate tradeDate, long open, long high, long low,
                long close, long volume, boolean adjusted) {
            this(source, code, tradeDate, (Long) open, (Long) high, (Long) low, close, volume, adjusted, false);
        }
    }

    /** market.index_prices, key (index_code, trade_date). */
    record IndexPrice(String indexCode, LocalDate tradeDate, BigDecimal open, BigDecimal high, BigDecimal low,
            BigDecimal close, long volume, BigDecimal tradingValue, String source) implements MarketRow {
    }

    /** market.indices, key code. */
    record Index(String code, String nameKo, String nameEn, String market, LocalDate baseDate,
            BigDecimal baseValue) implements MarketRow {
    }

    /**
     * market.stocks, key code; null fields leave what is stored untouched. {@code observedOn} is the day KRX
     * described this name, market and ISIN (market.stock_master_history, key (code, valid_from)); an observation
     * older than the stored one adds to the history but leaves the current row alone. Without a day (a delisted
     * stock's last name) it only fills a row nobody has described yet.
     */
    record Stock(String code, String isin, String nameKo, String nameEn, String market, LocalDate listedOn,
            LocalDate delistedOn, LocalDate observedOn, String observedIn) implements MarketRow {

        public Stock(String code, String isin, String nameKo, String nameEn, String market, LocalDate listedOn,
                LocalDate delistedOn) {
            this(code, isin, nameKo, nameEn, market, listedOn, delistedOn, null, null);
        }

        /** The same stock as KRX described it on {@code day} in the answer of {@code dataset}. */
        public Stock observed(LocalDate day, String dataset) {
            return new Stock(code, isin, nameKo, nameEn, market, listedOn, delistedOn, day, dataset);
        }
    }

    /** market.disclosures, key rcept_no. */
    record Disclosure(String rceptNo, String corpCode, String corpName, String corpCls, String stockCode,
            String reportName, String filerName, LocalDate receiptDate, String remarks) implements MarketRow {
    }

    /** market.companies, key corp_code. */
    record Company(String corpCode, String corpName, String corpNameEng, String stockCode, String corpCls,
            String ceoName, String homepage, String industryCode, LocalDate establishedOn, String fiscalMonth)
            implements MarketRow {
    }

    /** market.corp_codes, key corp_code. */
    record CorpCode(String corpCode, String corpName, String corpNameEng, String stockCode, LocalDate modifiedOn)
            implements MarketRow {
    }

    /** market.quotes, key (code, source). */
    record Quote(String code, String source, BigDecimal price, BigDecimal open, BigDecimal high, BigDecimal low,
            BigDecimal prevClose, Long volume, BigDecimal tradingValue, LocalDate tradeDate) implements MarketRow {
    }

    /** market.trading_calendar, key day. */
    record TradingDay(LocalDate day, boolean tradingDay, String note) implements MarketRow {
    }

    /**
     * market.dividends, key (code, fiscal_year): what KRX lists for an issue's fiscal year. Null amounts are KRX's
     * "-" (no such dividend); a null par value is a no-par share (무액면).
     */
    record Dividend(String code, int fiscalYear, int fiscalMonth, BigDecimal cashPerShare, BigDecimal stockPerShare,
            BigDecimal dividendYield, BigDecimal payoutRatio, BigDecimal dividendTotal, Long parValue,
            Long listedShares, String source) implements MarketRow {
    }

    /** market.par_value_changes, key (code, change_date); a null par is no-par (무액면). */
    record ParValueChange(String code, LocalDate changeDate, Long parBefore, Long parAfter, String source)
            implements MarketRow {
    }

    /** market.par_value_history_checks, key code: the stock's change history was read at {@code checkedAt}. */
    record ParHistoryCheck(String code, Instant checkedAt, int changes) implements MarketRow {
    }
}
