package io.kmarket.sandbox.market;

import java.time.LocalDate;

/**
 * A corporate action as it happened on the simulated path: the numbers KRX, Naver and KIS reveal and the sandbox's
 * ground truth lists.
 *
 * @param exDate the ex-date (trading day index {@code action.exDay()})
 * @param previousClose P, the raw close of the trading day before the ex-date
 * @param referencePrice the ex-date's reference price (P for a cash dividend)
 * @param cashAmount KRW per share of a cash dividend, 0 otherwise
 * @param issuePrice the rights offering's issue price, 0 otherwise
 * @param priceFactor f, which multiplies every price of the trading days before the ex-date
 * @param sharesChangedOn the day the listed shares change (null for a cash dividend)
 */
public record AppliedAction(CorporateAction action, LocalDate exDate, long previousClose, long referencePrice,
        long cashAmount, long issuePrice, double priceFactor, long sharesBefore, long sharesAfter,
        LocalDate sharesChangedOn, int parBefore, int parAfter) {

    public ActionType type() {
        return action.type();
    }

    public int exDay() {
        return action.exDay();
    }

    /** m: the shares multiplier of a share-count action (null for a cash dividend). */
    public Double sharesMultiplier() {
        return switch (action.type()) {
            case SPLIT -> (double) action.ratio();
            case REVERSE_SPLIT, CAPITAL_REDUCTION -> 1.0 / action.ratio();
            case BONUS_ISSUE, RIGHTS_OFFERING, STOCK_DIVIDEND -> 1 + action.rate();
            case CASH_DIVIDEND -> null;
        };
    }

    /** The first day a served source shows it: the ex-date's reference price, or KRX's dividend screen. */
    public LocalDate revealedOn() {
        return action.type() == ActionType.CASH_DIVIDEND ? LocalDate.of(action.fiscalYear() + 1, 4, 1) : exDate;
    }
}
