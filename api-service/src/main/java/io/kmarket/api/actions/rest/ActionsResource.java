package io.kmarket.api.actions.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.kmarket.api.actions.store.ActionStore;
import io.kmarket.api.shared.ApiExamples;
import io.kmarket.api.shared.CacheableRepresentation;
import io.kmarket.api.shared.RequestParams;
import io.kmarket.api.stocks.store.StockStore;
import io.kmarket.kit.problem.Problem;
import io.kmarket.kit.problem.ResourceNotFoundException;

/**
 * A stock's corporate actions and the factors published with them. Under the stocks tag: it is one more per-stock
 * route, in a class of its own because its rows are the actions feature's.
 */
@Path("/api/v1/stocks/{code}/actions")
@Tag(name = "stocks")
public class ActionsResource {

    private final ActionStore actions;
    private final StockStore stocks;
    private final CacheableRepresentation representation;
    private final ObjectMapper json;

    ActionsResource(ActionStore actions, StockStore stocks, CacheableRepresentation representation,
            ObjectMapper json) {
        this.actions = actions;
        this.stocks = stocks;
        this.representation = representation;
        this.json = json;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, CacheableRepresentation.TEXT_CSV })
    @Operation(summary = "A stock's corporate actions, their cross-checks and its cumulative adjustment factors",
            description = """
                    Every action kmarket derived from KRX's daily data (the reference price on the ex-date, listed \\
                    shares, the dividend and par-value screens), oldest first, delisted stocks included. An action \\
                    the data no longer shows keeps its row with `withdrawnAt` set and is out of the factors. \\
                    `checks` are what a second source (Naver's adjusted chart, KRX's dividend screen) implies; a \\
                    disagreement is recorded, not resolved. `factors` are the cumulative steps prices?adjust= \\
                    applies: the days before `exDate` (and on or after the previous step's) are multiplied by \\
                    `splitFactor` (adjust=split) or `totalFactor` (adjust=total), volume divided by `splitFactor`; \\
                    days on or after the last step have factor 1. `version` changes whenever the factors do. \\
                    JSON or CSV by Accept (CSV: one line per action, its ex-date's step as split_factor and \\
                    total_factor, evidence and checks as quoted JSON); ETag, Cache-Control and 304 as for prices.""")
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "json",
                    value = ApiExamples.ACTIONS)),
            @Content(mediaType = CacheableRepresentation.TEXT_CSV, examples = @ExampleObject(name = "csv",
                    value = ApiExamples.ACTIONS_CSV)) })
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "The code is invalid; `parameter` names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "bad code",
                    value = ApiExamples.PROBLEM_400)))
    @APIResponse(responseCode = "404", description = "Unknown stock", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "unknown", value = ApiExamples.PROBLEM_404)))
    @APIResponse(responseCode = "503", description = "The action tables do not exist yet (the scheduler is not "
            + "upgraded)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response actions(@Parameter(example = "005930") @PathParam("code") String code,
            @Context Request request) {
        String valid = RequestParams.stockCode("code", code);
        return representation.respond(request, "actions/" + valid, () -> {
            StockActions found = actions.of(valid);
            if (found.isEmpty() && !stocks.exists(valid)) {
                throw new ResourceNotFoundException("no stock with code " + valid);
            }
            return found;
        }, found -> found, found -> found.csv(json), StockActions::validator);
    }
}
