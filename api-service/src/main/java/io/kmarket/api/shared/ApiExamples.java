package io.kmarket.api.shared;

/** Example documents shown in the OpenAPI description; kept together so they stay consistent. */
public final class ApiExamples {

    public static final String STOCK_PAGE = """
            {"items":[{"code":"005930","nameKo":"삼성전자","nameEn":"Samsung Electronics","market":"STK",
            "listedOn":"1975-06-11","delistedOn":null}],"nextCursor":"MR9zdG9jax8wMDU5MzA"}""";

    public static final String STOCK_PROFILE = """
            {"code":"005930","isin":"KR7005930003","nameKo":"삼성전자","nameEn":"Samsung Electronics","market":"STK",
            "corpCode":"00126380","listedOn":"1975-06-11","delistedOn":null,"latest":{"date":"2026-11-27",
            "open":71000,"high":72100,"low":70800,"close":71900,"volume":12034567,"previousClose":71200,
            "change":700,"changePercent":0.98}}""";

    public static final String STOCK_HISTORY = """
            {"code":"016610","periods":[{"validFrom":"2016-01-04","validTo":"2024-12-30","lastSeen":"2024-12-30",
            "nameKo":"DB금융투자","market":"STK","isin":"KR7016610008"},{"validFrom":"2024-12-31","validTo":null,
            "lastSeen":"2026-11-27","nameKo":"DB증권","market":"STK","isin":"KR7016610008"}]}""";

    public static final String STOCK_HISTORY_AS_OF = """
            {"code":"016610","periods":[{"validFrom":"2016-01-04","validTo":"2024-12-30","lastSeen":"2024-12-30",
            "nameKo":"DB금융투자","market":"STK","isin":"KR7016610008"}]}""";

    public static final String PROBLEM_404_AS_OF = """
            {"type":"about:blank","title":"Not Found","status":404,"detail":"no record of stock 016610 on 1990-01-02",
            "instance":"/api/v1/stocks/016610/history"}""";

    public static final String PRICES = """
            {"code":"005930","from":"2025-11-27","to":"2026-11-27","prices":[{"date":"2025-11-27","open":71000,
            "high":72100,"low":70800,"close":71900,"volume":12034567,"tradingValue":865432100000,
            "marketCap":429210000000000}]}""";

    public static final String PRICES_CSV = """
            date,open,high,low,close,volume,trading_value,market_cap
            2025-11-27,71000,72100,70800,71900,12034567,865432100000,429210000000000
            """;

    public static final String PRICES_SPLIT = """
            {"code":"005930","from":"2018-04-27","to":"2018-05-04","adjust":"split","prices":[{"date":"2018-04-27",
            "open":50380,"high":53000,"low":50180,"close":53000,"volume":16219750,"tradingValue":1668390484000,
            "marketCap":340727148000000,"adjustmentFactor":0.02},{"date":"2018-05-04","open":53000,"high":53900,
            "low":51800,"close":51900,"volume":39565391,"tradingValue":2078018927212,"marketCap":333656086000000,
            "adjustmentFactor":1}]}""";

    public static final String PRICES_SPLIT_CSV = """
            date,open,high,low,close,volume,trading_value,market_cap,adjustment_factor
            2018-04-27,50380,53000,50180,53000,16219750,1668390484000,340727148000000,0.02
            2018-05-04,53000,53900,51800,51900,39565391,2078018927212,333656086000000,1
            """;

    public static final String PROBLEM_503_NO_FACTORS = """
            {"type":"about:blank","title":"Service Unavailable","status":503,
            "detail":"adjustment factors are not available yet","instance":"/api/v1/stocks/005930/prices"}""";

    public static final String ACTIONS = """
            {"code":"005930","version":1,"actions":[{"exDate":"2018-05-04","event":"reference_price",
            "actionType":"split","sharesMultiplier":50.0,"cashAmount":null,"issuePrice":null,"previousClose":2650000,
            "referencePrice":53000,"priceFactor":0.02,"sharesBefore":128386494,"sharesAfter":6419324700,
            "sharesChangedOn":"2018-05-04","evidence":{"mObs":50.0,"halt":["2018-04-30","2018-05-03"]},
            "source":"KRX","detectedAt":"2026-12-01T10:00:00Z","classifiedAt":"2026-12-01T10:00:00Z",
            "updatedAt":"2026-12-01T10:00:00Z","withdrawnAt":null,"checks":[{"source":"NAVER","theirFactor":0.02,
            "ourFactor":0.02,"agrees":true,"detail":"implied factor 0.0200 at 2018-05-04",
            "checkedAt":"2026-12-01T10:00:00Z"}]}],"factors":[{"exDate":"2018-05-04","splitFactor":0.02,
            "totalFactor":0.0196}]}""";

