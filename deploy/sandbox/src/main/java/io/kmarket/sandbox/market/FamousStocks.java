package io.kmarket.sandbox.market;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Well-known issues that keep their real code, name, market and (approximate) share count so a demo looks
 * familiar; prices are simulated. The splits of Samsung Electronics (50:1, 2018-05-04), NAVER (5:1,
 * 2018-10-12) and Kakao (5:1, 2021-04-15) are reproduced with their trading halts.
 */
final class FamousStocks {

    record Famous(String code, String name, String englishName, MarketId market, String listDate,
            String delistDate, long price, long shares, String corpCode, int splitRatio, String splitDate,
            String haltFrom) {
    }

    private static Famous of(String code, String name, String eng, MarketId market, long price, long shares,
            String corpCode) {
        return new Famous(code, name, eng, market, null, null, price, shares, corpCode, 0, null, null);
    }

    private static Famous listed(String code, String name, String eng, MarketId market, String listDate,
            long price, long shares) {
        return new Famous(code, name, eng, market, listDate, null, price, shares, null, 0, null, null);
    }

    static final List<Famous> ALL = List.of(
            new Famous("005930", "삼성전자", "SAMSUNG ELECTRONICS CO,.LTD", MarketId.STK, null, null, 1_300_000,
                    128_386_494, "00126380", 50, "2018-05-04", "2018-04-30"),
            new Famous("005935", "삼성전자우", "SAMSUNG ELECTRONICS CO,.LTD(1P)", MarketId.STK, null, null, 1_000_000,
                    16_833_828, null, 50, "2018-05-04", "2018-04-30"),
            of("000660", "SK하이닉스", "SK hynix Inc.", MarketId.STK, 37_000, 728_002_365, "00164779"),
            listed("373220", "LG에너지솔루션", "LG Energy Solution", MarketId.STK, "2022-01-27", 300_000, 234_000_000),
            listed("207940", "삼성바이오로직스", "SAMSUNG BIOLOGICS", MarketId.STK, "2016-11-10", 136_000, 66_165_000),
            of("005380", "현대차", "HYUNDAI MOTOR COMPANY", MarketId.STK, 220_000, 213_668_187, "00164742"),
            of("000270", "기아", "KIA CORPORATION", MarketId.STK, 55_000, 405_363_347, "00106641"),
            of("068270", "셀트리온", "CELLTRION INC", MarketId.STK, 38_000, 136_000_000, "00413046"),
            new Famous("035420", "NAVER", "NAVER Corp.", MarketId.STK, null, null, 700_000, 32_962_679,
                    "00266961", 5, "2018-10-12", "2018-10-01"),
            new Famous("035720", "카카오", "Kakao Corp.", MarketId.STK, null, null, 110_000, 88_000_000,
                    "00258801", 5, "2021-04-15", "2021-04-12"),
            of("005490", "POSCO홀딩스", "POSCO Holdings Inc.", MarketId.STK, 290_000, 84_571_230, null),
            of("051910", "LG화학", "LG Chem, Ltd.", MarketId.STK, 280_000, 70_592_343, "00356361"),
            of("006400", "삼성SDI", "SAMSUNG SDI CO.,LTD.", MarketId.STK, 160_000, 68_764_530, null),
            of("105560", "KB금융", "KB Financial Group Inc.", MarketId.STK, 42_000, 386_351_693, null),
            of("055550", "신한지주", "Shinhan Financial Group", MarketId.STK, 45_000, 474_199_587, null),
            of("012330", "현대모비스", "HYUNDAI MOBIS", MarketId.STK, 290_000, 97_343_863, null),
            of("028260", "삼성물산", "SAMSUNG C&T CORPORATION", MarketId.STK, 60_000, 186_887_081, null),
            of("066570", "LG전자", "LG Electronics Inc.", MarketId.STK, 70_000, 163_647_814, null),
            of("003550", "LG", "LG Corp.", MarketId.STK, 60_000, 157_341_697, null),
            of("017670", "SK텔레콤", "SK Telecom Co.,Ltd", MarketId.STK, 210_000, 80_745_711, null),
            of("030200", "KT", "KT Corporation", MarketId.STK, 33_000, 261_111_808, null),
            of("015760", "한국전력", "Korea Electric Power Corp", MarketId.STK, 33_000, 641_964_077, null),
            of("032830", "삼성생명", "Samsung Life Insurance", MarketId.STK, 100_000, 200_000_000, null),
            of("086790", "하나금융지주", "Hana Financial Group", MarketId.STK, 43_000, 289_980_549, null),
            of("009150", "삼성전기", "SAMSUNG ELECTRO-MECHANICS", MarketId.STK, 70_000, 74_693_696, null),
            listed("018260", "삼성에스디에스", "SAMSUNG SDS", MarketId.STK, "2014-11-14", 190_000, 77_377_800),
            of("010130", "고려아연", "KOREA ZINC", MarketId.STK, 300_000, 18_870_000, null),
            of("011200", "HMM", "HMM Co.,Ltd.", MarketId.STK, 10_000, 150_000_000, null),
            listed("095570", "AJ네트웍스", "AJ Networks Co.,Ltd.", MarketId.STK, "2015-08-21", 30_000, 46_822_295),
            of("006840", "AK홀딩스", "AK HOLDINGS, INC.", MarketId.STK, 60_000, 13_247_561, null),
            listed("027410", "BGF", "BGF Co., Ltd.", MarketId.STK, "2017-11-08", 13_000, 95_716_791),
            listed("00104K", "CJ4우(전환)", "CJ CORPORATION(4PB)", MarketId.STK, "2019-12-13", 50_000, 3_000_000),
            listed("247540", "에코프로비엠", "ECOPRO BM", MarketId.KSQ, "2019-03-05", 55_000, 97_799_542),
            of("086520", "에코프로", "ECOPRO", MarketId.KSQ, 15_000, 26_626_097, null),
            new Famous("091990", "셀트리온헬스케어", "Celltrion Healthcare", MarketId.KSQ, "2017-07-28",
                    "2024-01-04", 32_500, 158_000_000, null, 0, null, null),
            listed("196170", "알테오젠", "Alteogen Inc.", MarketId.KSQ, "2014-12-12", 30_000, 53_000_000),
            of("028300", "HLB", "HLB Co., Ltd.", MarketId.KSQ, 10_000, 120_000_000, null),
            listed("293490", "카카오게임즈", "Kakao Games Corp.", MarketId.KSQ, "2020-09-10", 24_000, 82_000_000),
            listed("263750", "펄어비스", "Pearl Abyss Corp.", MarketId.KSQ, "2017-09-14", 100_000, 64_000_000),
            of("060310", "3S", "3S KOREA CO.,LTD.", MarketId.KSQ, 2_000, 44_802_511, null),
            of("054620", "APS홀딩스", "APS Holdings Corporation", MarketId.KSQ, 7_000, 20_394_221, null),
            of("035900", "JYP Ent.", "JYP Entertainment Corporation", MarketId.KSQ, 5_000, 35_500_000, null),
            of("041510", "에스엠", "SM Entertainment Co.,Ltd.", MarketId.KSQ, 40_000, 23_500_000, null),
            listed("357780", "솔브레인", "Soulbrain Co., Ltd.", MarketId.KSQ, "2020-07-31", 200_000, 7_778_000),
            // Codes users try first when checking a Korean data source (000020 is the lowest listed code).
            of("000020", "동화약품", "DONGWHA PHARM.CO.,LTD", MarketId.STK, 9_000, 27_931_470, null),
            of("000080", "하이트진로", "HITEJINRO CO.,LTD.", MarketId.STK, 25_000, 70_133_611, null),
            of("000100", "유한양행", "YUHAN CORPORATION", MarketId.STK, 50_000, 80_000_000, null),
            of("003490", "대한항공", "KOREAN AIR LINES CO.,LTD.", MarketId.STK, 20_000, 368_220_275, null),
            of("033780", "KT&G", "KT&G Corporation", MarketId.STK, 90_000, 125_459_947, null),
            of("034730", "SK", "SK Inc.", MarketId.STK, 200_000, 73_236_537, null),
            of("096770", "SK이노베이션", "SK Innovation Co., Ltd.", MarketId.STK, 150_000, 100_187_018, null),
            of("035760", "CJ ENM", "CJ ENM CO., Ltd.", MarketId.KSQ, 150_000, 21_929_154, null),
            // Foreign issuers listed on KOSDAQ keep their home ISIN (FOREIGN_ISINS); both were delisted since.
            new Famous("900050", "중국원양자원", "China Ocean Resources Co., Ltd.", MarketId.KSQ, "2009-05-22",
                    "2017-10-25", 3_000, 100_000_000, null, 0, null, null),
            new Famous("900040", "차이나그레이트", "China Great Star International Ltd.", MarketId.KSQ, "2009-05-20",
                    "2021-06-23", 1_500, 97_000_000, null, 0, null, null));

