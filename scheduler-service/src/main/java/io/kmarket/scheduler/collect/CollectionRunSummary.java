package io.kmarket.scheduler.collect;

import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The outcome of one plan. {@code skippedUnconfigured} counts tasks of sources without credentials: they are
 * expected on a deployment that does not use that source and do not make the run unsuccessful; every other skip
 * (circuit open, site inactive) means data is missing.
 */
@RegisterForReflection
public record CollectionRunSummary(UUID runId, long recordsStored, int tasksSucceeded, int tasksFailed,
        int tasksSkipped, int skippedUnconfigured, long rowsRejected) {

    public boolean allSucceeded() {
        return tasksFailed == 0 && tasksSkipped == skippedUnconfigured;
    }

    public int tasks() {
        return tasksSucceeded + tasksFailed + tasksSkipped;
    }
}
