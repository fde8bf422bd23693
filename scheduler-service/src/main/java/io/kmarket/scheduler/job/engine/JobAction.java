package io.kmarket.scheduler.job.engine;

/**
 * What a job does for one logical date. Implementations are CDI beans qualified with
 * {@code @io.smallrye.common.annotation.Identifier("<job name>")}; a job without such a bean is defined but not
 * scheduled. An implementation should call {@link JobContext#progress} as it goes and stop when
 * {@link JobContext#cancelled()} turns true or its thread is interrupted (timeout, lost leadership).
 * Throwing fails the attempt; the framework retries per the job's policy.
 */
@FunctionalInterface
public interface JobAction {

    JobOutcome run(JobContext ctx) throws Exception;
}
