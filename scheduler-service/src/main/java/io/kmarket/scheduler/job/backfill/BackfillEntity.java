package io.kmarket.scheduler.job.backfill;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A row of ops.job_backfills. Only {@link BackfillStore} uses it; callers get the {@link Backfill} record, so the
 * JSON of the backfill routes never depends on the mapping. The status is the text of {@link BackfillStatus#value}.
 */
@Entity
@Table(schema = "ops", name = "job_backfills")
public class BackfillEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "job_name")
    public String jobName;

    @Column(name = "from_date")
    public LocalDate fromDate;

    @Column(name = "to_date")
    public LocalDate toDate;

    @Column(name = "with_dependents")
    public boolean withDependents;

    public String status;

    @Column(name = "dates_total")
    public int datesTotal;

    @Column(name = "dates_done")
    public int datesDone;

    @Column(name = "requested_at")
    public OffsetDateTime requestedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    public String error;

    @Column(name = "newest_first")
    public boolean newestFirst;

    public boolean rerun;

    Backfill view() {
        return new Backfill(id, jobName, fromDate, toDate, withDependents, BackfillStatus.of(status), datesTotal,
                datesDone, requestedAt.toInstant(), finishedAt == null ? null : finishedAt.toInstant(), error,
                newestFirst, rerun);
    }
}
