package io.kmarket.scheduler.collect.fetch.krx;

import static io.kmarket.scheduler.collect.parse.JsonBodies.text;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;

import io.kmarket.scheduler.collect.CollectionTask;
import io.kmarket.scheduler.collect.Dataset;
import io.kmarket.scheduler.collect.fetch.FetchContext;
import io.kmarket.scheduler.collect.fetch.FetchResult;
import io.kmarket.scheduler.collect.fetch.RejectedRequestException;
import io.kmarket.scheduler.collect.parse.JsonBodies;
import io.kmarket.scheduler.collect.parse.RowException;
import io.kmarket.scheduler.collect.parse.Values;
import io.kmarket.scheduler.collect.store.StockIsins;

/**
 * MDCSTAT01701: one stock's unadjusted daily prices over at most two years. KRX wants the ISIN, taken from
 * market.stocks or else looked up with finder_stkisu.
 */
@Singleton
public class KrxStockHistoryFetcher extends KrxFetcher {

    static final String BLD = "dbms/MDC/STAT/standard/MDCSTAT01701";
    static final String FINDER_BLD = "dbms/comm/finder/finder_stkisu";
    private static final long MAX_SPAN_DAYS = 730;

    private final StockIsins isins;

    KrxStockHistoryFetcher(KrxClient krx, StockIsins isins) {
        super(krx, Dataset.STOCK_HISTORY);
        this.isins = isins;
    }

    @Override
    public FetchResult fetch(FetchContext context) throws InterruptedException {
        CollectionTask task = context.task();
        if (ChronoUnit.DAYS.between(task.from(), task.to()) >= MAX_SPAN_DAYS) {
            throw new RejectedRequestException("KRX serves at most two years per request: " + task.key());
        }
        String code = task.subject();
        String isin = isins.of(code).orElse(null);
        if (isin == null) {
            isin = lookUpIsin(context, code);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("isuCd", isin);
        form.put("strtDd", KrxRows.yyyymmdd(task.from()));
        form.put("endDd", KrxRows.yyyymmdd(task.to()));
        form.put("adjStkPrc", "1");
        JsonNode rows = JsonBodies.array(krx.post(context, BLD, form), "output");
        return JsonBodies.rows(rows, row -> {
            LocalDate date = Values.slashedDate("TRD_DD", text(row, "TRD_DD"));
            if (date == null) {
                throw new RowException("TRD_DD is missing");
            }
            return KrxRows.untraded(row) ? List.of() : List.of(KrxRows.dailyPrice(code, date, row));
        });
    }

    private String lookUpIsin(FetchContext context, String code) throws InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("locale", "ko_KR");
        form.put("mktsel", "ALL");
        form.put("searchText", code);
        form.put("typeNo", "0");
        for (JsonNode row : JsonBodies.array(krx.post(context, FINDER_BLD, form), "block1")) {
            if (code.equals(text(row, "short_code"))) {
                return text(row, "full_code");
            }
        }
        throw new RejectedRequestException("KRX does not know the stock code " + code);
    }
}
