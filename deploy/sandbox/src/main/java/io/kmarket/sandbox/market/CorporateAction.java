package io.kmarket.sandbox.market;

/**
 * A corporate action as planned from the seed, before the price path exists; {@link PriceHistory} resolves what
 * depends on the price (reference price, issue price, cash amount) into an {@link AppliedAction} on the ex-day.
 *
 * @param exDay trading-day index of the ex-date
 * @param ratio n of a split (n:1), reverse split or capital reduction (n→1); 0 otherwise
 * @param rate r new shares per share of a bonus issue, rights offering or stock dividend; 0 otherwise
 * @param priceFraction issue price / previous close of a rights offering, dividend / previous close of a cash
 *        dividend; 0 otherwise
 * @param haltFrom first halted trading day before the ex-day (halted through exDay - 1), or -1
 * @param sharesDay trading-day index the listed share count changes on (exDay for ratio actions, the listing day
 *        of the new shares otherwise; -1 for a cash dividend)
 * @param fiscalYear the fiscal year of a dividend, 0 otherwise
 */
public record CorporateAction(ActionType type, int exDay, int ratio, double rate, double priceFraction,
        int haltFrom, int sharesDay, int fiscalYear) {

    public static CorporateAction split(int exDay, int ratio, int haltFrom) {
        return new CorporateAction(ActionType.SPLIT, exDay, ratio, 0, 0, haltFrom, exDay, 0);
    }

    /** The same action preceded by a trading halt of {@code days} trading days. */
    CorporateAction withHalt(int days) {
        return new CorporateAction(type, exDay, ratio, rate, priceFraction, exDay - days, sharesDay, fiscalYear);
    }

    /** The shares multiplier m at planning time: what the anchoring of a famous path divides out. */
    double nominalMultiplier() {
        return switch (type) {
            case SPLIT -> ratio;
            case REVERSE_SPLIT, CAPITAL_REDUCTION -> 1.0 / ratio;
            case BONUS_ISSUE, RIGHTS_OFFERING, STOCK_DIVIDEND -> 1 + rate;
            case CASH_DIVIDEND -> 1;
        };
    }
}
