package io.kmarket.sandbox.market;

import java.util.List;

/**
 * The simulated indices: a composite of a whole market or its largest N common stocks (constituents fixed at
 * the start of the simulation), chain-linked from a start level close to the real one in January 2014.
 *
 * @param group KRX {@code IND_TP_CD} / {@code indIdx} (1 KOSPI family, 2 KOSDAQ family)
 * @param code KRX {@code IDX_IND_CD} / {@code indIdx2}
 */
public record IndexDefinition(String group, String code, String name, String englishName, MarketId market,
        int topN, double startLevel, String baseDate, String announceDate, String baseLevel, String cycle) {

    public static final List<IndexDefinition> ALL = List.of(
            new IndexDefinition("1", "001", "코스피", "KOSPI", MarketId.STK, 0, 1967.19, "1980.01.04", "1983.01.04",
                    "100.00", "10초"),
            new IndexDefinition("1", "028", "코스피 200", "KOSPI 200", MarketId.STK, 200, 261.70, "1990.01.03",
                    "1994.06.15", "100.00", "1초"),
            new IndexDefinition("2", "001", "코스닥", "KOSDAQ", MarketId.KSQ, 0, 499.99, "1996.07.01", "1997.01.03",
                    "1,000.00", "10초"),
            new IndexDefinition("2", "203", "코스닥 150", "KOSDAQ 150", MarketId.KSQ, 150, 1027.40, "2010.01.04",
                    "2015.07.13", "1,000.00", "1초"));

    /** pykrx-style ticker: group + code, e.g. {@code 1001}, {@code 1028}, {@code 2001}, {@code 2203}. */
    public String ticker() {
        return group + code;
    }

    /** Whether the issue is a candidate: a common stock of the index's market (size decides for top-N indices). */
    public boolean includes(Listing listing) {
        return listing.market() == market && !listing.preferred();
    }

    public static IndexDefinition byTicker(String ticker) {
        return ALL.stream().filter(d -> d.ticker().equals(ticker)).findFirst().orElse(null);
    }
}
