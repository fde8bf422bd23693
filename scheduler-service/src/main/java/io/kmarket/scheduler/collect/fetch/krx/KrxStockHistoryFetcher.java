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

/**
 * MDCSTAT01701: one stock's unadjusted daily prices over at most two years. KRX wants the ISIN, taken from
 * market.stocks or else looked up with finder_stkisu ({@link KrxIsins}).
 */
@Singleton
public class KrxStockHistoryFetcher extends KrxFetcher {

    static final String BLD = "dbms/MDC/STAT/standard/MDCSTAT01701";
    private static final long MAX_SPAN_DAYS = 730;

    private final KrxIsins isins;

    KrxStockHistoryFetcher(KrxClient krx, KrxIsins isins) {
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
        Map<String, String> form = new LinkedHashMap<>();
        form.put("isuCd", isins.of(context, code));
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
}
