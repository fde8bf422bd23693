package io.kmarket.sandbox.market;

import java.util.Comparator;
import java.util.List;

/**
 * The simulated indices: a composite of whole markets or their largest N common stocks (constituents fixed at the
 * start of the simulation), chain-linked from a start level close to the real one in January 2014. KRX lists
 * them in four families ({@code idxIndMidclssCd}): 01 KRX (across KOSPI and KOSDAQ), 02 KOSPI, 03 KOSDAQ and
 * 04 themes, whose tickers carry a letter (e.g. {@code G004}).
 *
 * @param family KRX {@code idxIndMidclssCd} the index is listed under
 * @param group KRX {@code IND_TP_CD} / {@code indIdx} (1 KOSPI family, 2 KOSDAQ family, 5 KRX, G themes)
 * @param code KRX {@code IDX_IND_CD} / {@code indIdx2}
 * @param markets the markets its members come from
 * @param theme 0 for a market index; else the theme's number, which picks a fixed fifth of the candidates
 */
public record IndexDefinition(String family, String group, String code, String name, String englishName,
        List<MarketId> markets, int topN, int theme, double startLevel, String baseDate, String announceDate,
        String baseLevel, String cycle) {

    private static final List<MarketId> KOSPI = List.of(MarketId.STK);
    private static final List<MarketId> KOSDAQ = List.of(MarketId.KSQ);
    private static final List<MarketId> BOTH = List.of(MarketId.STK, MarketId.KSQ);
    /** Themes hold the candidates whose code falls in one of this many buckets (a stand-in for a sector). */
    private static final int THEME_BUCKETS = 5;

    public static final List<IndexDefinition> ALL = List.of(
            new IndexDefinition("02", "1", "001", "코스피", "KOSPI", KOSPI, 0, 0, 1967.19, "1980.01.04",
                    "1983.01.04", "100.00", "10초"),
            new IndexDefinition("02", "1", "028", "코스피 200", "KOSPI 200", KOSPI, 200, 0, 261.70, "1990.01.03",
                    "1994.06.15", "100.00", "1초"),
            new IndexDefinition("03", "2", "001", "코스닥", "KOSDAQ", KOSDAQ, 0, 0, 499.99, "1996.07.01",
                    "1997.01.03", "1,000.00", "10초"),
            new IndexDefinition("03", "2", "203", "코스닥 150", "KOSDAQ 150", KOSDAQ, 150, 0, 1027.40, "2010.01.04",
                    "2015.07.13", "1,000.00", "1초"),
            new IndexDefinition("01", "5", "042", "KRX 100", "KRX 100", BOTH, 100, 0, 3912.55, "2001.01.02",
                    "2005.06.01", "1,000.00", "1초"),
            new IndexDefinition("01", "5", "300", "KRX 300", "KRX 300", BOTH, 300, 0, 1005.32, "2010.01.04",
                    "2018.02.05", "1,000.00", "1초"),
            new IndexDefinition("04", "G", "001", "KRX BBIG K-뉴딜지수", "KRX BBIG K-New Deal Index", BOTH, 10, 1,
                    1000.00, "2015.01.02", "2020.09.07", "1,000.00", "1초"),
            new IndexDefinition("04", "G", "002", "KRX 2차전지 K-뉴딜지수", "KRX Secondary Battery K-New Deal Index",
                    BOTH, 10, 2, 1000.00, "2015.01.02", "2020.09.07", "1,000.00", "1초"),
            new IndexDefinition("04", "G", "003", "KRX 바이오 K-뉴딜지수", "KRX Bio K-New Deal Index", BOTH, 10, 3,
                    1000.00, "2015.01.02", "2020.09.07", "1,000.00", "1초"),
            new IndexDefinition("04", "G", "004", "KRX 인터넷 K-뉴딜지수", "KRX Internet K-New Deal Index", BOTH, 10,
                    4, 1000.00, "2015.01.02", "2020.09.07", "1,000.00", "1초"));

    /** pykrx-style ticker: group + code, e.g. {@code 1001}, {@code 1028}, {@code 5300}, {@code G004}. */
    public String ticker() {
        return group + code;
    }

    /** Whether the issue is a candidate: a common stock of the index's markets (and theme); size decides for top-N. */
    public boolean includes(Listing listing) {
        return markets.contains(listing.market()) && !listing.preferred()
                && (theme == 0 || Math.floorMod(listing.code().hashCode(), THEME_BUCKETS) == theme % THEME_BUCKETS);
    }

    /**
     * Largest first. Within one market that is the listing's size rank; across markets the ranks of two markets
     * do not compare, so the first simulated day's capitalisation decides.
     */
    public Comparator<Listing> bySize() {
        if (markets.size() == 1) {
            return Comparator.comparingInt(Listing::sizeRank);
        }
        return Comparator.comparingDouble((Listing l) -> -(double) l.initialPrice() * l.initialShares())
                .thenComparing(Listing::code);
    }

    public static IndexDefinition byTicker(String ticker) {
        return ALL.stream().filter(d -> d.ticker().equals(ticker)).findFirst().orElse(null);
    }

    public static List<IndexDefinition> ofFamily(String family) {
        return ALL.stream().filter(d -> d.family().equals(family)).toList();
    }
}
