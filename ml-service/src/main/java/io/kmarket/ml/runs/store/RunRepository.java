package io.kmarket.ml.runs.store;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.kit.jdbc.Jdbc;
import io.kmarket.ml.runs.RunStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** analytics.runs: the record of every asynchronous run, written before the run is acknowledged. */
@ApplicationScoped
public class RunRepository {

    /** Also the JSON of GET /internal/runs/{id}. */
    public record Run(UUID runId, String kind, RunStatus status, long records, OffsetDateTime startedAt,
            OffsetDateTime finishedAt, String error) {
    }

    private final Jdbc jdbc;

    RunRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Run insert(UUID id, String kind, String parametersJson) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            RunEntity run = new RunEntity();
            run.id = id;
            run.kind = kind;
            run.status = RunStatus.RUNNING;
            run.parameters = parametersJson;
            run.persistAndFlush();
            return run.view();
        });
    }

    public void finish(UUID id, RunStatus status, long records, String error) {
        QuarkusTransaction.joiningExisting().run(() -> {
            RunEntity run = RunEntity.findById(id);
            if (run == null) {
                return;
            }
            run.status = status;
            run.records = records;
            run.error = error;
        });
    }

    public Optional<Run> find(UUID id) {
        return QuarkusTransaction.joiningExisting()
                .call(() -> RunEntity.<RunEntity>findByIdOptional(id).map(RunEntity::view));
    }

    /**
     * Fails the runs a stop or crash cut off. SQL rather than an HQL update: it runs at start-up, where parsing HQL
     * for the first time cost a native executable most of its start (over the 0.2 s goal).
     */
    public int failUnfinished() {
        return jdbc.update("""
                UPDATE analytics.runs SET status = ?, finished_at = now(), error = 'interrupted: ml-service restarted'
                 WHERE status = ?""", RunStatus.FAILED.value(), RunStatus.RUNNING.value());
    }
}
