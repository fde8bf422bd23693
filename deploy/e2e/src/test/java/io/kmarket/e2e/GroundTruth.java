package io.kmarket.e2e;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the sandbox's market really was (GET /sandbox/truth/...), in the same row shapes as {@link StoredMarket}
 * reads from the database. Built from the truth endpoints only, never from what the collectors parsed.
 */
final class GroundTruth {

    private final Sandbox sandbox;

    GroundTruth(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    List<LocalDate> tradingDays(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        sandbox.truth("calendar?from=" + from + "&to=" + to).forEach(day -> days.add(LocalDate.parse(text(day, "date"))));
        return days;
    }

    /** Every bar of the day by code: open|high|low|close|volume|value|marketCap|shares (KRX's unadjusted prices). */
    Map<String, String> dailyPrices(LocalDate date) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (JsonNode bar : sandbox.truth("prices?date=" + date)) {
            rows.put(bar.path("code").asText(), String.join("|", text(bar, "open"), text(bar, "high"),
                    text(bar, "low"), text(bar, "close"), text(bar, "volume"), text(bar, "value"),
                    text(bar, "marketCap"), text(bar, "shares")));
        }
        return rows;
    }

    /** Every stock listed that day by code: isin|name|market. */
    Map<String, String> stocks(LocalDate date) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (JsonNode stock : sandbox.truth("stocks?date=" + date)) {
            rows.put(stock.path("code").asText(),
                    String.join("|", text(stock, "isin"), text(stock, "name"), text(stock, "market")));
        }
        return rows;
    }

    /** The day's row of each index by ticker: open|high|low|close|volume|value (index points to 2 decimals). */
    Map<String, String> indexPrices(LocalDate date, Iterable<String> tickers) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String ticker : tickers) {
            for (JsonNode day : sandbox.truth("indices/" + ticker + "?from=" + date + "&to=" + date)) {
                rows.put(ticker + "@" + day.path("date").asText(), String.join("|", points(day, "open"),
                        points(day, "high"), points(day, "low"), points(day, "close"), text(day, "volume"),
                        text(day, "value")));
            }
        }
        return rows;
    }

    /**
     * Every filing from..to by rcept_no: corp_code|corp_name|stock_code|corp_cls|report_name|filer|receipt_date.
     * list.json gives no stock code for class E (other) filers, so neither does the expectation.
     */
    Map<String, String> disclosures(LocalDate from, LocalDate to) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (JsonNode filing : sandbox.truth("disclosures?date=" + day)) {
                String corpCls = text(filing, "corpCls");
                rows.put(text(filing, "rceptNo"), String.join("|", text(filing, "corpCode"),
                        text(filing, "corpName"), "E".equals(corpCls) ? "" : text(filing, "stockCode"), corpCls,
                        text(filing, "reportName"), text(filing, "filer"), text(filing, "receiptDate")));
            }
        }
        return rows;
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = row.path(field);
        return value.isMissingNode() || value.isNull() ? "" : value.asText().strip();
    }

    private static String points(JsonNode row, String field) {
        return new BigDecimal(row.path(field).asText()).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
