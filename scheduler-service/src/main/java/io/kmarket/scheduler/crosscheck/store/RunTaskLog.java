package io.kmarket.scheduler.crosscheck.store;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.kit.jdbc.Jdbc;
import io.kmarket.scheduler.collect.TaskStatus;

/** Which tasks of a collection run succeeded, from ops.fetch_execution_logs (the engine records every task). */
@ApplicationScoped
public class RunTaskLog {

    private final Jdbc jdbc;

    RunTaskLog(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Set<String> succeededTaskKeys(UUID runId) {
        return new HashSet<>(jdbc.query("SELECT task_key FROM ops.fetch_execution_logs WHERE run_id = ? AND status = ?",
                row -> row.getString(1), runId, TaskStatus.SUCCESS.value()));
    }
}