    static final Set<String> CODES = ALL.stream().map(Famous::code).collect(Collectors.toUnmodifiableSet());

    /**
     * Foreign issuers' ISINs: the issuer's home country ({@code HK} Hong Kong, {@code KY} Cayman Islands), not
     * KRX's {@code KR7}. Shaped like the real ones (valid ISO 6166 check digits); not checked against the issuers.
     */
    static final Map<String, String> FOREIGN_ISINS = Map.of("900050", "HK0000057197", "900040", "KYG2118N1103");

    /**
     * Rough price levels (in today's share terms) around the start of 2026 that the simulated paths of the
     * best-known issues are pulled towards, so a demo chart looks plausible; they are not real quotes.
     */
    static final java.util.Map<String, Long> LEVELS_2026 = Map.ofEntries(
            Map.entry("005930", 110_000L), Map.entry("005935", 85_000L),
            Map.entry("000660", 600_000L), Map.entry("373220", 380_000L),
            Map.entry("207940", 1_100_000L), Map.entry("005380", 260_000L),
            Map.entry("000270", 110_000L), Map.entry("068270", 180_000L),
            Map.entry("035420", 250_000L), Map.entry("035720", 60_000L),
            Map.entry("005490", 320_000L), Map.entry("051910", 330_000L),
            Map.entry("006400", 280_000L), Map.entry("105560", 120_000L),
            Map.entry("055550", 75_000L), Map.entry("012330", 330_000L),
            Map.entry("066570", 85_000L), Map.entry("247540", 180_000L),
            Map.entry("196170", 450_000L), Map.entry("028300", 50_000L));

    static final LocalDate LEVEL_DATE = LocalDate.of(2026, 1, 2);

    private FamousStocks() {
    }
}
