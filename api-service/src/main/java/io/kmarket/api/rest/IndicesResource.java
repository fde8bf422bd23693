package io.kmarket.api.rest;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
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

import io.kmarket.api.config.ApiConfig;
import io.kmarket.api.repository.IndexRepository;
import io.kmarket.api.repository.PriceRepository;
import io.kmarket.kit.problem.ResourceNotFoundException;
import io.kmarket.kit.time.MarketTime;

@Path("/api/v1/indices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "indices", description = "Market indices (KOSPI, KOSDAQ, ...) and their daily values")
public class IndicesResource {

    private final IndexRepository indices;
    private final PriceRepository prices;
    private final CacheableRepresentation representation;
    private final ApiConfig config;
    private final Clock clock;

    IndicesResource(IndexRepository indices, PriceRepository prices, CacheableRepresentation representation,
            ApiConfig config, Clock clock) {
        this.indices = indices;
        this.prices = prices;
        this.representation = representation;
        this.config = config;
        this.clock = clock;
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
        String valid = RequestParams.indexCode(code);
        RequestParams.DateRange range = RequestParams.range(from, to, MarketTime.today(clock), ChronoUnit.YEARS, 1,
                config.maxSpanDays());
        return representation.respond(request, "indices/" + valid + "/" + range.from() + "/" + range.to(), () -> {
            List<IndexPrice> rows = prices.indexPrices(valid, range.from(), range.to());
            if (rows.isEmpty() && !indices.exists(valid)) {
                throw new ResourceNotFoundException("no index with code " + valid);
            }
            return rows;
        }, rows -> new IndexSeries(valid, range.from(), range.to(), rows), Csv::indexPrices);
    }
}
