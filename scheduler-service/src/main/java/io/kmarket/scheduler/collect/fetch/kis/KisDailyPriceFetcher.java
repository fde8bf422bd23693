package io.kmarket.scheduler.collect.fetch.kis;

import static io.kmarket.scheduler.collect.parse.JsonBodies.text;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;

import io.kmarket.scheduler.collect.Dataset;
import io.kmarket.scheduler.collect.fetch.FetchContext;
import io.kmarket.scheduler.collect.fetch.FetchResult;
import io.kmarket.scheduler.collect.fetch.SiteFetcher;
import io.kmarket.scheduler.collect.parse.JsonBodies;
import io.kmarket.scheduler.collect.parse.RowException;
import io.kmarket.scheduler.collect.parse.Values;
import io.kmarket.scheduler.collect.store.MarketRow.SourceDailyPrice;

/** inquire-daily-price (FHKST01010400): one stock's last 30 trading days, unadjusted, newest first. */
@Singleton
public class KisDailyPriceFetcher extends SiteFetcher {

    private final KisClient kis;

    KisDailyPriceFetcher(KisClient kis) {
        super("KIS", Dataset.DAILY_PRICE, KisClient.ACCESS_METHOD);
        this.kis = kis;
    }

    @Override
    public FetchResult fetch(FetchContext context) throws InterruptedException {
        String code = Values.stockCode("code", context.task().subject());
        JsonNode answer = kis.get(context, "/uapi/domestic-stock/v1/quotations/inquire-daily-price",
                "FHKST01010400", Map.of("FID_COND_MRKT_DIV_CODE", "J", "FID_INPUT_ISCD", code,
                        "FID_PERIOD_DIV_CODE", "D", "FID_ORG_ADJ_PRC", "0"));
        return JsonBodies.rows(JsonBodies.array(answer, "output"), row -> List.of(bar(code, row)));
    }

    private static SourceDailyPrice bar(String code, JsonNode row) {
        LocalDate date = Values.compactDate("stck_bsop_date", text(row, "stck_bsop_date"));
        if (date == null) {
            throw new RowException("stck_bsop_date is missing");
        }
        return new SourceDailyPrice("KIS", code, date, Values.nonNegative("stck_oprc", text(row, "stck_oprc")),
                Values.nonNegative("stck_hgpr", text(row, "stck_hgpr")),
                Values.nonNegative("stck_lwpr", text(row, "stck_lwpr")),
                Values.nonNegative("stck_clpr", text(row, "stck_clpr")),
                Values.nonNegative("acml_vol", text(row, "acml_vol")), false);
    }
}
