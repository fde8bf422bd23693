package io.kmarket.ml.indicators.rest;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.kmarket.ml.indicators.IndicatorService;
import io.kmarket.ml.runs.RunService;
import io.kmarket.ml.runs.rest.DateRequest;
import io.kmarket.ml.runs.rest.RunAccepted;

/** Starts indicator computations: one new trading day (after the daily collection) or a recompute of a range. */
@Path("/internal/indicators")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class IndicatorResource {

    private final RunService runs;
    private final IndicatorService indicators;

    IndicatorResource(RunService runs, IndicatorService indicators) {
        this.runs = runs;
        this.indicators = indicators;
    }

    @POST
    @Path("compute")
    public Response compute(DateRequest body) {
        DateRequest request = DateRequest.dateOrRange(body);
        if (request.date() != null) {
            return RunAccepted.of(runs.start("indicators", Map.of("date", request.date()),
                    () -> indicators.computeDay(request.date()).rows()));
        }
        return RunAccepted.of(runs.start("indicators", Map.of("from", request.from(), "to", request.to()),
                () -> indicators.computeRange(request.from(), request.to()).rows()));
    }
}
