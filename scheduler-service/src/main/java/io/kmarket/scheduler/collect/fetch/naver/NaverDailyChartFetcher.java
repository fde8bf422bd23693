package io.kmarket.scheduler.collect.fetch.naver;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
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
import io.kmarket.scheduler.collect.fetch.RejectedRequestException;
import io.kmarket.scheduler.collect.fetch.Rejection;
import io.kmarket.scheduler.collect.fetch.ResponseCheck;
import io.kmarket.scheduler.collect.fetch.SiteFetcher;
import io.kmarket.scheduler.collect.fetch.UrlEncodedForm;
import io.kmarket.scheduler.collect.parse.RowException;
import io.kmarket.scheduler.collect.parse.Values;
import io.kmarket.scheduler.collect.parse.XmlBodies;
import io.kmarket.scheduler.collect.store.MarketRow.SourceDailyPrice;
import io.kmarket.scheduler.job.config.JobsConfig;
import io.kmarket.scheduler.calendar.TradingCalendar;

/**
 * Naver fchart sise.nhn: one stock's daily candles, EUC-KR XML, oldest first, the last {@code count} bars. Prices
 * are split-adjusted, volume is not; a halted day is {@code 0|0|0|close|0}. The request asks for the trading days
 * from the range start to today plus a small margin (Naver has no date parameter), and keeps the range.
 */
@Singleton
public class NaverDailyChartFetcher extends SiteFetcher {

    static final String SOURCE = "NAVER";
    /**
     * Bars asked for beyond the trading days counted: covers a day the calendar does not know as a trading day and
     * today's bar being there or not; a few bars more cost nothing against Naver's per-request limit.
     */
    static final int COUNT_MARGIN = 5;

    private final SourcesConfig.Source config;
    private final TradingCalendar calendar;
    private final Clock clock;
    private final JobsConfig jobs;

    NaverDailyChartFetcher(SourcesConfig sources, TradingCalendar calendar, Clock clock, JobsConfig jobs) {
        super(SOURCE, Dataset.DAILY_CHART, "HTTP_XML");
        this.config = sources.naver();
        this.calendar = calendar;
        this.clock = clock;
        this.jobs = jobs;
    }

    /** How many of the latest bars reach back to {@code from}: Naver only knows "the last count bars". */
    long count(LocalDate from) {
        LocalDate today = LocalDate.now(clock.withZone(jobs.zone()));
        return (from.isAfter(today) ? 0 : calendar.tradingDays(from, today).size()) + COUNT_MARGIN;
    }

    @Override
    public FetchResult fetch(FetchContext context) throws InterruptedException {
        CollectionTask task = context.task();
        String code = Values.stockCode("symbol", task.subject());
        long count = count(task.from());
        Map<String, String> query = new LinkedHashMap<>();
        query.put("symbol", code);
        query.put("timeframe", "day");
        query.put("count", Long.toString(count));
        query.put("requestType", "0");
        HttpResponse<byte[]> response = context.send(
                HttpRequest.newBuilder(URI.create(config.baseUrl() + "/sise.nhn?" + UrlEncodedForm.encode(query)))
                        .GET(),
                ResponseCheck.STANDARD);
        if (response.statusCode() != 200) {
            throw new RejectedRequestException("Naver answered HTTP " + response.statusCode());
        }
        List<SourceDailyPrice> rows = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        List<XmlBodies.Element> items = XmlBodies.elements(response.body(), "chartdata", "item");
        for (XmlBodies.Element item : items) {
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
        if (items.size() >= count && !rows.isEmpty() && rows.getFirst().tradeDate().isAfter(task.from())) {
            // All bars asked for came back yet the oldest is inside the range: more trading days than counted.
            rejections.add(new Rejection("the " + count + " bars asked for start on " + rows.getFirst().tradeDate()
                    + ", after the range start " + task.from() + ": older bars of the range were not served", null));
        }
        return new FetchResult(rows, rejections);
    }

    /**
     * {@code YYYYMMDD|open|high|low|close|volume}. No volume means no trade: the real site sends {@code 0|0|0|close|0}
     * for a halted day (older answers, and our sandbox before, a flat bar at the close); either is stored as halted,
     * without open, high and low, since those zeros or repeated closes are no traded prices.
     */
    static SourceDailyPrice bar(String code, String data) {
        String[] fields = data == null ? new String[0] : data.split("\\|", -1);
        if (fields.length != 6) {
            throw new RowException("item data has " + fields.length + " fields instead of 6");
        }
        LocalDate date = Values.compactDate("date", fields[0]);
        if (date == null) {
            throw new RowException("item date is missing");
        }
        long open = Values.nonNegative("open", fields[1]);
        long high = Values.nonNegative("high", fields[2]);
        long low = Values.nonNegative("low", fields[3]);
        long close = Values.nonNegative("close", fields[4]);
        long volume = Values.nonNegative("volume", fields[5]);
        if (close == 0) {
            throw new RowException("close is 0");
        }
        if (volume == 0 && (open == 0 && high == 0 && low == 0 || open == close && high == close && low == close)) {
            return new SourceDailyPrice(SOURCE, code, date, null, null, null, close, 0, true, true);
        }
        if (open == 0 || high == 0 || low == 0 || high < low) {
            throw new RowException("traded bar with open " + open + ", high " + high + ", low " + low);
        }
        return new SourceDailyPrice(SOURCE, code, date, open, high, low, close, volume, true);
    }
}
