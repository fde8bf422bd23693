package io.kmarket.scheduler.collect.fetch.kis;

import static io.kmarket.scheduler.collect.parse.JsonBodies.text;

import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;

import io.kmarket.scheduler.collect.Dataset;
import io.kmarket.scheduler.collect.fetch.FetchContext;
import io.kmarket.scheduler.collect.fetch.FetchResult;
import io.kmarket.scheduler.collect.fetch.SiteFetcher;
import io.kmarket.scheduler.collect.fetch.MalformedPayloadException;
import io.kmarket.scheduler.collect.parse.RowException;
import io.kmarket.scheduler.collect.parse.Values;
import io.kmarket.scheduler.collect.store.MarketRow.Quote;

/** inquire-price (FHKST01010100): one stock's current price; the day's OHLC, volume and value. */
@Singleton
public class KisQuoteFetcher extends SiteFetcher {

    private final KisClient kis;

    KisQuoteFetcher(KisClient kis) {
        super("KIS", Dataset.QUOTE, KisClient.ACCESS_METHOD);
        this.kis = kis;
    }

    @Override
    public FetchResult fetch(FetchContext context) throws InterruptedException {
        String code = Values.stockCode("code", context.task().subject());
        JsonNode answer = kis.get(context, "/uapi/domestic-stock/v1/quotations/inquire-price", "FHKST01010100",
                Map.of("FID_COND_MRKT_DIV_CODE", "J", "FID_INPUT_ISCD", code));
        JsonNode output = answer.get("output");
        if (output == null || !output.isObject()) {
            throw new MalformedPayloadException("inquire-price answer without an output object");
        }
        try {
            return FetchResult.of(List.of(new Quote(code, "KIS",
                    Values.requiredDecimal("stck_prpr", text(output, "stck_prpr")),
                    Values.decimal("stck_oprc", text(output, "stck_oprc")),
                    Values.decimal("stck_hgpr", text(output, "stck_hgpr")),
                    Values.decimal("stck_lwpr", text(output, "stck_lwpr")),
                    Values.decimal("stck_sdpr", text(output, "stck_sdpr")),
                    Values.whole("acml_vol", text(output, "acml_vol")),
                    Values.decimal("acml_tr_pbmn", text(output, "acml_tr_pbmn")), null)));
        } catch (RowException e) {
            throw new MalformedPayloadException("inquire-price: " + e.getMessage(), e);
        }
    }
}
