package io.kmarket.ml.reports;

import static io.kmarket.ml.support.InternalApi.internal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kmarket.ml.support.MarketSeed;
import io.kmarket.ml.support.MarketSeed.Series;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Reports over HTTP: persisted request, generated content (JSON and HTML), idempotency and resumption. */
@QuarkusTest
class ReportTest {

    private static final LocalDate FIRST = LocalDate.of(2018, 1, 1);
    private static Series series;

    @Inject
    ReportService reportService;

    @BeforeAll
    static void seed() throws SQLException {
        Series walk = MarketSeed.randomWalk("RPT001", FIRST, 400, 5, 0, 0);
        long[] close = walk.close().clone();
        long[] volume = walk.volume().clone();
        // The last day: a 25% jump on ten times the usual volume, far above the upper Bollinger band.
        close[399] = Math.round(close[398] * 1.25);
        volume[399] = 5_000_000;
        series = new Series("RPT001", walk.dates(), close, volume);
        MarketSeed.insert(series);
        MarketSeed.stock("RPT001", "케이마켓<전자>", "Kmarket & Electronics");
        MarketSeed.stock("RPT002", "대기중", "Pending Co");
        MarketSeed.stock("RPT003", "재시작", "Restart Co");
        MarketSeed.insert(MarketSeed.randomWalk("RPT003", FIRST, 100, 6, 0, 0));
        LocalDate last = series.dates().getLast();
        MarketSeed.execute("INSERT INTO market.disclosures (rcept_no, corp_code, corp_name, stock_code, report_name,"
                + " filer_name, receipt_date) VALUES"
                + " ('20190001000001', '00000001', 'K', 'RPT001', '주요사항보고서', 'K', '" + last.minusDays(30) + "'),"
                + " ('20190001000002', '00000001', 'K', 'RPT001', '분기보고서', 'K', '" + last.minusDays(3) + "'),"
                + " ('20190001000003', '00000001', 'K', 'RPT001', '정정신고', 'K', '" + last.plusDays(3) + "'),"
                + " ('20190001000004', '00000001', 'K', 'RPT001', '감사보고서', 'K', '" + series.dates().get(290) + "')");
        MarketSeed.execute("INSERT INTO analytics.model_versions (name, version, algorithm, train_from, train_to,"
                + " features, parameters, metrics) VALUES ('direction-logreg', 'report-test', 'test', '2018-01-01',"
                + " '2018-12-31', '[]', '{}', '{\"verdict\": \"walk-forward accuracy 0.5\"}')");
        MarketSeed.execute("INSERT INTO analytics.predictions (code, trade_date, model_id, target_date, prob_up,"
                + " predicted_up) SELECT 'RPT001', '" + last + "', id, '" + last.plusDays(3) + "', 0.62, true"
                + " FROM analytics.model_versions WHERE version = 'report-test'");
        MarketSeed.execute("INSERT INTO analytics.prediction_evaluations (model_id, eval_date, window_days, strategy,"
                + " samples, accuracy) SELECT id, '" + last + "', 60, s, 1200, a FROM analytics.model_versions,"
                + " (VALUES ('model', 0.48), ('always_up', 0.51), ('yesterday', 0.47)) v(s, a)"
                + " WHERE version = 'report-test'");
    }

