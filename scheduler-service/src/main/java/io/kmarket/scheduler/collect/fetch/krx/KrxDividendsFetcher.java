package io.kmarket.scheduler.collect.fetch.krx;

import static io.kmarket.scheduler.collect.parse.JsonBodies.text;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;

import io.kmarket.scheduler.collect.Dataset;
import io.kmarket.scheduler.collect.fetch.FetchContext;
import io.kmarket.scheduler.collect.fetch.FetchResult;
import io.kmarket.scheduler.collect.parse.JsonBodies;
import io.kmarket.scheduler.collect.parse.RowException;
import io.kmarket.scheduler.collect.parse.Values;
import io.kmarket.scheduler.collect.store.MarketRow;

/**
 * MDCSTAT20901 (배당종목 현황): one row per issue of a market that declared a dividend for a fiscal year. The task's
 * subject is the market and its date any day of the fiscal year. KRX lists a year only once the annual reports
 * are out (from April of the next year); before that the answer is empty, which stores nothing.
 */
@Singleton
public class KrxDividendsFetcher extends KrxFetcher {

    static final String BLD = "dbms/MDC/STAT/issue/MDCSTAT20901";
    /** The fiscal years market.dividends accepts: a row outside them would fail the whole answer's write. */
    private static final int FIRST_YEAR = 1950;
    private static final int LAST_YEAR = 2100;

    KrxDividendsFetcher(KrxClient krx) {
        super(krx, Dataset.DIVIDENDS);
    }

    @Override
    public FetchResult fetch(FetchContext context) throws InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("mktId", context.task().subject());
        form.put("basYy", String.valueOf(context.task().from().getYear()));
        // 1 = that fiscal year only (2 and 3 add the one or two years before, which their own tasks collect).
        form.put("indTpCd", "1");
        form.put("isuCd", "ALL");
        form.put("isuCd2", "ALL");
        form.put("share", "1");
        form.put("money", "1");
        form.put("csvxls_isNo", "false");
        JsonNode rows = JsonBodies.array(krx.post(context, BLD, form), "output");
        return JsonBodies.rows(rows, row -> List.of(parse(row)));
    }

    private static MarketRow.Dividend parse(JsonNode row) {
        String code = Values.stockCode("ISU_CD", text(row, "ISU_CD"));
        long year = Values.requiredWhole("BZ_YY", text(row, "BZ_YY"));
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new RowException("BZ_YY is not a fiscal year: '" + text(row, "BZ_YY") + "'");
        }
        int month = (int) Values.requiredWhole("ACNTCLS_MM", text(row, "ACNTCLS_MM"));
        if (month < 1 || month > 12) {
            throw new RowException("ACNTCLS_MM is not a month: '" + text(row, "ACNTCLS_MM") + "'");
        }
        return new MarketRow.Dividend(code, (int) year, month,
                nonNegative("CMSTK_DPS", row), nonNegative("PERSHR_DIV_CMSTK_SHRS", row),
                Values.decimal("DIV_YD", text(row, "DIV_YD")), Values.decimal("DIV_INCLIN", text(row, "DIV_INCLIN")),
                Values.decimal("DIV_TOTAMT", text(row, "DIV_TOTAMT")), KrxRows.parValue("PARVAL", text(row, "PARVAL")),
                Values.whole("LIST_SHRS", text(row, "LIST_SHRS")), KrxRows.SOURCE);
    }

    private static BigDecimal nonNegative(String field, JsonNode row) {
        BigDecimal value = Values.decimal(field, text(row, field));
        if (value != null && value.signum() < 0) {
            throw new RowException(field + " is negative: '" + text(row, field) + "'");
        }
        return value;
    }
}
