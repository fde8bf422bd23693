package io.kmarket.scheduler.job.engine;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A row of ops.job_state. Only {@link JobStateStore} uses it. Its two writers change different columns (an
 * operator the pause flag on any instance, the leader's tick the last fire time), so an update sets only the
 * columns it changed: neither puts back the other's value as it read it.
 */
@Entity
@DynamicUpdate
@Table(schema = "ops", name = "job_state")
public class JobStateEntity extends PanacheEntityBase {

    @Id
    @Column(name = "job_name")
    public String jobName;

    public boolean paused;

    @Column(name = "last_fire_at")
    public OffsetDateTime lastFireAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
