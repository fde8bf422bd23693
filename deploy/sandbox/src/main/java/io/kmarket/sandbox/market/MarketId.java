package io.kmarket.sandbox.market;

/** The three KRX equity markets with the names each upstream uses for them. */
public enum MarketId {
    STK("KOSPI", "유가증권", "Y", "KS"),
    KSQ("KOSDAQ", "코스닥", "K", "KQ"),
    KNX("KONEX", "코넥스", "N", "KN");

    private final String englishName;
    private final String koreanName;
    private final String dartClass;
    private final String naverExchange;

    MarketId(String englishName, String koreanName, String dartClass, String naverExchange) {
        this.englishName = englishName;
        this.koreanName = koreanName;
        this.dartClass = dartClass;
        this.naverExchange = naverExchange;
    }

    public String englishName() {
        return englishName;
    }

    /** The name KRX's finder datasets use ({@code 유가증권}, {@code 코스닥}, {@code 코넥스}). */
    public String koreanName() {
        return koreanName;
    }

    /** OpenDART {@code corp_cls}. */
    public String dartClass() {
        return dartClass;
    }

    public String naverExchange() {
        return naverExchange;
    }
}
