package io.kmarket.scheduler.job.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.kmarket.scheduler.job.Jobs;
import io.kmarket.scheduler.job.backfill.Backfill;
import io.kmarket.scheduler.job.engine.JobDefinition;
import io.kmarket.scheduler.job.engine.JobRun;
import io.kmarket.scheduler.job.engine.RunFilter;
import io.kmarket.scheduler.job.engine.RunStatus;
import io.kmarket.scheduler.job.engine.RunTrigger;
import io.kmarket.scheduler.job.leader.LeaderOnly;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Operators' control of the jobs: what is scheduled, what ran, run now, pause/resume, backfill. */
@Path("/internal/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

    @RegisterForReflection
    public record JobView(String name, String schedule, String calendar, List<String> after, String timeout,
            int maxAttempts, String catchUp, boolean enabled, boolean wired, boolean paused, boolean running,
            OffsetDateTime nextFireTime, JobRun lastRun) {
    }

    @RegisterForReflection
    public record BackfillRequest(String from, String to, Boolean withDependents) {
    }

    @RegisterForReflection
    public record Accepted(String job, LocalDate date, String trigger, String role) {
    }

    private static final int MAX_LIMIT = 500;

    private final Jobs jobs;
    private final LeaderOnly leaderOnly;

    JobsResource(Jobs jobs, LeaderOnly leaderOnly) {
        this.jobs = jobs;
        this.leaderOnly = leaderOnly;
    }

    @GET
    public List<JobView> list() {
        return jobs.all().stream().map(this::view).toList();
    }

    @GET
    @Path("/runs")
    public List<JobRun> runs(@QueryParam("job") String job, @QueryParam("status") String status,
            @QueryParam("trigger") String trigger, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") Integer limit) {
        if (job != null) {
            definition(job);
        }
        int rows = limit == null ? 100 : limit;
        if (rows < 1 || rows > MAX_LIMIT) {
            throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT);
        }
        return jobs.runs(new RunFilter(job, parse("status", status, RunStatus::of),
                parse("trigger", trigger, RunTrigger::of), date("from", from), date("to", to), rows));
    }

    @GET
    @Path("/backfills")
    public List<Backfill> backfills() {
        return jobs.recentBackfills(50);
    }

    @GET
    @Path("/backfills/{id}")
    public Backfill backfill(@PathParam("id") long id) {
        return jobs.backfill(id).orElseThrow(() -> new NotFoundException("no backfill " + id));
    }

    @GET
    @Path("/{name}")
    public JobView job(@PathParam("name") String name) {
        return view(definition(name));
    }

    /** Runs the job now for ?date=YYYY-MM-DD (default: today in the jobs' zone). */
    @POST
    @Path("/{name}/trigger")
    public Response trigger(@PathParam("name") String name, @QueryParam("date") String day) {
        JobDefinition job = runnable(name);
        LocalDate date = day == null ? jobs.today() : date("date", day);
        leaderOnly.require();
        jobs.runNow(job, date);
        return Response.accepted(new Accepted(name, date, RunTrigger.MANUAL.value(), jobs.role())).build();
    }

    /** Stops the job's current run (recorded as failed, "cancelled: by operator") and forgets its waiting runs. */
    @POST
    @Path("/{name}/cancel")
    public JobView cancel(@PathParam("name") String name) {
        JobDefinition job = definition(name);
        leaderOnly.require();
        if (!jobs.cancel(job, "by operator")) {
            throw new ClientErrorException(name + " has no run in progress here", Response.Status.CONFLICT);
        }
        return job(name);
    }

    @POST
    @Path("/{name}/pause")
    public JobView pause(@PathParam("name") String name) {
        jobs.setPaused(definition(name), true);
        return job(name);
    }

    @POST
    @Path("/{name}/resume")
    public JobView resume(@PathParam("name") String name) {
        jobs.setPaused(definition(name), false);
        return job(name);
    }

    @POST
    @Path("/{name}/backfill")
    public Response backfill(@PathParam("name") String name, BackfillRequest request) {
        JobDefinition job = runnable(name);
        if (request == null) {
            throw new BadRequestException("body {\"from\":\"YYYY-MM-DD\",\"to\":\"YYYY-MM-DD\"} required");
        }
        LocalDate from = date("from", request.from());
        LocalDate to = date("to", request.to());
        if (from == null || to == null || to.isBefore(from)) {
            throw new BadRequestException("from and to are required, with from <= to");
        }
        if (to.isAfter(from.plusYears(20))) {
            throw new BadRequestException("a backfill spans at most 20 years");
        }
        Backfill backfill = jobs.requestBackfill(job, from, to, Boolean.TRUE.equals(request.withDependents()));
        return Response.accepted(backfill).header("Location", "/internal/jobs/backfills/" + backfill.id()).build();
    }

    /** {@code wired} stays in the view for its readers: every job has its action now (checked at start). */
    private JobView view(JobDefinition job) {
        Jobs.JobState state = jobs.state(job);
        return new JobView(job.name(), job.describeSchedule(),
                job.calendar().name().toLowerCase(Locale.ROOT).replace('_', '-'), job.after(),
                job.timeout().toString(), job.retry().maxAttempts(), job.catchUp().name().toLowerCase(Locale.ROOT),
                job.enabled(), true, state.paused(), state.running(),
                state.nextFireTime().map(ZonedDateTime::toOffsetDateTime).orElse(null), state.lastRun().orElse(null));
    }

    private JobDefinition definition(String name) {
        return jobs.find(name).orElseThrow(() -> new NotFoundException("no job named " + name));
    }

    private JobDefinition runnable(String name) {
        JobDefinition job = definition(name);
        if (!jobs.runnable(job)) {
            throw new ClientErrorException("job " + name + " is disabled",
                    Response.Status.CONFLICT);
        }
        return job;
    }

    private static LocalDate date(String field, String value) {
        return parse(field, value, LocalDate::parse);
    }

    private static <T> T parse(String field, String value, Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.trim());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new BadRequestException(field + " has an invalid value: " + value);
        }
    }
}
