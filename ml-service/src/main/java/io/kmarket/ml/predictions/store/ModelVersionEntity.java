package io.kmarket.ml.predictions.store;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A row of analytics.model_versions, read-only: {@link ModelRepository#save} writes with an upsert on (name,
 * version) that also renews created_at, one atomic statement the ORM has no word for. The JSON columns stay text
 * here; the repository reads them into the model's records.
 */
@Entity
@Immutable
@Table(schema = "analytics", name = "model_versions")
public class ModelVersionEntity extends PanacheEntityBase {

    @Id
    public Long id;

    public String name;

    public String version;

    public String algorithm;

    @Column(name = "train_from")
    public LocalDate trainFrom;

    @Column(name = "train_to")
    public LocalDate trainTo;

    @Column(columnDefinition = "jsonb")
    public String features;

    @Column(columnDefinition = "jsonb")
    public String parameters;

    @Column(columnDefinition = "jsonb")
    public String metrics;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
