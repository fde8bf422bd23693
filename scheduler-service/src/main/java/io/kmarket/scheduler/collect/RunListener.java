package io.kmarket.scheduler.collect;

import java.util.Map;

/** Told when a plan has finished, with each task's outcome (e.g. to advance a watermark). */
interface RunListener {

    void finished(CollectionPlan plan, Map<CollectionTask, TaskOutcome> outcomes, CollectionRunSummary summary);
}
