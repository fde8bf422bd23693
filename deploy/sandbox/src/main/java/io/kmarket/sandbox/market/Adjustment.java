package io.kmarket.sandbox.market;

/**
 * Which actions a cumulative price factor multiplies in: KRX's adjusted series (and KIS, Daum) take every
 * reference-price event, Naver's all but capital reductions, the total-return series also the cash dividends.
 */
public enum Adjustment {
    SPLIT,
    NAVER,
    TOTAL;

    boolean includes(ActionType type) {
        return switch (this) {
            case SPLIT -> type.referencePrice();
            case NAVER -> type.naverAdjusts();
            case TOTAL -> true;
        };
    }
}
