package io.kmarket.scheduler.collect.fetch;

import java.util.List;

import io.kmarket.scheduler.collect.store.MarketRow;

/** What one task fetched: the valid rows (stored together, in one transaction) and the rejected ones. */
public record FetchResult(List<? extends MarketRow> rows, List<Rejection> rejections) {

    public static FetchResult of(List<? extends MarketRow> rows) {
        return new FetchResult(rows, List.of());
    }
}
