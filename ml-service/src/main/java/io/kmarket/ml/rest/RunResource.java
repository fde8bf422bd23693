package io.kmarket.ml.rest;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.kmarket.ml.repository.RunRepository.Run;
import io.kmarket.ml.service.RunService;

/** The outcome of runs started by the internal endpoints; the scheduler polls this until a run ends. */
@Path("/internal/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {

    public record RunView(UUID runId, String kind, String status, long records, OffsetDateTime startedAt,
            OffsetDateTime finishedAt, String error) {
    }

    private final RunService runs;

    RunResource(RunService runs) {
        this.runs = runs;
    }

    @GET
    @Path("{id}")
    public RunView run(@PathParam("id") String id) throws SQLException {
        Run run = runs.find(parse(id)).orElseThrow(() -> new NotFoundException("no run " + id));
        return new RunView(run.id(), run.kind(), run.status(), run.records(), run.startedAt(), run.finishedAt(),
                run.error());
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no run " + id + " (run ids are UUIDs)");
        }
    }
}
