package io.kmarket.ml.reports.rest;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.kmarket.kit.problem.Problem;
import io.kmarket.ml.reports.ReportService;
import io.kmarket.ml.reports.ReportService.QueueFullException;
import io.kmarket.ml.reports.ReportStatus;
import io.kmarket.ml.reports.store.ReportRepository;
import io.kmarket.ml.reports.store.ReportRepository.StoredReport;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Asynchronous stock reports: request one, poll its status and JSON, fetch its HTML page when done. */
@Path("/internal/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private static final Pattern CODE = Pattern.compile("[0-9A-Z]{6}");

    public record ReportRequest(String code, LocalDate asOf) {
    }

    @RegisterForReflection
    public record Accepted(UUID id, ReportStatus status) {
    }

    public record ReportView(UUID id, String code, LocalDate asOf, ReportStatus status, OffsetDateTime requestedAt,
            OffsetDateTime finishedAt, JsonNode report, String error) {
    }

    private final ReportService service;
    private final ReportRepository reports;
    private final ObjectMapper json;

    ReportResource(ReportService service, ReportRepository reports, ObjectMapper json) {
        this.service = service;
        this.reports = reports;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response request(ReportRequest body) {
        if (body == null || body.code() == null || !CODE.matcher(body.code()).matches()) {
            throw new BadRequestException("\"code\" must be a 6-character stock code such as \"005930\"");
        }
        if (!service.knowsStock(body.code())) {
            throw new NotFoundException("no listed stock " + body.code());
        }
        try {
            UUID id = service.request(body.code(), body.asOf());
            return Response.accepted(new Accepted(id, ReportStatus.PENDING))
                    .location(URI.create("/internal/reports/" + id)).build();
        } catch (QueueFullException e) {
            return Response.fromResponse(Problem.response(Response.Status.TOO_MANY_REQUESTS,
                    e.getMessage() + "; retry after " + e.retryAfterSeconds() + " s", "/internal/reports"))
                    .header("Retry-After", e.retryAfterSeconds()).build();
        }
    }

    @GET
    @Path("{id}")
    public ReportView report(@PathParam("id") String id) throws JsonProcessingException {
        StoredReport report = find(id);
        return new ReportView(report.id(), report.code(), report.asOf(), report.status(), report.requestedAt(),
                report.finishedAt(), report.content() == null ? null : json.readTree(report.content()),
                report.error());
    }

    @GET
    @Path("{id}/html")
    @Produces({ MediaType.TEXT_HTML, Problem.MEDIA_TYPE })
    public Response html(@PathParam("id") String id) {
        StoredReport report = find(id);
        if (report.status() != ReportStatus.DONE) {
            String detail = report.status() == ReportStatus.FAILED ? "report " + id + " failed: " + report.error()
                    : "report " + id + " is " + report.status().value() + "; poll /internal/reports/" + id;
            return Problem.response(Response.Status.CONFLICT, detail, "/internal/reports/" + id + "/html");
        }
        return Response.ok(report.html(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    private StoredReport find(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no report " + id + " (report ids are UUIDs)");
        }
        return reports.find(uuid).orElseThrow(() -> new NotFoundException("no report " + id));
    }
}
