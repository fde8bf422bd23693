package io.kmarket.scheduler.alert.store;

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
 * A row of ops.alert_outbox: one alert and its delivery. Only {@link AlertOutbox} uses it, for the changes of one
 * delivery (sent, failed) and the closing of a job's alerts; rows are inserted by its upsert against the partial
 * unique index of open alerts and claimed by its SKIP LOCKED update, two statements the ORM has no word for.
 */
@Entity
@Table(schema = "ops", name = "alert_outbox")
public class AlertEntity extends PanacheEntityBase {

    /** Waiting for delivery (or for its next attempt). */
    static final String PENDING = "pending";
    /** Posted to the webhook. */
    static final String SENT = "sent";
    /** No webhook was configured: told to the log only, and still deduplicating. */
    static final String LOGGED = "logged";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "alert_key")
    public String alertKey;

    @Column(name = "job_name")
    public String jobName;

    @Column(name = "logical_date")
    public LocalDate logicalDate;

    public String text;

    public String state;

    public int attempts;

    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;
}
