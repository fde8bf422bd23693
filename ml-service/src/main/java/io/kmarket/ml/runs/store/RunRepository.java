package io.kmarket.ml.runs.store;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.ml.runs.RunStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** analytics.runs: the record of every asynchronous run, written before the run is acknowledged. */
@ApplicationScoped
public class RunRepository {

    /** Also the JSON of GET /internal/runs/{id}. */
    public record Run(UUID runId, String kind, RunStatus status, long records, OffsetDateTime startedAt,
            OffsetDateTime finishedAt, String error) {
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

    /** Runs still running when the service starts were cut off by a stop or crash: say so instead of hanging. */
    public int failUnfinished() {
        return QuarkusTransaction.joiningExisting().call(() -> RunEntity.update("status = ?1,"
                + " finishedAt = current_timestamp, error = 'interrupted: ml-service restarted' where status = ?2",
                RunStatus.FAILED, RunStatus.RUNNING));
    }
}
