package io.kmarket.scheduler.job.backfill;

import java.time.Instant;
import java.time.LocalDate;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One row of ops.job_backfills: a job run over [from, to], with its dependents or not, newest first or oldest
 * first, and as a re-run of dates that succeeded already ({@code rerun}) or not.
 */
@RegisterForReflection
public record Backfill(long id, String jobName, LocalDate from, LocalDate to, boolean withDependents,
        BackfillStatus status, int datesTotal, int datesDone, Instant requestedAt, Instant finishedAt, String error,
        boolean newestFirst, boolean rerun) {
}
