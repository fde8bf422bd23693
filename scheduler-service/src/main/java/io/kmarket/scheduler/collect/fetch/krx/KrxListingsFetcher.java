package io.kmarket.scheduler.collect.fetch.krx;

import static io.kmarket.scheduler.collect.parse.JsonBodies.text;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;

import io.kmarket.scheduler.collect.Dataset;
import io.kmarket.scheduler.collect.fetch.FetchContext;
import io.kmarket.scheduler.collect.fetch.FetchResult;
import io.kmarket.scheduler.collect.fetch.Rejection;
import io.kmarket.scheduler.collect.parse.JsonBodies;
import io.kmarket.scheduler.collect.parse.RowException;
import io.kmarket.scheduler.collect.parse.Values;
import io.kmarket.scheduler.collect.store.MarketRow;
import io.kmarket.scheduler.collect.store.MarketRow.Stock;

/**
 * Listed stocks: finder_stkisu gives every listed code with its ISIN and market; MDCSTAT01901 adds the English
 * name and listing date. Rows that are not shares (warrants, rights, other securities: {@link KrxRows#notAShare})
 * are left out, each recorded with its reason.
 */
@Singleton
public class KrxListingsFetcher extends KrxFetcher {

    static final String FINDER_BLD = "dbms/comm/finder/finder_stkisu";
    static final String BASIC_INFO_BLD = "dbms/MDC/STAT/standard/MDCSTAT01901";

    private final Clock clock;

    KrxListingsFetcher(KrxClient krx, Clock clock) {
        super(krx, Dataset.LISTINGS);
        this.clock = clock;
    }

    @Override
    public FetchResult fetch(FetchContext context) throws InterruptedException {
        Map<String, String> finder = new LinkedHashMap<>();
        finder.put("locale", "ko_KR");
        finder.put("mktsel", "ALL");
        finder.put("searchText", "");
        finder.put("typeNo", "0");
        JsonNode answer = krx.post(context, FINDER_BLD, finder);
        JsonNode listed = JsonBodies.array(answer, "block1");
        // The finder describes the listings of the moment it answers, whatever day the task is for.
        LocalDate describedOn = KrxRows.answeredOn(answer, clock);
        JsonNode basics = JsonBodies.array(krx.post(context, BASIC_INFO_BLD, Map.of("mktId", "ALL")), "OutBlock_1");

        List<Rejection> rejections = new ArrayList<>();
        Map<String, Stock> stocks = new LinkedHashMap<>();
        for (JsonNode row : listed) {
            String notAShare = KrxRows.notAShare(text(row, "short_code"), text(row, "full_code"));
            if (notAShare != null) {
                rejections.add(new Rejection(notAShare, row.toString()));
                continue;
            }
            try {
                Stock stock = finderStock(row, null).observed(describedOn, dataset().name());
                stocks.put(stock.code(), stock);
            } catch (RowException e) {
                rejections.add(new Rejection(e.getMessage(), row.toString()));
            }
        }
        for (JsonNode row : basics) {
            Stock known = stocks.get(text(row, "ISU_SRT_CD"));
            if (known == null) {
                // Listed in the basic info but not in the finder (a market outside STK/KSQ/KNX): not ours.
                continue;
            }
            try {
                stocks.put(known.code(), new Stock(known.code(), known.isin(), known.nameKo(),
                        Values.text(text(row, "ISU_ENG_NM")), known.market(),
                        Values.slashedDate("LIST_DD", text(row, "LIST_DD")), null, known.observedOn(),
                        known.observedIn()));
            } catch (RowException e) {
                rejections.add(new Rejection(e.getMessage(), row.toString()));
            }
        }
        return new FetchResult(new ArrayList<MarketRow>(stocks.values()), rejections);
    }

    static Stock finderStock(JsonNode row, java.time.LocalDate delistedSeen) {
        return new Stock(Values.stockCode("short_code", text(row, "short_code")),
                Values.requiredText("full_code", text(row, "full_code")),
                Values.requiredText("codeName", text(row, "codeName")), null,
                KrxRows.market("marketCode", text(row, "marketCode")), null, delistedSeen);
    }
}
