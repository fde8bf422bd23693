package io.kmarket.ml.reports.store;

import static io.kmarket.ml.support.InternalApi.internal;
import static io.kmarket.ml.support.StoredRows.assertSameInstantInUtc;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.kmarket.ml.reports.ReportStatus;
import io.kmarket.ml.reports.store.ReportRepository.Requested;
import io.kmarket.ml.support.StoredRows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Reports written through their repository read back over the internal API exactly as their rows hold them: one
 * row while pending, JSON columns stored as JSON, and times from the database clock, in UTC whatever the JVM's
 * zone. The expected values are read from the rows with plain SQL.
 */
@QuarkusTest
class ReportRowsTest {

    @Inject
    ReportRepository reports;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aReportIsOneRowWhilePendingAndReadsBackAsItsRowWhenDone() throws SQLException {
        StoredRows rows = new StoredRows(dataSource);
        Requested first = reports.request("ZZZ998", null);
        Requested again = reports.request("ZZZ998", null);
        assertThat(first.created()).isTrue();
        assertThat(again).isEqualTo(new Requested(first.id(), false));
        assertThat(rows.text("SELECT status FROM analytics.reports WHERE id = ?", first.id())).isEqualTo("pending");

        assertThat(reports.start(first.id())).isTrue();
        assertThat(reports.start(first.id())).isFalse();
        assertThat(rows.text("SELECT status FROM analytics.reports WHERE id = ?", first.id())).isEqualTo("running");
        reports.done(first.id(), "{\"closes\": [1, 2]}", "<p>done</p>");

        JsonPath report = internal().get("/internal/reports/" + first.id()).then().statusCode(200).extract()
                .jsonPath();
        assertThat(report.getString("status")).isEqualTo("done");
        assertThat(report.getString("code")).isEqualTo("ZZZ998");
        assertThat(report.getList("report.closes")).containsExactly(1, 2);
        assertThat(report.getString("error")).isNull();
        assertSameInstantInUtc(report.getString("requestedAt"), rows.timestamp("reports", "requested_at", first.id()));
        assertSameInstantInUtc(report.getString("finishedAt"), rows.timestamp("reports", "finished_at", first.id()));
        assertThat(internal().get("/internal/reports/" + first.id() + "/html").then().statusCode(200).extract()
                .asString()).isEqualTo("<p>done</p>");
        assertThat(rows.text("SELECT jsonb_typeof(content) FROM analytics.reports WHERE id = ?", first.id()))
                .isEqualTo("object");
        assertThat(rows.text("SELECT status FROM analytics.reports WHERE id = ?", first.id())).isEqualTo("done");

        Requested next = reports.request("ZZZ998", null);
        assertThat(next.created()).isTrue();
        assertThat(next.id()).isNotEqualTo(first.id());
        reports.failed(next.id(), "test failure");
        assertThat(reports.find(next.id()).orElseThrow()).satisfies(failed -> {
            assertThat(failed.status()).isEqualTo(ReportStatus.FAILED);
            assertThat(failed.error()).isEqualTo("test failure");
            assertThat(failed.content()).isNull();
        });
        assertThat(rows.text("SELECT status FROM analytics.reports WHERE id = ?", next.id())).isEqualTo("failed");
    }

    @Test
    void aRestartPutsUnfinishedReportsBackToPendingOldestFirstAndLeavesFinishedOnes() throws SQLException {
        UUID older = UUID.randomUUID();
        UUID newer = UUID.randomUUID();
        UUID done = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO analytics.reports (id, code, as_of, status, requested_at, started_at) VALUES "
                    + "('" + newer + "', 'RSM001', '2024-01-03', 'running', now() - interval '1 minute', now()), "
                    + "('" + older + "', 'RSM002', '2024-01-03', 'pending', now() - interval '2 minutes', null), "
                    + "('" + done + "', 'RSM003', '2024-01-03', 'done', now() - interval '3 minutes', now())");
        }

        List<UUID> resumed = reports.resumable();

        assertThat(resumed).containsSubsequence(older, newer).doesNotContain(done);
        StoredRows rows = new StoredRows(dataSource);
        assertThat(rows.text("SELECT status FROM analytics.reports WHERE id = ?", newer)).isEqualTo("pending");
        assertThat(rows.text("SELECT coalesce(started_at::text, 'none') FROM analytics.reports WHERE id = ?", newer))
                .isEqualTo("none");
        assertThat(rows.text("SELECT status FROM analytics.reports WHERE id = ?", done)).isEqualTo("done");
    }
}
