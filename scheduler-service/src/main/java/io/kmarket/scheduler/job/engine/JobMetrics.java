package io.kmarket.scheduler.job.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;

/**
 * kmarket_job_duration_seconds (histogram by job and status), kmarket_job_runs_total (by job and status) and
 * kmarket_job_last_success_seconds (epoch seconds of the last success per job, for "stale data" alerts).
 */
@ApplicationScoped
public class JobMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final JobRunStore runs;
    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

    JobMetrics(MeterRegistry registry, Clock clock, JobRunStore runs) {
        this.registry = registry;
        this.clock = clock;
        this.runs = runs;
    }

    void registerLastSuccessGauges(@Observes StartupEvent start, JobCatalog catalog) {
        for (JobDefinition job : catalog.all()) {
            lastSuccess(job.name());
        }
        runs.lastSuccesses().forEach((job, at) -> lastSuccess(job).set(at.getEpochSecond()));
    }

    void finished(String job, RunStatus status, Duration took) {
        Timer.builder("kmarket.job.duration").description("Duration of job runs")
                .tag("job", job).tag("status", status.value())
                .publishPercentileHistogram()
                .register(registry).record(took);
        count(job, status);
        if (status == RunStatus.SUCCEEDED) {
            lastSuccess(job).set(clock.instant().getEpochSecond());
        }
    }

    public void skipped(String job) {
        count(job, RunStatus.SKIPPED);
    }

    public void abandoned(String job) {
        count(job, RunStatus.ABANDONED);
    }

    private void count(String job, RunStatus status) {
        registry.counter("kmarket.job.runs", "job", job, "status", status.value()).increment();
    }

    private AtomicLong lastSuccess(String job) {
        return lastSuccess.computeIfAbsent(job, name -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("kmarket.job.last.success.seconds", value, AtomicLong::get)
                    .description("Epoch seconds of the job's last successful run (0: never)")
                    .tag("job", name).register(registry);
            return value;
        });
    }
}
