package io.kmarket.scheduler.crosscheck.store;

import java.math.BigDecimal;

/** The rows the cross-check reads and writes. */
public final class SourceBars {

    private SourceBars() {
    }

    /** A KRX bar of market.daily_prices; a day without volume is a day without trade (halted). */
    public record KrxBar(String code, long open, long high, long low, long close, long volume, String source) {

        public boolean traded() {
            return volume > 0;
        }
    }

    /** A Naver bar of market.source_daily_prices; a halted one has no open, high or low. */
    public record NaverBar(Long open, Long high, Long low, long close, long volume, boolean halted, String source) {
    }

    /**
     * One stock on the checked date: KRX's bar, Naver's bar collected after it (null if Naver served none), and
     * KRX's listed shares on the date and on the latest stored day (to see a split in between).
     */
    public record StockDay(KrxBar krx, NaverBar naver, Long shares, Long latestShares) {
    }

    /** One field on which the sources disagree, with both values. */
    public record Disagreement(String code, String field, Long krxValue, Long naverValue, BigDecimal factor,
            String krxSource, String naverSource) {
    }
}
