package io.kmarket.scheduler.collect;

import java.time.Instant;
import java.util.Map;

/**
 * Told when a plan has finished, with the instant it started (before its first request) and each task's outcome
 * (e.g. to advance a watermark).
 */
interface RunListener {

    void finished(CollectionPlan plan, Instant startedAt, Map<CollectionTask, TaskOutcome> outcomes,
            CollectionRunSummary summary);
}
