package io.kmarket.scheduler.collect;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Adds task outcomes up into a run summary. Used by the run's one coordinating thread only. */
final class Tally {

    private final UUID runId;
    private final Map<CollectionTask, TaskOutcome> outcomes = new LinkedHashMap<>();
    private int count;
    private long records;
    private long rejected;
    private int succeeded;
    private int failed;
    private int skipped;
    private int unconfigured;

    Tally(UUID runId) {
        this.runId = runId;
    }

    void add(CollectionTask task, TaskOutcome outcome) {
        outcomes.put(task, outcome);
        count++;
        records += outcome.records();
        rejected += outcome.rejected();
        switch (outcome.status()) {
            case SUCCESS -> succeeded++;
            case FAILED, TIMEOUT -> failed++;
            case SKIPPED -> {
                skipped++;
                unconfigured += outcome.unconfigured() ? 1 : 0;
            }
        }
    }

    void cancelled(int tasks) {
        skipped += tasks;
    }

    int count() {
        return count;
    }

    Map<CollectionTask, TaskOutcome> outcomes() {
        return outcomes;
    }

    CollectionRunSummary summary() {
        return new CollectionRunSummary(runId, records, succeeded, failed, skipped, unconfigured, rejected);
    }
}
