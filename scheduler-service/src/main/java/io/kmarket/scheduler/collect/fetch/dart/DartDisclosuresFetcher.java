package io.kmarket.scheduler.collect.fetch.dart;

import static io.kmarket.scheduler.collect.parse.JsonBodies.text;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;

import io.kmarket.scheduler.collect.CollectionTask;
import io.kmarket.scheduler.collect.Dataset;
import io.kmarket.scheduler.collect.config.SourcesConfig;
import io.kmarket.scheduler.collect.fetch.FetchContext;
import io.kmarket.scheduler.collect.fetch.FetchResult;
import io.kmarket.scheduler.collect.fetch.MalformedPayloadException;
import io.kmarket.scheduler.collect.fetch.Rejection;
import io.kmarket.scheduler.collect.parse.JsonBodies;
import io.kmarket.scheduler.collect.parse.RowException;
import io.kmarket.scheduler.collect.parse.Values;
import io.kmarket.scheduler.collect.store.MarketRow;
import io.kmarket.scheduler.collect.store.MarketRow.Disclosure;

/**
 * list.json over a window of at most three months. Page 1 tells how many pages there are; the rest are fetched
 * with up to {@code page-window} requests in flight (a sliding window: the next page starts as soon as one
 * finishes, each request still waiting for the site's rate limit), kept in page order; the walk stops at the
 * first empty page in case the total changed while paginating.
 */
@Singleton
public class DartDisclosuresFetcher extends DartFetcher {

    static final int PAGE_SIZE = 100;

    private final int window;

    DartDisclosuresFetcher(DartClient dart, SourcesConfig sources) {
        super(dart, Dataset.DISCLOSURES);
        this.window = Math.max(1, sources.dart().pageWindow());
    }

    @Override
    public FetchResult fetch(FetchContext context) throws InterruptedException {
        JsonNode first = page(context, 1);
        List<JsonNode> pages = new ArrayList<>();
        if (first == null) {
            return FetchResult.of(List.of());
        }
        pages.add(first);
        int totalPages = first.path("total_page").asInt(1);
        List<Future<JsonNode>> inFlight = new ArrayList<>();
        Semaphore slots = new Semaphore(window);
        // Set by an empty page or a failed one: no further page is started, those in flight are awaited.
        AtomicBoolean ended = new AtomicBoolean();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int page = 2; page <= totalPages && !ended.get(); page++) {
                slots.acquire();
                int number = page;
                inFlight.add(pool.submit(() -> {
                    try {
                        JsonNode answer = page(context, number);
                        if (answer == null || answer.path("list").isEmpty()) {
                            ended.set(true);
                        }
                        return answer;
                    } catch (RuntimeException | InterruptedException e) {
                        ended.set(true);
                        throw e;
                    } finally {
                        slots.release();
                    }
                }));
            }
            collect(inFlight, pages);
        }
        List<MarketRow> rows = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        for (JsonNode page : pages) {
            FetchResult parsed = JsonBodies.rows(JsonBodies.array(page, "list"), row -> List.of(disclosure(row)));
            rows.addAll(parsed.rows());
            rejections.addAll(parsed.rejections());
        }
        return new FetchResult(rows, rejections);
    }

    /** One page, or null when OpenDART has no data (013). */
    private JsonNode page(FetchContext context, int number) throws InterruptedException {
        CollectionTask task = context.task();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("bgn_de", task.from().format(DateTimeFormatter.BASIC_ISO_DATE));
        params.put("end_de", task.to().format(DateTimeFormatter.BASIC_ISO_DATE));
        params.put("page_no", Integer.toString(number));
        params.put("page_count", Integer.toString(PAGE_SIZE));
        DartClient.Answer answer = dart.get(context, "list.json", params, DartStatusReader.JSON_FIELD);
        return answer.noData() ? null : JsonBodies.parse(answer.body());
    }

    /**
     * Adds the pages in order up to the first empty one. Every page in flight is awaited: when pages failed, the
     * first failure is thrown with the others suppressed in it, so each malformed answer is recorded, not just one.
     */
    private static void collect(List<Future<JsonNode>> inFlight, List<JsonNode> pages) throws InterruptedException {
        RuntimeException failure = null;
        boolean complete = false;
        for (Future<JsonNode> future : inFlight) {
            try {
                JsonNode page = future.get();
                complete |= page == null || page.path("list").isEmpty();
                if (!complete && failure == null) {
                    pages.add(page);
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof InterruptedException interrupted) {
                    throw interrupted;
                }
                RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime
                        : new MalformedPayloadException("page failed: " + e.getCause(), e.getCause());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    static Disclosure disclosure(JsonNode row) {
        String rceptNo = Values.requiredText("rcept_no", text(row, "rcept_no"));
        if (!rceptNo.matches("[0-9]{14}")) {
            throw new RowException("rcept_no is not 14 digits: '" + rceptNo + "'");
        }
        String corpCode = Values.corpCode("corp_code", text(row, "corp_code"));
        String stockCode = Values.optionalStockCode("stock_code", text(row, "stock_code"));
        return new Disclosure(rceptNo, corpCode, Values.requiredText("corp_name", text(row, "corp_name")),
                Values.text(text(row, "corp_cls")),
                stockCode,
                Values.requiredText("report_nm", text(row, "report_nm")), Values.text(text(row, "flr_nm")),
                Values.compactDate("rcept_dt", Values.requiredText("rcept_dt", text(row, "rcept_dt"))),
                Values.text(text(row, "rm")));
    }
}
