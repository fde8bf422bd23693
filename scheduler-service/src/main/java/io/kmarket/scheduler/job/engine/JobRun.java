package io.kmarket.scheduler.job.engine;

import java.time.Instant;
import java.time.LocalDate;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One row of ops.job_runs. */
@RegisterForReflection
public record JobRun(long id, String jobName, LocalDate logicalDate, RunTrigger trigger, RunStatus status,
        Instant scheduledFor, Instant startedAt, Instant endedAt, long records, Double recordsPerSecond,
        int attempts, Integer progressDone, Integer progressTotal, String error, String instanceId) {
}
