package io.kmarket.scheduler.job.backfill;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.scheduler.fencing.FencedWrites;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;

/**
 * ops.job_backfills, through {@link BackfillEntity}. Requests are written by any instance; the progress and the end
 * of a backfill are the leader's bookkeeping, fenced with its term (a leader frozen past a takeover writes nothing
 * when it wakes). The changes of state are conditional updates, one statement each, so that a backfill taken in
 * hand or widened meanwhile is never overwritten with what was read before.
 */
@ApplicationScoped
class BackfillStore {

    private static final List<String> UNFINISHED = List.of(BackfillStatus.PENDING.value(),
            BackfillStatus.RUNNING.value());

    private final FencedWrites fenced;

    BackfillStore(FencedWrites fenced) {
        this.fenced = fenced;
    }

    long insert(String job, LocalDate from, LocalDate to, boolean withDependents, int datesTotal, Instant now,
            boolean newestFirst, boolean rerun) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            BackfillEntity backfill = new BackfillEntity();
            backfill.jobName = job;
            backfill.fromDate = from;
            backfill.toDate = to;
            backfill.withDependents = withDependents;
            backfill.status = BackfillStatus.PENDING.value();
            backfill.datesTotal = datesTotal;
            backfill.requestedAt = now.atOffset(ZoneOffset.UTC);
            backfill.newestFirst = newestFirst;
            backfill.rerun = rerun;
            backfill.persist();
            return backfill.id;
        });
    }

    Optional<Backfill> find(long id) {
        return read(() -> BackfillEntity.<BackfillEntity>findByIdOptional(id).map(BackfillEntity::view));
    }

    List<Backfill> recent(int limit) {
        return read(() -> views(BackfillEntity.<BackfillEntity>findAll(Sort.descending("id")).page(0, limit).list()));
    }

    /** The oldest re-run of the job that has not started yet. */
    Optional<Backfill> pendingRerun(String job) {
        return read(() -> BackfillEntity.<BackfillEntity>find("jobName = ?1 and rerun = true and status = ?2",
                Sort.by("id"), job, BackfillStatus.PENDING.value()).firstResultOptional().map(BackfillEntity::view));
    }

    /** Widens a backfill that has not started yet; false once it has (its range is read then). */
    boolean widen(long id, LocalDate from, LocalDate to, int datesTotal) {
        return QuarkusTransaction.joiningExisting().call(() -> BackfillEntity.update(
                "fromDate = ?1, toDate = ?2, datesTotal = ?3 where id = ?4 and status = ?5",
                from, to, datesTotal, id, BackfillStatus.PENDING.value())) == 1;
    }

    /** The last date a pending or running backfill of the job with its dependents will reach, if any. */
    Optional<LocalDate> dependentsReachUntil(String upstream) {
        return read(() -> BackfillEntity.<BackfillEntity>find(
                "jobName = ?1 and withDependents = true and status in ?2", Sort.descending("toDate"), upstream,
                UNFINISHED).firstResultOptional().map(backfill -> backfill.toDate));
    }

    boolean isEmpty() {
        return read(() -> BackfillEntity.findAll().firstResultOptional().isEmpty());
    }

    /** Pending backfills and those a crash or a failover interrupted, in the order they were requested. */
    List<Backfill> unfinished() {
        return read(() -> views(BackfillEntity.<BackfillEntity>list("status in ?1", Sort.by("id"), UNFINISHED)));
    }

    /** Takes the backfill in hand (again, after an interruption); false when it has ended meanwhile. */
    boolean markRunning(long id) {
        return fenced.underCurrentLeadership(() -> BackfillEntity.update("status = ?1 where id = ?2 and status in ?3",
                BackfillStatus.RUNNING.value(), id, UNFINISHED)) == 1;
    }

    void progress(long id, int datesDone) {
        fenced.underCurrentLeadership(() -> BackfillEntity.update("datesDone = ?1 where id = ?2", datesDone, id));
    }

    void finish(long id, BackfillStatus status, String error, Instant now) {
        fenced.underCurrentLeadership(() -> BackfillEntity.update(
                "status = ?1, finishedAt = ?2, error = ?3 where id = ?4", status.value(), now.atOffset(ZoneOffset.UTC),
                error, id));
    }

    private static <T> T read(Callable<T> query) {
        return QuarkusTransaction.joiningExisting().call(query);
    }

    private static List<Backfill> views(List<BackfillEntity> rows) {
        return rows.stream().map(BackfillEntity::view).toList();
    }
}
