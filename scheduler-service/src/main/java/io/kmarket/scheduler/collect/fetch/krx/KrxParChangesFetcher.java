package io.kmarket.scheduler.collect.fetch.krx;

import static io.kmarket.scheduler.collect.parse.JsonBodies.text;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * MDCHARD04801 (기업 주요 변동사항): one stock's history of name, industry, par value and CEO changes. Only the rows
 * that change the par value are kept: they tell a share consolidation (par up) from a capital reduction (par
 * unchanged). The same write records that the history was read and how many par changes it holds; an answer with a
 * rejected row records no check, since the rejected row may be the change, so the stock is asked again next time.
 */
@Singleton
public class KrxParChangesFetcher extends KrxFetcher {

    static final String BLD = "dbms/MDC/HARD/MDCHARD04801";
    /** KRX's screens write YYYY/MM/DD; the other two layouts are accepted because the issue screens vary. */
    private static final List<DateTimeFormatter> DAY_LAYOUTS = List.of(DateTimeFormatter.ofPattern("yyyy/MM/dd"),
            DateTimeFormatter.BASIC_ISO_DATE, DateTimeFormatter.ISO_LOCAL_DATE);

    private final KrxIsins isins;
    private final Clock clock;

    KrxParChangesFetcher(KrxClient krx, KrxIsins isins, Clock clock) {
        super(krx, Dataset.PAR_CHANGES);
        this.isins = isins;
        this.clock = clock;
    }

    @Override
    public FetchResult fetch(FetchContext context) throws InterruptedException {
        String code = context.task().subject();
        Map<String, String> form = Map.of("isuCd", isins.of(context, code));
        JsonNode rows = JsonBodies.array(krx.post(context, BLD, form), "block1");
        FetchResult changes = JsonBodies.rows(rows, row -> parChange(code, row));
        if (!changes.rejections().isEmpty()) {
            return changes;
        }
        List<MarketRow> withCheck = new ArrayList<>(changes.rows());
        int changeDays = (int) changes.rows().stream().map(r -> ((MarketRow.ParValueChange) r).changeDate())
                .distinct().count();
        withCheck.add(new MarketRow.ParHistoryCheck(code, clock.instant(), changeDays));
        return FetchResult.of(withCheck);
    }

    private static List<MarketRow.ParValueChange> parChange(String code, JsonNode row) {
        Long before = KrxRows.parValue("BFPAR", text(row, "BFPAR"));
        Long after = KrxRows.parValue("AFPAR", text(row, "AFPAR"));
        if (Objects.equals(before, after)) {
            return List.of();
        }
        return List.of(new MarketRow.ParValueChange(code, day(text(row, "DD")), before, after, KrxRows.SOURCE));
    }

    private static LocalDate day(String raw) {
        if (Values.missing(raw)) {
            throw new RowException("DD is missing");
        }
        for (DateTimeFormatter layout : DAY_LAYOUTS) {
            try {
                return LocalDate.parse(raw.strip(), layout);
            } catch (DateTimeParseException e) {
                // Not this layout: try the next.
            }
        }
        throw new RowException("DD is not a date: '" + raw + "'");
    }
}
