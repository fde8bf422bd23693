package io.kmarket.api.disclosures.rest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.kmarket.api.config.ApiConfig;
import io.kmarket.api.disclosures.store.DisclosureStore;
import io.kmarket.api.shared.ApiExamples;
import io.kmarket.api.shared.Cursor;
import io.kmarket.api.shared.Page;
import io.kmarket.api.shared.RequestParams;
import io.kmarket.kit.problem.BadParameterException;
import io.kmarket.kit.time.MarketTime;

/** OpenDART filings, newest first, in keyset pages. */
@Path("/api/v1/disclosures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "disclosures", description = "Filings from OpenDART")
public class DisclosuresResource {

    private static final String CURSOR_KIND = "disclosure";
    private static final Pattern RCEPT_NO = Pattern.compile("[0-9]{14}");

    private final DisclosureStore disclosures;
    private final ApiConfig config;
    private final Clock clock;

    DisclosuresResource(DisclosureStore disclosures, ApiConfig config, Clock clock) {
        this.disclosures = disclosures;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Filings newest first, optionally of one stock (default: the last 30 days)")
    @APIResponse(responseCode = "200", description = "A page of filings; pass nextCursor as cursor for the next",
            content = @Content(examples = @ExampleObject(name = "page", value = ApiExamples.DISCLOSURES)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; `parameter` names it")
    public Page<DisclosureView> list(@Parameter(example = "005930") @QueryParam("code") String code,
            @Parameter(example = "2026-11-01") @QueryParam("from") String from,
            @Parameter(example = "2026-11-27") @QueryParam("to") String to,
            @Parameter(description = "Page size, 1-1000 (default 100)") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        String stockCode = RequestParams.optionalStockCode("code", code);
        RequestParams.DateRange range = RequestParams.range(from, to, MarketTime.today(clock), ChronoUnit.DAYS, 30,
                config.maxSpanDays());
        int size = RequestParams.limit(limit, 100);
        List<String> after = Cursor.decode(cursor, CURSOR_KIND, 2);
        LocalDate afterDate = after == null ? null : RequestParams.date("cursor", after.get(0));
        String afterRceptNo = after == null ? null : validRceptNo(after.get(1));
        List<DisclosureView> rows = disclosures.page(stockCode, range.from(), range.to(), afterDate, afterRceptNo,
                size + 1);
        if (rows.size() <= size) {
            return new Page<>(rows, null);
        }
        List<DisclosureView> page = rows.subList(0, size);
        DisclosureView last = page.getLast();
        return new Page<>(page, Cursor.encode(CURSOR_KIND, last.receiptDate().toString(), last.rceptNo()));
    }

    private static String validRceptNo(String raw) {
        if (!RCEPT_NO.matcher(raw).matches()) {
            throw new BadParameterException("cursor", "is not a cursor returned by this listing");
        }
        return raw;
    }
}
