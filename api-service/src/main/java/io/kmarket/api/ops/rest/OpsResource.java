package io.kmarket.api.ops.rest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.kmarket.api.ops.store.OpsStore;
import io.kmarket.api.shared.RequestParams;
import io.kmarket.kit.problem.BadParameterException;
import io.kmarket.kit.time.MarketTime;

/** How collection is going, read from the scheduler's ops tables: sites, job runs, backfills, completeness. */
@Path("/api/v1/ops")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ops", description = "How collection is going")
public class OpsResource {

    static final Set<String> DATASETS = Set.of("prices", "indices", "indicators", "disclosures");
    /** A year and a bit: what `./kmarket status` summarises after a first start, without an unbounded scan. */
    static final int COMPLETENESS_MAX_SPAN_DAYS = 400;

    private final OpsStore ops;
    private final Clock clock;

    OpsResource(OpsStore ops, Clock clock) {
        this.ops = ops;
        this.clock = clock;
    }

    @GET
    @Path("/sites")
    @Operation(summary = "Upstream sites and their health (status 'unknown' before the first fetch)")
    public List<SiteView> sites() {
        return ops.sites();
    }

    @GET
    @Path("/jobs")
    @Operation(summary = "The latest run of every scheduler job")
    public List<JobRunView> jobs() {
        return ops.latestJobRuns();
    }

    @GET
    @Path("/backfills")
    @Operation(summary = "The 50 latest backfills, newest first, with their progress (the first start's included)")
    public List<BackfillView> backfills() {
        return ops.recentBackfills();
    }

    @GET
    @Path("/completeness")
    @Operation(summary = "Per dataset and trading date: expected and stored rows and a status (complete, partial,"
            + " missing, failed, healing-pending), newest date first; the last 30 days by default")
    public List<CompletenessView> completeness(
            @Parameter(description = "prices, indices, indicators or disclosures (default: all)", example = "prices")
            @QueryParam("dataset") String dataset,
            @Parameter(example = "2025-01-02") @QueryParam("from") String from,
            @Parameter(example = "2025-01-31") @QueryParam("to") String to) {
        if (dataset != null && !DATASETS.contains(dataset)) {
            throw new BadParameterException("dataset", "must be one of prices, indices, indicators, disclosures");
        }
        LocalDate today = MarketTime.today(clock);
        RequestParams.DateRange range = RequestParams.range(from, to, today, ChronoUnit.DAYS, 30,
                COMPLETENESS_MAX_SPAN_DAYS);
        return ops.completeness(dataset, range.from(), range.to(), today);
    }
}
