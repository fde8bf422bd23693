package io.kmarket.scheduler.collect.fetch.krx;

import static io.kmarket.scheduler.collect.parse.JsonBodies.text;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;

import io.kmarket.scheduler.collect.fetch.FetchContext;
import io.kmarket.scheduler.collect.fetch.RejectedRequestException;
import io.kmarket.scheduler.collect.parse.JsonBodies;
import io.kmarket.scheduler.collect.store.StockIsins;

/**
 * The ISIN KRX's per-stock screens want in {@code isuCd}: the one market.stocks knows, else looked up with
 * finder_stkisu (one request more, only for a stock no listing has described yet).
 */
@Singleton
class KrxIsins {

    private final KrxClient krx;
    private final StockIsins stored;

    KrxIsins(KrxClient krx, StockIsins stored) {
        this.krx = krx;
        this.stored = stored;
    }

    String of(FetchContext context, String code) throws InterruptedException {
        String isin = stored.of(code).orElse(null);
        return isin != null ? isin : lookUp(context, code);
    }

    private String lookUp(FetchContext context, String code) throws InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("locale", "ko_KR");
        form.put("mktsel", "ALL");
        form.put("searchText", code);
        form.put("typeNo", "0");
        for (JsonNode row : JsonBodies.array(krx.post(context, KrxListingsFetcher.FINDER_BLD, form), "block1")) {
            if (code.equals(text(row, "short_code"))) {
                return text(row, "full_code");
            }
        }
        throw new RejectedRequestException("KRX does not know the stock code " + code);
    }
}
