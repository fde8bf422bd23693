package io.kmarket.ml.reports.store;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.CurrentTimestamp;
import org.hibernate.annotations.SourceType;
import org.hibernate.generator.EventType;

import io.kmarket.ml.reports.ReportStatus;
import io.kmarket.ml.reports.store.ReportRepository.StoredReport;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A row of analytics.reports, for reading and finishing one report. Rows are inserted by
 * {@link ReportRepository#request} only (an upsert against the partial unique index of pending reports, which the
 * ORM cannot say), hence requested_at is read-only here. finished_at is the database's time of the row's last
 * entity update: the only ones are done and failed.
 */
@Entity
@Table(schema = "analytics", name = "reports")
public class ReportEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    public String code;

    @Column(name = "as_of")
    public LocalDate asOf;

    @Enumerated(EnumType.STRING)
    public ReportStatus status;

    @Column(name = "requested_at", insertable = false, updatable = false)
    public OffsetDateTime requestedAt;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @CurrentTimestamp(event = EventType.UPDATE, source = SourceType.DB)
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String content;

    public String html;

    public String error;

    StoredReport view() {
        return new StoredReport(id, code, asOf, status, requestedAt, finishedAt, content, html, error);
    }
}
