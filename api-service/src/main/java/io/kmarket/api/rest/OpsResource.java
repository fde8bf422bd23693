package io.kmarket.api.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.kmarket.api.repository.OpsRepository;

@Path("/api/v1/ops")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ops", description = "How collection is going")
public class OpsResource {

    private final OpsRepository ops;

    OpsResource(OpsRepository ops) {
        this.ops = ops;
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
}
