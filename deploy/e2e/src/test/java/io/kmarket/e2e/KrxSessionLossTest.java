package io.kmarket.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * KRX ends a member's session on its side (expiry, a login elsewhere, a restart of its servers) while kmarket's two
 * KRX workers have requests in flight: both are answered LOGOUT. One new login must serve both, and the requests
 * waiting their turn meanwhile must wait for it rather than go out without a session. Each worker logging in on its
 * own ends the other's new session (KRX keeps one session per member), and every request sent during a login is
 * answered LOGOUT: on a long run most requests ended so, and tasks failed.
 */
class KrxSessionLossTest {

    private static final Logger LOG = Logger.getLogger(KrxSessionLossTest.class);
    private static final List<String> MARKETS = List.of("STK", "KSQ", "KNX");

    @Test
    void sessionsEndedByKrxMidRunCostOneLoginAndNoTask() {
        StoredMarket stored = Platform.shared().emptyMarket();
        try (Sandbox sandbox = Sandbox.start(); Scheduler scheduler = Platform.shared().startScheduler(sandbox)) {
            GroundTruth truth = new GroundTruth(sandbox);
            LocalDate to = sandbox.lastFullMonth().atEndOfMonth();
            List<LocalDate> days = truth.tradingDays(to.minusDays(20), to);
            List<Map<String, Object>> tasks = new ArrayList<>();
            days.forEach(day -> MARKETS.forEach(market -> tasks.add(Map.of("site", "KRX", "dataset", "DAILY_MARKET",
                    "subject", market, "from", day.toString(), "to", day.toString()))));
            String run = scheduler.collect(Map.of("plan", "tasks", "tasks", tasks));

            await("a third of the run").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                    .until(() -> scheduler.progress(run).path("done").asInt() >= tasks.size() / 3);
            sandbox.endSessions();
            JsonNode view = scheduler.awaitFinished(run, Duration.ofMinutes(4));
            JsonNode krx = sandbox.stats().path("sources").path("krx");
            LOG.infof("Run after KRX ended the sessions: %s; sandbox KRX counters since: %s", view, krx);

            assertThat(view.path("status").asText()).as(view.toString()).isEqualTo("succeeded");
            assertThat(view.path("summary").path("tasksSucceeded").asInt()).isEqualTo(tasks.size());
            // At most one LOGOUT per worker with a request in flight when the sessions ended (KRX's concurrency 2).
            assertThat(krx.path("rejectedByKind").path("logout").asLong()).isBetween(1L, 2L);
            for (LocalDate day : days) {
                RowDiff diff = RowDiff.of("market.daily_prices " + day, truth.dailyPrices(day), stored.dailyPrices(day));
                assertThat(diff.clean()).as(diff.toString()).isTrue();
            }
            assertThat(stored.duplicatedKeys()).isZero();
        }
    }
}
