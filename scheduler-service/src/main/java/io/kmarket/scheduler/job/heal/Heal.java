package io.kmarket.scheduler.job.heal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One row of ops.job_heals: the promise to re-run a (job, date) until it succeeds, why ({@code reason}), how
 * often it failed since, and the sites whose open circuit it waits for.
 */
@RegisterForReflection
public record Heal(String jobName, LocalDate logicalDate, HealStatus status, String reason, int failures,
        List<String> blockedOn, Instant nextAttemptAt, String lastError, Instant updatedAt) {
}
