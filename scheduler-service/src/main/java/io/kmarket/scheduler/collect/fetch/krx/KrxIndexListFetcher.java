package io.kmarket.scheduler.collect.fetch.krx;

import static io.kmarket.scheduler.collect.parse.JsonBodies.text;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;

import io.kmarket.scheduler.collect.Dataset;
import io.kmarket.scheduler.collect.fetch.FetchContext;
import io.kmarket.scheduler.collect.fetch.FetchResult;
import io.kmarket.scheduler.collect.parse.JsonBodies;
import io.kmarket.scheduler.collect.parse.RowException;
import io.kmarket.scheduler.collect.parse.Values;
import io.kmarket.scheduler.collect.store.MarketRow.Index;

/**
 * MDCSTAT00401: the indices of one family ({@code 01} KRX, {@code 02} KOSPI, {@code 03} KOSDAQ, {@code 04} themes),
 * keyed by pykrx's ticker {@code IND_TP_CD + IDX_IND_CD}. Tickers are not all digits: theme indices carry letters
 * (e.g. {@code G004}), so a ticker is 4 characters of 0-9 or A-Z.
 */
@Singleton
public class KrxIndexListFetcher extends KrxFetcher {

    static final String BLD = "dbms/MDC/STAT/standard/MDCSTAT00401";
    private static final Pattern TICKER = Pattern.compile("[0-9A-Z]{4}");

    KrxIndexListFetcher(KrxClient krx) {
        super(krx, Dataset.INDEX_LIST);
    }

    @Override
    public FetchResult fetch(FetchContext context) throws InterruptedException {
        JsonNode rows = JsonBodies.array(
                krx.post(context, BLD, Map.of("idxIndMidclssCd", context.task().subject())), "output");
        return JsonBodies.rows(rows, row -> List.of(parse(row)));
    }

    /** A KRX index ticker as kmarket stores it (market.indices.code is varchar(4)). */
    static boolean isTicker(String ticker) {
        return TICKER.matcher(ticker).matches();
    }

    private static Index parse(JsonNode row) {
        String group = Values.requiredText("IND_TP_CD", text(row, "IND_TP_CD"));
        String code = Values.requiredText("IDX_IND_CD", text(row, "IDX_IND_CD"));
        String ticker = group + code;
        if (!isTicker(ticker)) {
            throw new RowException("IND_TP_CD + IDX_IND_CD is not a 4-character ticker of 0-9/A-Z: '" + ticker + "'");
        }
        String market = switch (group) {
            case "1" -> "STK";
            case "2" -> "KSQ";
            default -> "KRX";
        };
        return new Index(ticker, Values.requiredText("IDX_NM", text(row, "IDX_NM")),
                Values.text(text(row, "IDX_ENG_NM")), market,
                Values.dottedDate("BAS_TM_CONTN", text(row, "BAS_TM_CONTN")),
                Values.decimal("BAS_IDX_CONTN", text(row, "BAS_IDX_CONTN")));
    }
}
