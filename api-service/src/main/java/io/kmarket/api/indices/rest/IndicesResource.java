package io.kmarket.api.indices.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

import io.kmarket.api.indices.store.IndexStore;
import io.kmarket.api.shared.ApiExamples;
import io.kmarket.api.shared.CacheableRepresentation;
import io.kmarket.api.shared.DailySeries;
import io.kmarket.api.shared.RequestParams;
import io.kmarket.kit.problem.ResourceNotFoundException;

/** Market indices and their daily values, JSON or CSV. */
@Path("/api/v1/indices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "indices", description = "Market indices (KOSPI, KOSDAQ, ...) and their daily values")
public class IndicesResource {

    private final IndexStore indices;
    private final DailySeries series;

    IndicesResource(IndexStore indices, DailySeries series) {
        this.indices = indices;
        this.series = series;
    }

    @GET
    @Operation(summary = "Every index kmarket collects, in code order")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "indices",
            value = ApiExamples.INDICES)))
    public List<IndexView> all() {
        return indices.all();
    }

    @GET
    @Path("/{code}/prices")
    @Produces({ MediaType.APPLICATION_JSON, CacheableRepresentation.TEXT_CSV })
    @Operation(summary = "Daily values of an index, oldest first (default: the last year); JSON or CSV by Accept",
            description = "KRX publishes only the close of its oldest days (KOSPI before 1995): open, high and low "
                    + "are null there (empty in CSV).")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "prices",
            value = ApiExamples.INDEX_PRICES)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; `parameter` names it")
    @APIResponse(responseCode = "404", description = "Unknown index")
    public Response prices(@Parameter(description = "KRX index code (4 characters of 0-9 or A-Z, e.g. 1001 or G004)",
            example = "1001") @PathParam("code") String code,
            @Parameter(example = "2025-01-02") @QueryParam("from") String from,
            @Parameter(example = "2025-12-30") @QueryParam("to") String to, @Context Request request) {
        return series.respond(request, "indices", RequestParams.indexCode(code), from, to, indices::prices,
                this::requireKnownIndex, IndexSeries::new, IndexPrice::csv);
    }

    private void requireKnownIndex(String code) {
        if (!indices.exists(code)) {
            throw new ResourceNotFoundException("no index with code " + code);
        }
    }
}
