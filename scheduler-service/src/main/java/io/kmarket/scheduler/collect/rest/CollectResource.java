package io.kmarket.scheduler.collect.rest;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

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

import io.kmarket.scheduler.collect.CollectionPlan;
import io.kmarket.scheduler.collect.CollectionRunSummary;
import io.kmarket.scheduler.collect.CollectionRuns;
import io.kmarket.scheduler.collect.CollectionTask;
import io.kmarket.scheduler.collect.Dataset;
import io.kmarket.scheduler.collect.DisclosureWatermark;
import io.kmarket.scheduler.job.leader.LeaderOnly;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Starts a collection plan in the background (on the leader only) and reports its progress. */
@Path("/internal/collect")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CollectResource {

    private final CollectionRuns runs;
    private final DisclosureWatermark watermark;
    private final LeaderOnly leaderOnly;

    CollectResource(CollectionRuns runs, DisclosureWatermark watermark, LeaderOnly leaderOnly) {
        this.runs = runs;
        this.watermark = watermark;
        this.leaderOnly = leaderOnly;
    }

    /**
     * A plan by name: dailyMarket/listings {date}, disclosures {from,to}, disclosuresIncremental {to},
     * corpCodes, quotes {codes}, stockHistory {code,from,to}, or tasks {tasks:[{site,dataset,subject,from,to}]}.
     */
    @RegisterForReflection
    public record CollectRequest(String plan, String date, String from, String to, String code, List<String> codes,
            List<TaskRequest> tasks) {
    }

    @RegisterForReflection
    public record TaskRequest(String site, String dataset, String subject, String from, String to) {
    }

    @RegisterForReflection
    public record RunView(UUID runId, String plan, String status, int done, int total, Instant startedAt,
            Instant finishedAt, CollectionRunSummary summary, String error) {

        static RunView of(CollectionRuns.Run run) {
            return new RunView(run.id(), run.plan(), run.status(), run.done(), run.total(), run.startedAt(),
                    run.finishedAt(), run.summary(), run.error());
        }
    }

    @POST
    public Response start(CollectRequest request) {
        if (request == null || request.plan() == null) {
            throw new BadRequestException("body must name a plan, e.g. {\"plan\":\"dailyMarket\",\"date\":\"2026-01-23\"}");
        }
        CollectionPlan plan = plan(request);
        leaderOnly.require();
        CollectionRuns.Run run = runs.start(plan);
        return Response.accepted(RunView.of(run)).location(URI.create("/internal/collect/" + run.id())).build();
    }

    @GET
    @Path("/{id}")
    public RunView progress(@PathParam("id") String id) {
        UUID runId;
        try {
            runId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("run id is not a UUID: " + id);
        }
        return runs.find(runId).map(RunView::of)
                .orElseThrow(() -> new NotFoundException("no collection run " + id));
    }

    private CollectionPlan plan(CollectRequest r) {
        try {
            return switch (r.plan()) {
                case "dailyMarket" -> CollectionPlan.dailyMarket(date("date", r.date()));
                case "listings" -> CollectionPlan.listings(date("date", r.date()));
                case "disclosures" -> CollectionPlan.disclosures(date("from", r.from()), date("to", r.to()));
                case "disclosuresIncremental" -> watermark.incrementalPlan(date("to", r.to()));
                case "corpCodes" -> CollectionPlan.corpCodes();
                case "quotes" -> CollectionPlan.quotes(required("codes", r.codes()));
                case "stockHistory" -> CollectionPlan.stockHistory(text("code", r.code()), date("from", r.from()),
                        date("to", r.to()));
                case "tasks" -> new CollectionPlan("tasks", required("tasks", r.tasks()).stream()
                        .map(CollectResource::task).toList());
                default -> throw new BadRequestException("unknown plan '" + r.plan() + "'");
            };
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private static CollectionTask task(TaskRequest t) {
        Dataset dataset;
        try {
            dataset = Dataset.valueOf(text("dataset", t.dataset()));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("unknown dataset '" + t.dataset() + "'");
        }
        return new CollectionTask(text("site", t.site()), dataset, t.subject(), optionalDate("from", t.from()),
                optionalDate("to", t.to()));
    }

    private static <T> List<T> required(String field, List<T> values) {
        if (values == null || values.isEmpty()) {
            throw new BadRequestException(field + " must be a non-empty list");
        }
        return values;
    }

    private static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException(field + " is required");
        }
        return value;
    }

    private static LocalDate date(String field, String value) {
        return optionalDate(field, text(field, value));
    }

    private static LocalDate optionalDate(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(field + " is not a date (YYYY-MM-DD): '" + value + "'");
        }
    }
}
