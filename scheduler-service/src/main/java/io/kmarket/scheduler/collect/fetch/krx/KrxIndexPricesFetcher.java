package io.kmarket.scheduler.collect.fetch.krx;

import static io.kmarket.scheduler.collect.parse.JsonBodies.text;

import java.time.LocalDate;
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
import io.kmarket.scheduler.collect.store.MarketRow.IndexPrice;

/**
 * MDCSTAT00301: one index over a range. The ticker is pykrx's: group digit + 3-digit index code ({@code 1001}
 * KOSPI, {@code 2001} KOSDAQ). A holiday range answers an empty list; pre-1996 rows have "-" for open/high/low,
 * which are rejected (recorded) rather than invented.
 */
@Singleton
public class KrxIndexPricesFetcher extends KrxFetcher {

    static final String BLD = "dbms/MDC/STAT/standard/MDCSTAT00301";

    KrxIndexPricesFetcher(KrxClient krx) {
        super(krx, Dataset.INDEX_PRICES);
    }

    @Override
    public FetchResult fetch(FetchContext context) throws InterruptedException {
        CollectionTask task = context.task();
        String ticker = task.subject();
        if (ticker == null || !ticker.matches("[0-9][0-9]{3}")) {
            throw new RejectedRequestException("not a KRX index ticker (group digit + 3 digits): " + ticker);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("indIdx2", ticker.substring(1));
        form.put("indIdx", ticker.substring(0, 1));
        form.put("strtDd", KrxRows.yyyymmdd(task.from()));
        form.put("endDd", KrxRows.yyyymmdd(task.to()));
        JsonNode rows = JsonBodies.array(krx.post(context, BLD, form), "output");
        return JsonBodies.rows(rows, row -> List.of(parse(ticker, row)));
    }

    private static IndexPrice parse(String ticker, JsonNode row) {
        LocalDate date = Values.slashedDate("TRD_DD", text(row, "TRD_DD"));
        if (date == null) {
            throw new RowException("TRD_DD is missing");
        }
        return new IndexPrice(ticker, date,
                Values.requiredDecimal("OPNPRC_IDX", text(row, "OPNPRC_IDX")),
                Values.requiredDecimal("HGPRC_IDX", text(row, "HGPRC_IDX")),
                Values.requiredDecimal("LWPRC_IDX", text(row, "LWPRC_IDX")),
                Values.requiredDecimal("CLSPRC_IDX", text(row, "CLSPRC_IDX")),
                Values.nonNegative("ACC_TRDVOL", text(row, "ACC_TRDVOL")),
                Values.requiredDecimal("ACC_TRDVAL", text(row, "ACC_TRDVAL")), KrxRows.SOURCE);
    }
}