    public static final String ACTIONS_CSV = """
            ex_date,event,action_type,shares_multiplier,cash_amount,issue_price,previous_close,reference_price,\
            price_factor,shares_before,shares_after,shares_changed_on,source,detected_at,classified_at,updated_at,\
            withdrawn_at,split_factor,total_factor,evidence,checks
            2018-05-04,reference_price,split,50,,,2650000,53000,0.02,128386494,6419324700,2018-05-04,KRX,\
            2026-12-01T10:00:00Z,2026-12-01T10:00:00Z,2026-12-01T10:00:00Z,,0.02,0.0196,"{""mObs"": 50.0}",\
            "[{""source"":""NAVER"",""theirFactor"":0.02,""ourFactor"":0.02,""agrees"":true,...}]"
            """;

    public static final String INDICATORS = """
            {"code":"005930","from":"2025-11-27","to":"2026-11-27","indicators":[{"date":"2026-11-27","sma5":71220.0,
            "sma20":70410.5,"sma50":null,"sma60":null,"sma120":null,"sma200":null,"ema12":71002.3,"ema26":70511.8,
            "rsi14":61.2,"macd":490.5,"macdSignal":402.1,"macdHist":88.4,"bbMiddle":70410.5,"bbUpper":72801.9,
            "bbLower":68019.1,"volumeRatio":1.12}]}""";

    public static final String PREDICTION = """
            {"code":"005930","tradeDate":"2026-11-27","targetDate":"2026-11-30","probUp":0.57,"predictedUp":true,
            "model":{"id":3,"name":"direction","version":"2026-11-01","algorithm":"logistic-regression",
            "trainFrom":"2021-01-04","trainTo":"2026-10-31","metrics":{"auc":0.56}},
            "evaluations":[{"evalDate":"2026-11-27","windowDays":20,"strategy":"model","samples":412,
            "accuracy":0.55,"precisionUp":0.57,"recallUp":0.61,"brier":0.244}]}""";

    public static final String INDICES = """
            [{"code":"1001","nameKo":"코스피","nameEn":"KOSPI","market":"STK","baseDate":"1980-01-04","baseValue":100.00}]""";

    public static final String INDEX_PRICES = """
            {"code":"1001","from":"2025-11-27","to":"2026-11-27","prices":[{"date":"2026-11-27","open":2501.12,
            "high":2523.40,"low":2495.03,"close":2519.88,"volume":412345678,"tradingValue":9123456789012}]}""";

    public static final String DISCLOSURES = """
            {"items":[{"rceptNo":"20261127000123","corpCode":"00126380","corpName":"삼성전자","corpCls":"Y",
            "stockCode":"005930","reportName":"주요사항보고서(자기주식취득결정)","filerName":"삼성전자",
            "receiptDate":"2026-11-27","remarks":"유","url":"https://dart.fss.or.kr/dsaf001/main.do?rcpNo=20261127000123"}],
            "nextCursor":null}""";

    public static final String PROBLEM_400 = """
            {"type":"about:blank","title":"Bad Request","status":400,
            "detail":"code: must be 6 characters of 0-9 or A-Z, e.g. 005930","instance":"/api/v1/stocks/5930",
            "parameter":"code"}""";

    public static final String PROBLEM_404 = """
            {"type":"about:blank","title":"Not Found","status":404,"detail":"no stock with code 999999",
            "instance":"/api/v1/stocks/999999"}""";

    public static final String REPORT_ACCEPTED = """
            {"id":"0b6f1c2e-9d0a-4a53-8f7e-2f5b6a1c9d10","status":"pending"}""";

    public static final String REPORT = """
            {"id":"0b6f1c2e-9d0a-4a53-8f7e-2f5b6a1c9d10","code":"005930","asOf":"2026-11-27","status":"done",
            "requestedAt":"2026-11-28T01:00:00Z","finishedAt":"2026-11-28T01:00:04Z","report":{"summary":"..."},
            "error":null}""";

    public static final String PROBLEM_503 = """
            {"type":"about:blank","title":"Service Unavailable","status":503,
            "detail":"report service unavailable, retry later","instance":"/api/v1/reports"}""";

    private ApiExamples() {
    }
}
