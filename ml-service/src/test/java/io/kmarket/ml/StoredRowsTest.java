package io.kmarket.ml;

import static io.kmarket.ml.support.InternalApi.internal;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.kmarket.ml.reports.ReportStatus;
import io.kmarket.ml.reports.store.ReportRepository;
import io.kmarket.ml.reports.store.ReportRepository.Requested;
import io.kmarket.ml.runs.RunStatus;
import io.kmarket.ml.runs.store.RunRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Runs and reports written through their repositories read back over the internal API exactly as their rows hold
 * them: the same fields, JSON columns stored as JSON, and times from the database clock, in UTC whatever the JVM's
 * zone. The expected values are read from the rows with plain SQL.
 */
@QuarkusTest
class StoredRowsTest {

    @Inject
    RunRepository runs;

    @Inject
    ReportRepository reports;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aFinishedRunReadsBackAsItsRow() throws SQLException {
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
        assertSameInstantInUtc(run.getString("startedAt"), timestamp("runs", "started_at", id));
        assertSameInstantInUtc(run.getString("finishedAt"), timestamp("runs", "finished_at", id));
        assertThat(text("SELECT parameters ->> 'from' FROM analytics.runs WHERE id = ?", id)).isEqualTo("2025-01-02");
    }

    @Test
    void failingUnfinishedRunsFailsTheRunningOnesOnly() throws SQLException {
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
        assertThat(runs.find(finished).orElseThrow()).satisfies(run -> {
            assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(run.records()).isEqualTo(7);
        });
    }

    @Test
    void aReportIsOneRowWhilePendingAndReadsBackAsItsRowWhenDone() throws SQLException {
        Requested first = reports.request("ZZZ998", null);
        Requested again = reports.request("ZZZ998", null);
        assertThat(first.created()).isTrue();
        assertThat(again).isEqualTo(new Requested(first.id(), false));

        assertThat(reports.start(first.id())).isTrue();
        assertThat(reports.start(first.id())).isFalse();
        reports.done(first.id(), "{\"closes\": [1, 2]}", "<p>done</p>");

        JsonPath report = internal().get("/internal/reports/" + first.id()).then().statusCode(200).extract()
                .jsonPath();
        assertThat(report.getString("status")).isEqualTo("done");
        assertThat(report.getString("code")).isEqualTo("ZZZ998");
        assertThat(report.getList("report.closes")).containsExactly(1, 2);
        assertThat(report.getString("error")).isNull();
        assertSameInstantInUtc(report.getString("requestedAt"), timestamp("reports", "requested_at", first.id()));
        assertSameInstantInUtc(report.getString("finishedAt"), timestamp("reports", "finished_at", first.id()));
        assertThat(internal().get("/internal/reports/" + first.id() + "/html").then().statusCode(200).extract()
                .asString()).isEqualTo("<p>done</p>");
        assertThat(text("SELECT jsonb_typeof(content) FROM analytics.reports WHERE id = ?", first.id()))
                .isEqualTo("object");

        Requested next = reports.request("ZZZ998", null);
        assertThat(next.created()).isTrue();
        assertThat(next.id()).isNotEqualTo(first.id());
        reports.failed(next.id(), "test failure");
        assertThat(reports.find(next.id()).orElseThrow()).satisfies(failed -> {
            assertThat(failed.status()).isEqualTo(ReportStatus.FAILED);
            assertThat(failed.error()).isEqualTo("test failure");
            assertThat(failed.content()).isNull();
        });
    }

    private static void assertSameInstantInUtc(String json, OffsetDateTime stored) {
        assertThat(json).endsWith("Z");
        assertThat(OffsetDateTime.parse(json).toInstant()).isEqualTo(stored.toInstant());
    }

    private OffsetDateTime timestamp(String table, String column, UUID id) throws SQLException {
        return OffsetDateTime.parse(text("SELECT to_char(" + column + " AT TIME ZONE 'UTC',"
                + " 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM analytics." + table + " WHERE id = ?", id));
    }

    private String text(String sql, UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).as("a row for %s", id).isTrue();
                return rs.getString(1);
            }
        }
    }
}
