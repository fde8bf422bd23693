package io.kmarket.ml.runs.rest;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.kmarket.ml.runs.RunService;
import io.kmarket.ml.runs.store.RunRepository.Run;

/** The outcome of runs started by the internal endpoints; the scheduler polls this until a run ends. */
@Path("/internal/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {

    private final RunService runs;

    RunResource(RunService runs) {
        this.runs = runs;
    }

    @GET
    @Path("{id}")
    public Run run(@PathParam("id") String id) {
        return runs.find(parse(id)).orElseThrow(() -> new NotFoundException("no run " + id));
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no run " + id + " (run ids are UUIDs)");
        }
    }
}
