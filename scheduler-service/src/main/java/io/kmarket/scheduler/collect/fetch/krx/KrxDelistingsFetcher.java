package io.kmarket.scheduler.collect.fetch.krx;

import static io.kmarket.scheduler.collect.parse.JsonBodies.text;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;

import io.kmarket.kit.time.MarketTime;
import io.kmarket.scheduler.collect.Dataset;
import io.kmarket.scheduler.collect.fetch.FetchContext;
import io.kmarket.scheduler.collect.fetch.FetchResult;
import io.kmarket.scheduler.collect.fetch.Rejection;
import io.kmarket.scheduler.collect.parse.JsonBodies;

/**
 * Delisted stocks (finder_listdelisu). The finder carries no delisting date, so a stock's delisted_on is the
 * date kmarket first saw it delisted (the task's date, else today in Korea) and is never moved afterwards. The
 * real list also holds warrants and other non-stock securities: each is left out with its reason recorded
 * ({@link KrxRows#notAShare}); foreign issuers' shares (ISIN {@code HK0…}, {@code KYG…}) are kept.
 */
@Singleton
public class KrxDelistingsFetcher extends KrxFetcher {

    static final String BLD = "dbms/comm/finder/finder_listdelisu";

    private final Clock clock;

    KrxDelistingsFetcher(KrxClient krx, Clock clock) {
        super(krx, Dataset.DELISTINGS);
        this.clock = clock;
    }

    @Override
    public FetchResult fetch(FetchContext context) throws InterruptedException {
        LocalDate seen = context.task().from() != null ? context.task().from() : MarketTime.today(clock);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("mktsel", "ALL");
        form.put("searchText", "");
        form.put("typeNo", "0");
        JsonNode rows = JsonBodies.array(krx.post(context, BLD, form), "block1");
        // A code may appear with several ISINs (warrants); pykrx keeps the smallest ISIN, and so do we.
        Map<String, JsonNode> byCode = new LinkedHashMap<>();
        List<Rejection> notShares = new ArrayList<>();
        for (JsonNode row : rows) {
            String code = text(row, "short_code");
            String notAShare = KrxRows.notAShare(code, isin(row));
            if (notAShare == null) {
                byCode.merge(code, row, (a, b) -> isin(a).compareTo(isin(b)) <= 0 ? a : b);
            } else {
                notShares.add(new Rejection(notAShare, row.toString()));
            }
        }
        FetchResult shares = JsonBodies.rows(byCode.values(),
                row -> List.of(KrxListingsFetcher.finderStock(row, seen)));
        List<Rejection> rejections = new ArrayList<>(notShares);
        rejections.addAll(shares.rejections());
        return new FetchResult(shares.rows(), rejections);
    }

    private static String isin(JsonNode row) {
        return Objects.toString(text(row, "full_code"), "");
    }
}
