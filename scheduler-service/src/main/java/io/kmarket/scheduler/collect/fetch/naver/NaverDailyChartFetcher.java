package io.kmarket.scheduler.collect.fetch.naver;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import io.kmarket.scheduler.collect.CollectionTask;
import io.kmarket.scheduler.collect.Dataset;
import io.kmarket.scheduler.collect.config.SourcesConfig;
import io.kmarket.scheduler.collect.fetch.FetchContext;
import io.kmarket.scheduler.collect.fetch.FetchResult;
import io.kmarket.scheduler.collect.fetch.SiteFetcher;
import io.kmarket.scheduler.collect.fetch.Forms;
import io.kmarket.scheduler.collect.fetch.RejectedRequestException;
import io.kmarket.scheduler.collect.fetch.Rejection;
import io.kmarket.scheduler.collect.fetch.ResponseCheck;
import io.kmarket.scheduler.collect.parse.RowException;
import io.kmarket.scheduler.collect.parse.Values;
import io.kmarket.scheduler.collect.parse.XmlBodies;
import io.kmarket.scheduler.collect.store.MarketRow;
import io.kmarket.scheduler.collect.store.MarketRow.SourceDailyPrice;

/**
 * Naver fchart sise.nhn: one stock's split-adjusted daily candles, EUC-KR XML, oldest first, the last
 * {@code count} bars. Asks for as many bars as there are calendar days since the range start, keeps the range.
 */
@Singleton
public class NaverDailyChartFetcher extends SiteFetcher {

    static final String SOURCE = "NAVER";

    private final SourcesConfig.Source config;

    NaverDailyChartFetcher(SourcesConfig sources) {
        super(SOURCE, Dataset.DAILY_CHART, "HTTP_XML");
        this.config = sources.naver();
    }

    @Override
    public FetchResult fetch(FetchContext context) throws InterruptedException {
        CollectionTask task = context.task();
        String code = Values.stockCode("symbol", task.subject());
        long count = Math.max(1, ChronoUnit.DAYS.between(task.from(), LocalDate.now()) + 1);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("symbol", code);
        query.put("timeframe", "day");
        query.put("count", Long.toString(count));
        query.put("requestType", "0");
        HttpResponse<byte[]> response = context.send(
                HttpRequest.newBuilder(URI.create(config.baseUrl() + "/sise.nhn?" + Forms.encode(query))).GET(),
                ResponseCheck.STANDARD);
        if (response.statusCode() != 200) {
            throw new RejectedRequestException("Naver answered HTTP " + response.statusCode());
        }
        List<MarketRow> rows = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        for (XmlBodies.Element item : XmlBodies.elements(response.body(), "chartdata", "item")) {
            String data = item.values().get("data");
            try {
                SourceDailyPrice bar = bar(code, data);
                if (!bar.tradeDate().isBefore(task.from()) && !bar.tradeDate().isAfter(task.to())) {
                    rows.add(bar);
                }
            } catch (RowException e) {
                rejections.add(new Rejection(e.getMessage(), data));
            }
        }
        return new FetchResult(rows, rejections);
    }

    /** {@code YYYYMMDD|open|high|low|close|volume}. */
    static SourceDailyPrice bar(String code, String data) {
        String[] fields = data == null ? new String[0] : data.split("\\|", -1);
        if (fields.length != 6) {
            throw new RowException("item data has " + fields.length + " fields instead of 6");
        }
        LocalDate date = Values.compactDate("date", fields[0]);
        if (date == null) {
            throw new RowException("item date is missing");
        }
        return new SourceDailyPrice(SOURCE, code, date, Values.nonNegative("open", fields[1]),
                Values.nonNegative("high", fields[2]), Values.nonNegative("low", fields[3]),
                Values.nonNegative("close", fields[4]), Values.nonNegative("volume", fields[5]), true);
    }
}
