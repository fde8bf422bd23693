package io.kmarket.scheduler.job;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import io.kmarket.scheduler.config.JobsConfig;
import io.smallrye.common.annotation.Identifier;

/** The configured jobs and the action beans that implement them; rejects an inconsistent catalogue at start. */
@ApplicationScoped
public class JobCatalog {

    private final Map<String, JobDefinition> definitions = new LinkedHashMap<>();
    private final Instance<JobAction> actions;

    JobCatalog(JobsConfig config, @Any Instance<JobAction> actions) {
        this.actions = actions;
        config.job().forEach((name, job) -> definitions.put(name, definition(name, job)));
        definitions.values().forEach(this::validateUpstreams);
        definitions.keySet().forEach(name -> rejectCycle(name, new ArrayList<>()));
    }

    public Collection<JobDefinition> all() {
        return definitions.values();
    }

    public Optional<JobDefinition> find(String name) {
        return Optional.ofNullable(definitions.get(name));
    }

    /** The action bean of a job, absent while nothing implements it yet. */
    public Optional<JobAction> action(String name) {
        Instance<JobAction> selected = actions.select(Identifier.Literal.of(name));
        return selected.isResolvable() ? Optional.of(selected.get()) : Optional.empty();
    }

    /** Enabled jobs that have an action: those the scheduler fires. */
    public boolean runnable(JobDefinition job) {
        return job.enabled() && action(job.name()).isPresent();
    }

    public List<JobDefinition> dependentsOf(String upstream) {
        List<JobDefinition> dependents = new ArrayList<>();
        for (JobDefinition job : definitions.values()) {
            if (job.after().contains(upstream)) {
                dependents.add(job);
            }
        }
        return dependents;
    }

    private static JobDefinition definition(String name, JobsConfig.Job job) {
        Optional<FireSchedule> schedule;
        if (job.cron().isPresent()) {
            schedule = Optional.of(FireSchedule.cron(job.cron().get()));
        } else if (job.every().isPresent()) {
            String[] window = job.between().orElse("00:00-23:59:59").split("-", 2);
            schedule = Optional.of(FireSchedule.interval(job.every().get(),
                    LocalTime.parse(window[0].trim()), LocalTime.parse(window[1].trim())));
        } else {
            schedule = Optional.empty();
        }
        List<String> after = job.after().orElse(List.of());
        if (schedule.isEmpty() == after.isEmpty()) {
            throw new IllegalArgumentException("job " + name + " needs exactly one of cron/every or after");
        }
        if (job.maxAttempts() < 1) {
            throw new IllegalArgumentException("job " + name + ": max-attempts must be at least 1");
        }
        return new JobDefinition(name, schedule, after, job.calendar(), job.timeout(),
                new JobDefinition.RetryPolicy(job.maxAttempts(), job.backoff(), job.backoffMultiplier()),
                job.catchUp(), job.enabled(), job.inBackfills());
    }

    /** A cycle of "after" would make a skip recurse forever and no job of it could ever run. */
    private void rejectCycle(String name, List<String> path) {
        if (path.contains(name)) {
            throw new IllegalArgumentException("jobs depend on each other in a cycle: " + path + " -> " + name);
        }
        path.add(name);
        for (String upstream : definitions.get(name).after()) {
            rejectCycle(upstream, path);
        }
        path.removeLast();
    }

    private void validateUpstreams(JobDefinition job) {
        for (String upstream : job.after()) {
            if (!definitions.containsKey(upstream) || upstream.equals(job.name())) {
                throw new IllegalArgumentException("job " + job.name() + " follows unknown job " + upstream);
            }
        }
    }
}
