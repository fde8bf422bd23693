package io.kmarket.scheduler.job.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.kmarket.scheduler.fencing.Term;

/** Writes a run's progress at most once a second, and always its last step, so a busy action costs few UPDATEs. */
final class ThrottledProgress implements JobContext.ProgressSink {

    private static final Duration MIN_GAP = Duration.ofSeconds(1);

    private final JobRunStore runs;
    private final Term term;
    private final long runId;
    private final Clock clock;
    private Instant lastWrite = Instant.MIN;

    ThrottledProgress(JobRunStore runs, Term term, long runId, Clock clock) {
        this.runs = runs;
        this.term = term;
        this.runId = runId;
        this.clock = clock;
    }

    @Override
    public synchronized void progress(int done, int total) {
        Instant now = clock.instant();
        if (done >= total || !now.isBefore(lastWrite.plus(MIN_GAP))) {
            runs.progress(term, runId, done, total, now);
            lastWrite = now;
        }
    }
}
