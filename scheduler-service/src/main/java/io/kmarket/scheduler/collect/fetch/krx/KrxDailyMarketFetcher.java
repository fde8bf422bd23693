package io.kmarket.scheduler.collect.fetch.krx;

import static io.kmarket.scheduler.collect.parse.JsonBodies.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;

import io.kmarket.scheduler.collect.Dataset;
import io.kmarket.scheduler.collect.fetch.FetchContext;
import io.kmarket.scheduler.collect.fetch.FetchResult;
import io.kmarket.scheduler.collect.parse.JsonBodies;
import io.kmarket.scheduler.collect.parse.Values;
import io.kmarket.scheduler.collect.store.MarketRow;

/**
 * MDCSTAT01501: every stock of one market on one date. On a holiday KRX still lists every stock, with "-" prices:
 * such rows store no price, and a day where no stock traded is recorded as a non-trading day.
 */
@Singleton
public class KrxDailyMarketFetcher extends KrxFetcher {

    static final String BLD = "dbms/MDC/STAT/standard/MDCSTAT01501";


    KrxDailyMarketFetcher(KrxClient krx) {
        super(krx, Dataset.DAILY_MARKET);
    }

    @Override
    public FetchResult fetch(FetchContext context) throws InterruptedException {
        LocalDate date = context.task().from();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("mktId", context.task().subject());
        form.put("trdDd", KrxRows.yyyymmdd(date));
        form.put("share", "1");
        form.put("money", "1");
        form.put("csvxls_isNo", "false");
        JsonNode rows = JsonBodies.array(krx.post(context, BLD, form), "OutBlock_1");
        FetchResult parsed = JsonBodies.rows(rows, row -> parse(date, row));
        boolean traded = parsed.rows().stream().anyMatch(MarketRow.DailyPrice.class::isInstance);
        if (rows.isEmpty()) {
            return parsed;
        }
        List<MarketRow> withDay = new ArrayList<>(parsed.rows());
        withDay.add(new MarketRow.TradingDay(date, traded, traded ? null : "KRX lists no prices"));
        return new FetchResult(withDay, parsed.rejections());
    }

    private static List<MarketRow> parse(LocalDate date, JsonNode row) {
        String code = Values.stockCode("ISU_SRT_CD", text(row, "ISU_SRT_CD"));
        MarketRow.Stock stock = new MarketRow.Stock(code, Values.text(text(row, "ISU_CD")),
                Values.requiredText("ISU_ABBRV", text(row, "ISU_ABBRV")), null,
                KrxRows.market("MKT_ID", text(row, "MKT_ID")), null, null).observed(date, Dataset.DAILY_MARKET.name());
        if (KrxRows.untraded(row)) {
            return List.of(stock);
        }
        return List.of(stock, KrxRows.dailyPrice(code, date, row));
    }
}
