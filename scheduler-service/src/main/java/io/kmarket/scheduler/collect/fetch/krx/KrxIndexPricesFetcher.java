package io.kmarket.scheduler.collect.fetch.krx;

import static io.kmarket.scheduler.collect.parse.JsonBodies.text;

import java.math.BigDecimal;
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
 * MDCSTAT00301: one index over a range. The ticker is pykrx's: {@code IND_TP_CD} + {@code IDX_IND_CD}
 * ({@code 1001} KOSPI, {@code 2001} KOSDAQ, {@code 5300} KRX 300); both parts may hold capital letters (theme
 * indices such as {@code G004}). A holiday range answers an empty list. KRX's oldest days (KOSPI before 1995) have
 * "-" for open, high and low: they are stored as close-only rows (open/high/low null), never invented.
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
        if (ticker == null || !KrxIndexListFetcher.isTicker(ticker)) {
            throw new RejectedRequestException("not a KRX index ticker (4 characters of 0-9 or A-Z): " + ticker);
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
        BigDecimal open = Values.decimal("OPNPRC_IDX", text(row, "OPNPRC_IDX"));
        BigDecimal high = Values.decimal("HGPRC_IDX", text(row, "HGPRC_IDX"));
        BigDecimal low = Values.decimal("LWPRC_IDX", text(row, "LWPRC_IDX"));
        boolean closeOnly = open == null && high == null && low == null;
        if (!closeOnly && (open == null || high == null || low == null)) {
            // KRX leaves out all three on its oldest days; one or two missing is a broken row, not that.
            throw new RowException("open/high/low must be all present or all '-', got '" + text(row, "OPNPRC_IDX")
                    + "'/'" + text(row, "HGPRC_IDX") + "'/'" + text(row, "LWPRC_IDX") + "'");
        }
        return new IndexPrice(ticker, date, open, high, low,
                Values.requiredDecimal("CLSPRC_IDX", text(row, "CLSPRC_IDX")),
                Values.nonNegative("ACC_TRDVOL", text(row, "ACC_TRDVOL")),
                Values.requiredDecimal("ACC_TRDVAL", text(row, "ACC_TRDVAL")), KrxRows.SOURCE);
    }
}
