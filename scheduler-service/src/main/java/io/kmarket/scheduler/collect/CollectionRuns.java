package io.kmarket.scheduler.collect;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * Plans started over HTTP, run in the background; their progress is kept in memory (the durable record of each
 * task is ops.fetch_execution_logs, by run id). Only the latest {@value #KEPT} runs are remembered.
 */
@ApplicationScoped
public class CollectionRuns {

    static final int KEPT = 200;
    private static final Logger LOG = Logger.getLogger(CollectionRuns.class);

    private final CollectionService collection;
    private final Clock clock;
    private final Map<UUID, Run> runs = new ConcurrentHashMap<>();

    CollectionRuns(CollectionService collection, Clock clock) {
        this.collection = collection;
        this.clock = clock;
    }

    /** One run's progress. */
    public static final class Run {
        private final UUID id;
        private final String plan;
        private final Instant startedAt;
        private final AtomicInteger done = new AtomicInteger();
        private final int total;
        private volatile Instant finishedAt;
        private volatile CollectionRunSummary summary;
        private volatile String error;

        Run(UUID id, CollectionPlan plan, Instant startedAt) {
            this.id = id;
            this.startedAt = startedAt;
            this.plan = plan.name();
            this.total = plan.tasks().size();
        }

        public UUID id() {
            return id;
        }

        public String plan() {
            return plan;
        }

        public Instant startedAt() {
            return startedAt;
        }

        public Instant finishedAt() {
            return finishedAt;
        }

        public int done() {
            return done.get();
        }

        public int total() {
            return total;
        }

        public CollectionRunSummary summary() {
            return summary;
        }

        public String error() {
            return error;
        }

        /** running, then succeeded (every task succeeded or was skipped for lack of credentials) or failed. */
        public String status() {
            if (finishedAt == null) {
                return "running";
            }
            return summary != null && summary.allSucceeded() ? "succeeded" : "failed";
        }
    }

    public Run start(CollectionPlan plan) {
        UUID id = UUID.randomUUID();
        Run run = new Run(id, plan, clock.instant());
        forgetOldest();
        runs.put(id, run);
        Thread.ofVirtual().name("collect-" + id).start(() -> {
            try {
                run.summary = collection.run(id, plan, (done, total) -> run.done.set(done));
            } catch (RuntimeException e) {
                LOG.errorf(e, "Collection run %s failed", id);
                run.error = e.getMessage();
            } finally {
                run.finishedAt = clock.instant();
            }
        });
        return run;
    }

    public Optional<Run> find(UUID id) {
        return Optional.ofNullable(runs.get(id));
    }

    private void forgetOldest() {
        while (runs.size() >= KEPT) {
            runs.values().stream().filter(r -> r.finishedAt != null)
                    .min(java.util.Comparator.comparing(Run::startedAt))
                    .ifPresentOrElse(r -> runs.remove(r.id()), () -> {
                        throw new IllegalStateException("too many collection runs in progress");
                    });
        }
    }
}
