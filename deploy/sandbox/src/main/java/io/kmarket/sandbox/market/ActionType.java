package io.kmarket.sandbox.market;

/**
 * The kinds of corporate action the sandbox simulates, named by the strings every kmarket layer uses. Every kind
 * but the cash dividend sets the ex-date's reference price from the event; Naver's adjusted chart misses the
 * re-valuation of a capital reduction, so {@link #naverAdjusts()} is false for it.
 */
public enum ActionType {
    SPLIT("split"),
    REVERSE_SPLIT("reverse_split"),
    CAPITAL_REDUCTION("capital_reduction"),
    BONUS_ISSUE("bonus_issue"),
    RIGHTS_OFFERING("rights_offering"),
    STOCK_DIVIDEND("stock_dividend"),
    CASH_DIVIDEND("cash_dividend");

    private final String code;

    ActionType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean referencePrice() {
        return this != CASH_DIVIDEND;
    }

    public boolean naverAdjusts() {
        return referencePrice() && this != CAPITAL_REDUCTION;
    }

    /** Share consolidations and splits are preceded by a trading halt while the certificates are exchanged. */
    public boolean halts() {
        return this == SPLIT || this == REVERSE_SPLIT || this == CAPITAL_REDUCTION;
    }

    /** Ratio actions (n:1 or 1:n) as opposed to rate actions (r new shares per share) and cash. */
    public boolean byRatio() {
        return halts();
    }

    public boolean dividend() {
        return this == CASH_DIVIDEND || this == STOCK_DIVIDEND;
    }
}
