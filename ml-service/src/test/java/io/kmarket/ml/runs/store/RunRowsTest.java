package io.kmarket.ml.runs.store;

import static io.kmarket.ml.support.InternalApi.internal;
import static io.kmarket.ml.support.StoredRows.assertSameInstantInUtc;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.kmarket.ml.runs.RunStatus;
import io.kmarket.ml.support.StoredRows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Runs written through their repository read back over the internal API exactly as their rows hold them: the same
 * fields, JSON columns stored as JSON, and times from the database clock, in UTC whatever the JVM's zone. The
 * expected values are read from the rows with plain SQL.
 */
@QuarkusTest
class RunRowsTest {

    @Inject
    RunRepository runs;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aFinishedRunReadsBackAsItsRow() throws SQLException {
        StoredRows rows = new StoredRows(dataSource);
        UUID id = UUID.randomUUID();
        runs.insert(id, "test-kind", "{\"from\": \"2025-01-02\"}");
        runs.finish(id, RunStatus.SUCCEEDED, 42, null);

        JsonPath run = internal().get("/internal/runs/" + id).then().statusCode(200).extract().jsonPath();

        assertThat(run.getMap("").keySet())
                .containsExactlyInAnyOrder("runId", "kind", "status", "records", "startedAt", "finishedAt", "error");
        assertThat(run.getString("runId")).isEqualTo(id.toString());
        assertThat(run.getString("kind")).isEqualTo("test-kind");
        assertThat(run.getString("status")).isEqualTo("succeeded");
        assertThat(run.getLong("records")).isEqualTo(42);
        assertThat(run.getString("error")).isNull();
        assertSameInstantInUtc(run.getString("startedAt"), rows.timestamp("runs", "started_at", id));
        assertSameInstantInUtc(run.getString("finishedAt"), rows.timestamp("runs", "finished_at", id));
        assertThat(rows.text("SELECT parameters ->> 'from' FROM analytics.runs WHERE id = ?", id))
                .isEqualTo("2025-01-02");
        assertThat(rows.text("SELECT status FROM analytics.runs WHERE id = ?", id)).isEqualTo("succeeded");
    }

    @Test
    void failingUnfinishedRunsFailsTheRunningOnesOnly() throws SQLException {
        StoredRows rows = new StoredRows(dataSource);
        UUID running = UUID.randomUUID();
        UUID finished = UUID.randomUUID();
        runs.insert(running, "test-kind", "{}");
        runs.insert(finished, "test-kind", "{}");
        runs.finish(finished, RunStatus.SUCCEEDED, 7, null);

        assertThat(runs.failUnfinished()).isGreaterThanOrEqualTo(1);

        assertThat(runs.find(running).orElseThrow()).satisfies(run -> {
            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.error()).isEqualTo("interrupted: ml-service restarted");
            assertThat(run.finishedAt()).isNotNull();
        });
        assertThat(rows.text("SELECT status FROM analytics.runs WHERE id = ?", running)).isEqualTo("failed");
        assertThat(runs.find(finished).orElseThrow()).satisfies(run -> {
            assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(run.records()).isEqualTo(7);
        });
    }
}
