package io.kmarket.ml.runs.store;

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

import io.kmarket.ml.runs.RunStatus;
import io.kmarket.ml.runs.store.RunRepository.Run;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A row of analytics.runs. Only {@link RunRepository} uses it; callers get the {@link Run} record, so the JSON of
 * GET /internal/runs/{id} never depends on the mapping. Times come from the database clock, as the column defaults
 * and the statements before this mapping did: started_at when inserted, finished_at whenever the row is updated
 * (the only update of one run is its end).
 */
@Entity
@Table(schema = "analytics", name = "runs")
public class RunEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    public String kind;

    @Enumerated(EnumType.STRING)
    public RunStatus status;

    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String parameters;

    public long records;

    @CurrentTimestamp(event = EventType.INSERT, source = SourceType.DB)
    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @CurrentTimestamp(event = EventType.UPDATE, source = SourceType.DB)
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    public String error;

    Run view() {
        return new Run(id, kind, status, records, startedAt, finishedAt, error);
    }
}
