package io.kmarket.sandbox.market;

/** The three KRX equity markets with the names each upstream uses for them. */
public enum MarketId {
    STK("KOSPI", "유가증권", "Y"),
    KSQ("KOSDAQ", "코스닥", "K"),
    KNX("KONEX", "코넥스", "N");

    private final String englishName;
    private final String koreanName;
    private final String dartClass;

    MarketId(String englishName, String koreanName, String dartClass) {
        this.englishName = englishName;
        this.koreanName = koreanName;
        this.dartClass = dartClass;
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
}
