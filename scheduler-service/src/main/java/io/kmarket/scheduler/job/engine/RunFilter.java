package io.kmarket.scheduler.job.engine;

import java.time.LocalDate;

/** Which runs of the history to list, newest first, at most {@code limit}; a null field matches any. */
public record RunFilter(String jobName, RunStatus status, RunTrigger trigger, LocalDate from, LocalDate to,
        int limit) {
}
