package io.kmarket.scheduler.collect;

/** What a task collects; together with the site's access method it selects the {@code Fetcher}. */
public enum Dataset {
    /** KRX MDCSTAT01501: every stock of one market on one date. */
    DAILY_MARKET,
    /** KRX MDCSTAT01701: one stock over a range of at most two years. */
    STOCK_HISTORY,
    /** KRX finder_stkisu + MDCSTAT01901: listed stocks. */
    LISTINGS,
    /** KRX finder_listdelisu: delisted stocks. */
    DELISTINGS,
    /** KRX MDCSTAT00301: one index over a range. */
    INDEX_PRICES,
    /** KRX MDCSTAT00401: the indices of one family. */
    INDEX_LIST,
    /** KRX MDCSTAT20901: the dividends one market's issues declared for one fiscal year. */
    DIVIDENDS,
    /** KRX MDCHARD04801: one stock's changes of par value (from its history of major changes). */
    PAR_CHANGES,
    /** OpenDART list.json. */
    DISCLOSURES,
    /** OpenDART company.json. */
    COMPANY,
    /** OpenDART corpCode.xml (ZIP). */
    CORP_CODES,
    /** Naver fchart: one stock's daily candles. */
    DAILY_CHART,
    /** KIS inquire-daily-price: one stock's last 30 days. */
    DAILY_PRICE,
    /** KIS inquire-price / Daum quotes: one stock's current quote. */
    QUOTE
}
