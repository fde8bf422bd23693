package io.kmarket.api.reports.rest;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.kmarket.api.reports.ml.MlReply;
import io.kmarket.api.reports.ml.MlReportsClient;
import io.kmarket.api.reports.ml.ReportView;
import io.kmarket.api.shared.ApiExamples;
import io.kmarket.api.shared.RequestParams;
import io.kmarket.kit.problem.BadParameterException;
import io.kmarket.kit.problem.Problem;

/** Analysis reports, produced by ml-service: this resource validates, forwards and relays. */
@Path("/api/v1/reports")
@Tag(name = "reports", description = "Analysis reports of a stock, produced asynchronously by ml-service")
@APIResponse(responseCode = "503", description = "ml-service is down or slow; retry after Retry-After seconds",
        content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "unavailable",
                value = ApiExamples.PROBLEM_503)))
public class ReportsResource {

    private static final Logger LOG = Logger.getLogger(ReportsResource.class);
    private static final String UNEXPECTED_ANSWER = "the report service answered unexpectedly";

    private final MlReportsClient ml;
    private final ObjectMapper json;

    ReportsResource(MlReportsClient ml, ObjectMapper json) {
        this.ml = ml;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Request a report; the same pending request answers the same id")
    @RequestBody(content = @Content(schema = @Schema(implementation = ReportRequest.class),
            examples = @ExampleObject(name = "request", value = "{\"code\":\"005930\",\"asOf\":\"2026-11-27\"}")))
    @APIResponse(responseCode = "202", description = "Accepted; poll the Location",
            content = @Content(examples = @ExampleObject(name = "accepted", value = ApiExamples.REPORT_ACCEPTED)))
    @APIResponse(responseCode = "400", description = "Bad code or asOf")
    @APIResponse(responseCode = "404", description = "Unknown stock")
    @APIResponse(responseCode = "429", description = "Report queue full; retry after Retry-After seconds")
    public Response request(String body, UriInfo uri) {
        JsonNode request = requestObject(body);
        String code = RequestParams.stockCode("code", textField(request, "code"));
        LocalDate asOf = RequestParams.date("asOf", textField(request, "asOf"));
        MlReply reply = ml.submit(code, asOf);
        if (!reply.isSuccess()) {
            return relayFailure(reply, uri);
        }
        UUID id = idOf(reply.body());
        if (id == null) {
            LOG.warnf("ml-service accepted a report without a usable id: %s", reply.body());
            return Problem.response(Response.Status.BAD_GATEWAY, UNEXPECTED_ANSWER, uri.getPath());
        }
        return Response.status(reply.status())
                .location(uri.getBaseUriBuilder().path("api/v1/reports").path(id.toString()).build())
                .type(MediaType.APPLICATION_JSON)
                .entity(reply.body())
                .build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A report's status, and its content once done")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "report",
            value = ApiExamples.REPORT)))
    @APIResponse(responseCode = "404", description = "Unknown report")
    public Response report(@PathParam("id") String id, UriInfo uri) {
        MlReply reply = ml.report(RequestParams.reportId(id), ReportView.JSON);
        return reply.isSuccess() ? Response.ok(reply.body(), MediaType.APPLICATION_JSON).build()
                : relayFailure(reply, uri);
    }

    @GET
    @Path("/{id}/html")
    @Produces({ MediaType.TEXT_HTML, Problem.MEDIA_TYPE })
    @Operation(summary = "A finished report as an HTML page")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "404", description = "Unknown report")
    @APIResponse(responseCode = "409", description = "The report is not finished yet")
    public Response html(@PathParam("id") String id, UriInfo uri) {
        MlReply reply = ml.report(RequestParams.reportId(id), ReportView.HTML);
        return reply.isSuccess() ? Response.ok(reply.body(), "text/html; charset=UTF-8").build()
                : relayFailure(reply, uri);
    }

    /**
     * The body is parsed here rather than bound by JAX-RS so that every malformed body, whatever Jackson
     * makes of it, is the same 400 naming {@code body}.
     */
    private JsonNode requestObject(String body) {
        JsonNode request;
        try {
            request = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            throw notAReportRequest();
        }
        if (request == null || !request.isObject()) {
            throw notAReportRequest();
        }
        return request;
    }

    private static BadParameterException notAReportRequest() {
        return new BadParameterException("body", "must be a JSON object like {\"code\":\"005930\",\"asOf\":\"2026-11-27\"}");
    }

    private static String textField(JsonNode request, String name) {
        JsonNode field = request.get(name);
        if (field == null || field.isNull()) {
            return null;
        }
        if (!field.isTextual()) {
            throw new BadParameterException(name, "must be a JSON string");
        }
        return field.asText();
    }

    /**
     * ml-service's relayed 4xx as the API's own problem (its detail kept), the fallback's 503 with Retry-After, and
     * the gateway's 502 for an internal answer, with nothing of it.
     */
    private Response relayFailure(MlReply reply, UriInfo uri) {
        String title = Problem.titleOf(reply.status());
        String detail = switch (reply.status()) {
            case MlReply.UNAVAILABLE -> "report service unavailable, retry later";
            case MlReply.BAD_GATEWAY -> UNEXPECTED_ANSWER;
            default -> detailOf(reply.body(), title);
        };
        Response.ResponseBuilder answer = Problem.builder(reply.status(), title, detail, uri.getPath(), null);
        if (reply.retryAfterSeconds() != null) {
            answer.header(HttpHeaders.RETRY_AFTER, reply.retryAfterSeconds());
        }
        return answer.build();
    }

    private String detailOf(String body, String otherwise) {
        JsonNode detail = parse(body).path("detail");
        return detail.isTextual() ? detail.asText() : otherwise;
    }

    private UUID idOf(String body) {
        try {
            return UUID.fromString(parse(body).path("id").asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** ml-service's body as a tree; a missing or malformed body is an empty object, handled by the callers. */
    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            return json.createObjectNode();
        }
    }
}
