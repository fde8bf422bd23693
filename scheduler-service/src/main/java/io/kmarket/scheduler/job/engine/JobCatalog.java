package io.kmarket.scheduler.job.engine;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.kmarket.scheduler.job.config.JobsConfig;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;

/**
 * The configured jobs and the action beans that implement them. An inconsistent catalogue stops the start, with a
 * message naming the job: a schedule that is missing or doubled, an unknown upstream, a cycle, a configured job
 * without its action, an action without its configuration.
 */
// At start, not on first use: a mistake in the catalogue must stop the deployment, not a run hours later.
@Startup
@ApplicationScoped
public class JobCatalog {

    private final Map<String, JobDefinition> definitions = new LinkedHashMap<>();
    private final Map<String, JobAction> actions;

    @Inject
    JobCatalog(JobsConfig config, @Any Instance<JobAction> beans) {
        this(config.job(), byName(beans));
    }

    /** The catalogue of {@code configured} jobs, implemented by {@code actions} (by job name). */
    public JobCatalog(Map<String, JobsConfig.Job> configured, Map<String, JobAction> actions) {
        this.actions = Map.copyOf(actions);
        configured.forEach((name, job) -> definitions.put(name, definition(name, job)));
        definitions.values().forEach(this::validateUpstreams);
        definitions.keySet().forEach(name -> rejectCycle(name, new ArrayList<>()));
        rejectMismatchedActions();
    }

    public Collection<JobDefinition> all() {
        return definitions.values();
    }

    public Optional<JobDefinition> find(String name) {
        return Optional.ofNullable(definitions.get(name));
    }

    /** The action bean of a configured job (every configured job has one: checked at start). */
    public JobAction action(String name) {
        JobAction action = actions.get(name);
        if (action == null) {
            throw new IllegalArgumentException("no job named " + name);
        }
        return action;
    }

    /** Enabled jobs: those the scheduler fires. */
    public boolean runnable(JobDefinition job) {
        return job.enabled();
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

    /** The action beans by the job name of their {@link Identifier}. */
    private static Map<String, JobAction> byName(Instance<JobAction> beans) {
        Map<String, JobAction> byName = new LinkedHashMap<>();
        for (Instance.Handle<JobAction> handle : beans.handles()) {
            String name = handle.getBean().getQualifiers().stream()
                    .filter(Identifier.class::isInstance).map(q -> ((Identifier) q).value()).findFirst()
                    .orElseThrow(() -> new IllegalStateException("a JobAction bean (" + handle.getBean()
                            + ") has no @Identifier naming its job"));
            if (byName.put(name, handle.get()) != null) {
                throw new IllegalStateException("two JobAction beans are named " + name);
            }
        }
        return byName;
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

    /**
     * A configured job without an action would be listed but never run; an action without configuration (a typo
     * in kmarket.jobs.job.&lt;name&gt;) would never be scheduled. Both are mistakes of the deployment, found now.
     */
    private void rejectMismatchedActions() {
        Set<String> withoutAction = new TreeSet<>(definitions.keySet());
        withoutAction.removeAll(actions.keySet());
        if (!withoutAction.isEmpty()) {
            throw new IllegalArgumentException("job " + String.join(", ", withoutAction)
                    + " is configured (kmarket.jobs.job.<name>) but no JobAction bean is @Identifier'd with its name");
        }
        Set<String> withoutConfig = new TreeSet<>(actions.keySet());
        withoutConfig.removeAll(definitions.keySet());
        if (!withoutConfig.isEmpty()) {
            throw new IllegalArgumentException("job " + String.join(", ", withoutConfig)
                    + " has an action but no configuration: set kmarket.jobs.job." + withoutConfig.iterator().next()
                    + ".cron, .every or .after");
        }
    }
}
