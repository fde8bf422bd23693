package io.kmarket.scheduler.job;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.kmarket.scheduler.job.engine.JobAction;
import io.kmarket.scheduler.job.engine.JobOutcome;
import io.smallrye.common.annotation.Identifier;

/** Actions of the test jobs (t-* in src/test/resources/application.properties), whose behaviour each test sets. */
@ApplicationScoped
public class TestActions {

    private final Map<String, JobAction> behaviours = new ConcurrentHashMap<>();
    private final Map<String, List<LocalDate>> calls = new ConcurrentHashMap<>();

    public void set(String job, JobAction behaviour) {
        behaviours.put(job, behaviour);
    }

    public void reset(String job) {
        behaviours.remove(job);
        calls.remove(job);
    }

    public List<LocalDate> calls(String job) {
        return calls.getOrDefault(job, List.of());
    }

    private JobAction dispatching(String job) {
        return ctx -> {
            calls.computeIfAbsent(job, j -> new CopyOnWriteArrayList<>()).add(ctx.logicalDate());
            return behaviours.getOrDefault(job, c -> JobOutcome.succeeded(1)).run(ctx);
        };
    }

    @Produces
    @Identifier("t-daily")
    JobAction daily() {
        return dispatching("t-daily");
    }

    @Produces
    @Identifier("t-all")
    JobAction all() {
        return dispatching("t-all");
    }

    @Produces
    @Identifier("t-none")
    JobAction none() {
        return dispatching("t-none");
    }

    @Produces
    @Identifier("t-upstream")
    JobAction upstream() {
        return dispatching("t-upstream");
    }

    @Produces
    @Identifier("t-dependent")
    JobAction dependent() {
        return dispatching("t-dependent");
    }

    @Produces
    @Identifier("t-live")
    JobAction live() {
        return dispatching("t-live");
    }

    @Produces
    @Identifier("t-second")
    JobAction second() {
        return dispatching("t-second");
    }

    @Produces
    @Identifier("t-slow")
    JobAction slow() {
        return dispatching("t-slow");
    }

    @Produces
    @Identifier("t-disabled")
    JobAction disabled() {
        return dispatching("t-disabled");
    }
}