    @Test
    void generatesTheReportAsJsonAndHtml() {
        var accepted = internal().body("{\"code\":\"RPT001\"}").post("/internal/reports")
                .then().statusCode(202).body("status", equalTo("pending")).extract();
        String id = accepted.path("id");
        assertThat(accepted.header("Location")).endsWith("/internal/reports/" + id);

        JsonPath report = awaitFinished(id);

        assertThat(report.getString("status")).isEqualTo("done");
        assertThat(report.getString("code")).isEqualTo("RPT001");
        assertThat(report.getString("finishedAt")).isNotNull();
        assertThat(report.getString("report.company.nameKo")).isEqualTo("케이마켓<전자>");
        assertThat(report.getString("report.priceDate")).isEqualTo(series.dates().getLast().toString());
        assertThat(report.getDouble("report.latest.close")).isEqualTo(series.close()[399]);
        assertThat(report.getDouble("report.latest.change")).isEqualTo(series.close()[399] - series.close()[398]);
        List<String> kinds = report.getList("report.signals.kind");
        assertThat(kinds).contains("band_breakout_up", "volume_spike");
        assertThat(report.getString("report.signals.find { it.kind == 'volume_spike' }.text")).contains("times");
        assertThat(report.getList("report.disclosures.title")).containsExactly("정정신고", "분기보고서", "주요사항보고서",
                "감사보고서");
        assertThat(report.getString("report.prediction.text")).contains("62%", "48.0%", "51.0%", "NOT better");
        assertThat(report.getString("report.charts.price")).startsWith("<svg").contains("<polyline", "<polygon");
        assertThat(report.getString("report.charts.rsi")).startsWith("<svg");
        assertThat(report.getString("report.charts.macd")).contains("<rect");

        String html = internal().get("/internal/reports/" + id + "/html").then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("케이마켓&lt;전자&gt;", "Kmarket &amp; Electronics",
                "<svg", "분기보고서").doesNotContain("<script");
    }

    @Test
    void anAsOfDateLimitsTheReportToWhatWasKnownThen() {
        LocalDate asOf = series.dates().get(300);
        String id = internal().body("{\"code\":\"RPT001\",\"asOf\":\"" + asOf + "\"}").post("/internal/reports")
                .then().statusCode(202).extract().path("id");

        JsonPath report = awaitFinished(id);

        assertThat(report.getString("asOf")).isEqualTo(asOf.toString());
        assertThat(report.getString("report.priceDate")).isEqualTo(asOf.toString());
        assertThat(report.getDouble("report.latest.close")).isEqualTo(series.close()[300]);
        assertThat(report.getString("report.prediction")).isNull();
        assertThat(report.getList("report.disclosures.title")).containsExactly("감사보고서");
    }

    @Test
    void theSamePendingRequestGetsTheSameIdAndItsHtmlIsAConflictUntilDone() throws SQLException {
        UUID pending = UUID.randomUUID();
        MarketSeed.execute("INSERT INTO analytics.reports (id, code, status) VALUES ('" + pending + "', 'RPT002',"
                + " 'pending')");

        internal().body("{\"code\":\"RPT002\"}").post("/internal/reports")
                .then().statusCode(202).body("id", equalTo(pending.toString()));
        internal().get("/internal/reports/" + pending + "/html")
                .then().statusCode(409).contentType("application/problem+json");
        internal().get("/internal/reports/" + pending).then().statusCode(200).body("status", equalTo("pending"))
                .body("report", equalTo(null));
    }

    @Test
    void reportsAcceptedBeforeARestartAreGeneratedAtTheNextStart() throws SQLException {
        UUID interrupted = UUID.randomUUID();
        MarketSeed.execute("INSERT INTO analytics.reports (id, code, status, started_at) VALUES ('" + interrupted
                + "', 'RPT003', 'running', now())");

        reportService.resumeInterrupted(new StartupEvent());

        assertThat(awaitFinished(interrupted.toString()).getString("status")).isEqualTo("done");
    }

    @Test
    void badRequestsAreProblems() {
        internal().body("{\"code\":\"59 30\"}").post("/internal/reports")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("code"));
        internal().body("{}").post("/internal/reports").then().statusCode(400);
        internal().body("{\"code\":\"RPT001\",\"asOf\":\"2024-13-01\"}").post("/internal/reports")
                .then().statusCode(400).contentType("application/problem+json");
        internal().body("{\"code\":\"ZZZ999\"}").post("/internal/reports")
                .then().statusCode(404).contentType("application/problem+json");
        internal().get("/internal/reports/" + UUID.randomUUID()).then().statusCode(404);
        internal().get("/internal/reports/nope/html").then().statusCode(404);
    }

    private static JsonPath awaitFinished(String id) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            String status = internal().get("/internal/reports/" + id).path("status");
            return "done".equals(status) || "failed".equals(status);
        });
        return internal().get("/internal/reports/" + id).then().statusCode(200).extract().jsonPath();
    }
}
