package io.kmarket.api.rest;

import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import io.kmarket.api.repository.IndexRepository;
import io.kmarket.api.repository.PriceRepository;

@Path("/api/v1/indices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "indices", description = "Market indices (KOSPI, KOSDAQ, ...) and their daily values")
public class IndicesResource {

    private final IndexRepository indices;
    private final PriceRepository prices;
    private final ApiConfig config;

    IndicesResource(IndexRepository indices, PriceRepository prices, ApiConfig config) {
        this.indices = indices;
        this.prices = prices;
        this.config = config;
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
    @Operation(summary = "Daily values of an index, oldest first (default: the last year)")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "prices",
            value = ApiExamples.INDEX_PRICES)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; `parameter` names it")
    @APIResponse(responseCode = "404", description = "Unknown index")
    public IndexSeries prices(@Parameter(description = "KRX index code", example = "1001") @PathParam("code") String code,
            @Parameter(example = "2025-01-02") @QueryParam("from") String from,
            @Parameter(example = "2025-12-30") @QueryParam("to") String to) {
        String valid = RequestParams.indexCode(code);
        RequestParams.DateRange range = RequestParams.range(from, to, ChronoUnit.YEARS, 1, config.maxSpanDays());
        List<IndexPrice> rows = prices.indexPrices(valid, range.from(), range.to());
        if (rows.isEmpty() && !indices.exists(valid)) {
            throw new ResourceNotFoundException("no index with code " + valid);
        }
        return new IndexSeries(valid, range.from(), range.to(), rows);
    }
}
