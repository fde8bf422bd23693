package io.kmarket.scheduler.actions.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The rows the corporate-actions derivation reads and writes. */
public final class ActionRows {

    /** market.corporate_actions.event of every share-count action (KRX set the day's reference price from it). */
    public static final String REFERENCE_PRICE = "reference_price";
    /** market.corporate_actions.event (and action_type) of a cash dividend. */
    public static final String CASH_DIVIDEND = "cash_dividend";

    private ActionRows() {
    }

    /**
     * A stored daily row that differs from the stock's previous stored row: a reference price other than the
     * previous close, or another share count. {@code previousDate} is the date of that previous stored row, which
     * need not be the previous trading day (a gap in the data).
     */
    public record PriceStep(String code, LocalDate date, LocalDate previousDate, long close, Long base, Long shares,
            long previousClose, Long previousShares, String source) {

        /** KRX's reference price differs from the previous stored close. */
        public boolean referenceStep() {
            return base != null && base != previousClose;
        }

        public boolean sharesChanged() {
            return shares != null && previousShares != null && !shares.equals(previousShares);
        }
    }

    /** One fiscal year of market.dividends: KRW per share and new shares per share, null where KRX shows "-". */
    public record Dividend(String code, int fiscalYear, int fiscalMonth, BigDecimal cashPerShare,
            BigDecimal stockPerShare, String source) {
    }

    /** A par value change of market.par_value_changes; a null par is no-par (무액면). */
    public record ParChange(String code, LocalDate date, Long parBefore, Long parAfter) {
    }

    /** A stock's raw close on a date (the P of a cash dividend). */
    public record Close(String code, LocalDate date, long close) {
    }

    /** One row of market.corporate_actions without its bookkeeping instants; evidence is a JSON object. */
    public record Action(String code, LocalDate exDate, String event, String actionType, Double sharesMultiplier,
            BigDecimal cashAmount, Long issuePrice, long previousClose, Long referencePrice, double priceFactor,
            Long sharesBefore, Long sharesAfter, LocalDate sharesChangedOn, String evidence, String source) {

        public Key key() {
            return new Key(code, exDate, event);
        }

        public boolean classified() {
            return !"unclassified".equals(actionType);
        }
    }

    /** The primary key of market.corporate_actions. */
    public record Key(String code, LocalDate exDate, String event) {
    }

    /** A stored action with when it was first detected, classified and withdrawn (null: not, or not yet). */
    public record StoredAction(Action action, Instant detectedAt, Instant classifiedAt, Instant withdrawnAt) {

        public boolean live() {
            return withdrawnAt == null;
        }
    }

    /** An action to write: its row and the instants it is to carry. */
    public record ActionWrite(Action action, Instant detectedAt, Instant classifiedAt, Instant updatedAt) {
    }

    /** One step of market.adjustment_factors. */
    public record FactorStep(String code, LocalDate exDate, double splitFactor, double totalFactor) {
    }

    /** Naver's adjusted closes and KRX's raw closes of the trading day before an ex-date and of the ex-date. */
    public record NaverPair(String code, LocalDate exDate, long naverBefore, long rawBefore, long naverOn, long rawOn) {
    }

    /** A live reference-price action whose Naver bars are missing: the range a chart has to cover. */
    public record MissingNaverBars(String code, LocalDate previousDate, LocalDate exDate) {
    }

    /** One row of market.corporate_action_checks. */
    public record Check(String code, LocalDate exDate, String event, String source, Double theirFactor,
            double ourFactor, boolean agrees, String detail) {
    }
}
