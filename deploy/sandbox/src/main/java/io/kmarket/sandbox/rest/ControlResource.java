package io.kmarket.sandbox.rest;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.event.Event;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.kmarket.sandbox.chaos.ChaosControl;
import io.kmarket.sandbox.chaos.ChaosSettings;
import io.kmarket.sandbox.config.SandboxReset;
import io.kmarket.sandbox.limit.Limits;
import io.kmarket.sandbox.limit.SandboxStats;
import io.kmarket.sandbox.limit.Throttles;
import io.kmarket.sandbox.market.SandboxClock;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Operating the sandbox: counters, chaos, limits, time, reset. */
@Path("/sandbox")
public class ControlResource {

    @RegisterForReflection
    public record ClockChange(String advance) {
    }

    private final SandboxStats stats;
    private final ChaosControl chaos;
    private final Limits limits;
    private final Throttles throttles;
    private final SandboxClock clock;
    private final Event<SandboxReset> resets;

    public ControlResource(SandboxStats stats, ChaosControl chaos, Limits limits, Throttles throttles,
            SandboxClock clock, Event<SandboxReset> resets) {
        this.stats = stats;
        this.chaos = chaos;
        this.limits = limits;
        this.throttles = throttles;
        this.clock = clock;
        this.resets = resets;
    }

    /** Per source: requests, violations (what benchmarks require to be zero), rejections, injected faults. */
    @GET
    @Path("/stats")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> stats() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("violations", stats.total(SandboxStats.VIOLATIONS));
        body.put("sources", stats.snapshot());
        return body;
    }

    @GET
    @Path("/chaos")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, ChaosSettings> chaos() {
        return chaos.current();
    }

    /** Body {@code {"naver": {"latencyMs":100,"jitterMs":0,"errorRate":0.1,...}, ...}}: replaces those sources' settings. */
    @POST
    @Path("/chaos")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, ChaosSettings> setChaos(Map<String, ChaosSettings> change) {
        if (change == null || change.isEmpty()) {
            throw new BadRequestException("body must map a source (krx, dart, naver, kis, daum) to its chaos settings");
        }
        change.forEach((source, settings) -> {
            if (settings == null) {
                throw new BadRequestException("chaos settings of '" + source + "' are missing");
            }
            chaos.set(source, settings);
        });
        return chaos.current();
    }

    @GET
    @Path("/limits")
    @Produces(MediaType.APPLICATION_JSON)
    public Limits.Settings limits() {
        return limits.current();
    }

    /** Changes the named limits (others keep their value). */
    @POST
    @Path("/limits")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Limits.Settings setLimits(Limits.Settings change) {
        if (change == null) {
            throw new BadRequestException("body must name at least one limit, e.g. {\"krxRequestsPerSecond\":2}");
        }
        return limits.change(change);
    }

    @GET
    @Path("/clock")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> clock() {
        return Map.of("now", clock.nowInSeoul().toOffsetDateTime().toString(), "today", clock.today().toString());
    }

    /** Body {@code {"advance":"PT61S"}} (ISO-8601 duration): moves sandbox time forward. */
    @POST
    @Path("/clock")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> advance(ClockChange change) {
        Duration by;
        try {
            by = Duration.parse(change == null ? "" : String.valueOf(change.advance()));
        } catch (DateTimeParseException e) {
            throw new BadRequestException("advance must be an ISO-8601 duration such as PT61S, got "
                    + (change == null ? null : change.advance()));
        }
        if (by.isNegative()) {
            throw new BadRequestException("advance must not be negative: sandbox time only moves forward");
        }
        clock.advance(by);
        return clock();
    }

    /** Back to the configured state: counters zero, limits and chaos as configured, no blocks, sessions or tokens. */
    @POST
    @Path("/reset")
    public void reset() {
        stats.reset();
        throttles.reset();
        limits.reset();
        chaos.reset();
        clock.reset();
        resets.fire(new SandboxReset());
    }
}
