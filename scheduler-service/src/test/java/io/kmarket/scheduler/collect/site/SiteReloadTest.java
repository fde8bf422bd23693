package io.kmarket.scheduler.collect.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kmarket.scheduler.collect.Db;
import io.kmarket.scheduler.collect.fetch.ResponseCheck;
import io.kmarket.scheduler.collect.fetch.SiteBlockedException;
import io.kmarket.scheduler.collect.fetch.TransientFetchException;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * An operator edits a site's row in ops.site_config while the site is in use, and the registry reloads it on its
 * own (every 0.2 s in tests): the site keeps its one runtime and the state only its requests build up, and the
 * edited field takes effect.
 */
@QuarkusTest
class SiteReloadTest {

    private static final String SITE = "LIMTEST";
    private static final int RATE_PER_MINUTE = 6_000;
    /** Long enough for a request wrongly admitted to arrive at the upstream. */
    private static final Duration SETTLE = Duration.ofMillis(500);
    private static final ResponseCheck BLOCK_ON_403 = response -> {
        if (response.statusCode() == 403) {
            throw new SiteBlockedException("HTTP 403");
        }
    };

    @Inject
    SiteRegistry sites;

    private ControlledUpstream upstream;

    @BeforeEach
    void aSiteOfItsOwn() {
        upstream = ControlledUpstream.start();
        Db.execute("""
                INSERT INTO ops.sites (code, tier, name_ko, name_en, base_url, category, reliability)
                VALUES ('%s', 4, '한도 시험', 'Limiter test', '%s', 'test', 1)""".formatted(SITE, upstream.uri("/")),
                """
                INSERT INTO ops.site_config (site_code, access_method, rate_limit_per_minute, rate_limit_per_second,
                       burst, max_concurrency, timeout_ms, retry_preset)
                VALUES ('%s', 'HTTP_JSON', %d, 100, 100, 2, 5000, 'STANDARD')""".formatted(SITE, RATE_PER_MINUTE));
        sites.refresh();
    }

    @AfterEach
    void removeTheSite() {
        Db.execute("DELETE FROM ops.site_config WHERE site_code = '" + SITE + "'",
                "DELETE FROM ops.sites WHERE code = '" + SITE + "'");
        sites.refresh();
        upstream.close();
    }

    @Test
    void anEditThatNeedsNoResetKeepsTheCircuitTheAdaptiveRateAndTheSession() {
        SiteRuntime runtime = site();
        assertThat(send("/limited-once").statusCode()).isEqualTo(200);
        double slowedDown = runtime.currentRatePerMinute();
        HttpCookie session = holdASession(runtime);
        Instant sessionValidUntil = Instant.parse("2026-12-07T12:00:00Z");
        runtime.sessionValidUntil(sessionValidUntil);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> send("/blocked", BLOCK_ON_403, new AtomicInteger()))
                    .isInstanceOf(SiteBlockedException.class);
        }
        assertThat(slowedDown).as("a 429 lowered the rate").isLessThan(RATE_PER_MINUTE);
        assertThat(runtime.circuit()).isEqualTo(CircuitBreakerState.OPEN);

        edit("timeout_ms = 4000", site -> site.timeoutMs() == 4_000);

        assertKept(runtime, session, sessionValidUntil);
        assertThat(runtime.currentRatePerMinute()).isEqualTo(slowedDown);
        assertThatThrownBy(() -> send("/fast")).isInstanceOf(CircuitBreakerOpenException.class);
        assertThat(upstream.requests("/fast")).as("the open circuit let nothing through").isZero();

        edit("rate_limit_per_minute = 3000", site -> site.ratePerMinute() == 3_000);

        assertKept(runtime, session, sessionValidUntil);
        // The slow-down stays the same share of the (halved) configured rate.
        assertThat(runtime.currentRatePerMinute()).isCloseTo(slowedDown / 2, within(1e-9));
    }

    @Test
    void aNewTimeOutOrRetryPresetTakesEffectWithTheSessionKept() {
        HttpCookie session = holdASession(site());
        assertThat(send("/slow").statusCode()).as("a 1 s answer within 5 s").isEqualTo(200);

        edit("timeout_ms = 300", site -> site.timeoutMs() == 300);

        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> send("/slow", ResponseCheck.STANDARD, attempts))
                .isInstanceOfSatisfying(TransientFetchException.class, e -> assertThat(e.timeout()).isTrue());
        assertThat(attempts).as("attempts of the STANDARD preset").hasValue(3);
        // The time-out needed a new HTTP client; it shares the cookie jar, so the login session goes along.
        assertThat(send("/fast").statusCode()).isEqualTo(200);
        assertThat(upstream.cookieHeaders()).as("the Cookie header of each request: 1 + 3 to /slow, 1 to /fast")
                .hasSize(5).containsOnly(session.toString());

        edit("retry_preset = 'QUICK'", site -> site.retryPreset() == RetryPreset.QUICK);

        attempts.set(0);
        assertThatThrownBy(() -> send("/error", ResponseCheck.STANDARD, attempts))
                .isInstanceOf(TransientFetchException.class);
        assertThat(attempts).as("attempts of the QUICK preset").hasValue(2);
    }

    @Test
    void requestsInFlightNeverExceedTheCapInForceAcrossEdits() throws Exception {
        List<CompletableFuture<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            requests.add(CompletableFuture.supplyAsync(() -> send("/held").statusCode(),
                    runnable -> Thread.ofVirtual().start(runnable)));
        }
        awaitHeld(2, 0);

        edit("max_concurrency = 1", site -> site.maxConcurrency() == 1);
        upstream.letThrough(1);
        // One request still in flight fills the lowered cap: none of the four waiting may start.
        awaitHeld(2, 1);
        upstream.letThrough(1);
        awaitHeld(3, 2);

        edit("max_concurrency = 3", site -> site.maxConcurrency() == 3);
        awaitHeld(5, 2);

        upstream.letThrough(4);
        for (CompletableFuture<Integer> request : requests) {
            assertThat(request.get(20, TimeUnit.SECONDS)).isEqualTo(200);
        }
        assertThat(upstream.mostHeldInFlight()).isEqualTo(3);
    }

    /** Waits until {@code started} requests reached {@code /held} and {@code finished} of them answered; no more. */
    private void awaitHeld(int started, int finished) throws InterruptedException {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> upstream.requests("/held") >= started && upstream.heldFinished() >= finished);
        // Nothing more may arrive: a request wrongly admitted would within SETTLE.
        await().during(SETTLE).atMost(SETTLE.multipliedBy(4))
                .until(() -> upstream.requests("/held") == started && upstream.heldFinished() == finished);
        assertThat(upstream.requests("/held")).as("requests that reached the upstream").isEqualTo(started);
        assertThat(upstream.heldFinished()).as("requests answered").isEqualTo(finished);
    }

    private void assertKept(SiteRuntime runtime, HttpCookie session, Instant sessionValidUntil) {
        assertThat(site()).as("the runtime after the edit").isSameAs(runtime);
        assertThat(sites.sites()).filteredOn(site -> site.code().equals(SITE)).containsExactly(runtime);
        assertThat(runtime.circuit()).isEqualTo(CircuitBreakerState.OPEN);
        assertThat(runtime.cookies().getCookieStore().getCookies()).containsExactly(session);
        assertThat(runtime.sessionValidUntil()).isEqualTo(sessionValidUntil);
    }

    private HttpCookie holdASession(SiteRuntime runtime) {
        HttpCookie session = new HttpCookie("JSESSIONID", "kept-across-edits");
        session.setPath("/");
        session.setVersion(0);
        runtime.cookies().getCookieStore().add(upstream.uri("/"), session);
        return session;
    }

    /** Edits the site's row and waits until the registry has reloaded it on its own. */
    private void edit(String assignment, Predicate<SiteConfig> applied) {
        Db.execute("UPDATE ops.site_config SET " + assignment + ", updated_at = now() WHERE site_code = '"
                + SITE + "'");
        await().atMost(Duration.ofSeconds(10)).until(() -> applied.test(site().config()));
    }

    private SiteRuntime site() {
        return sites.site(SITE).orElseThrow();
    }

    private HttpResponse<byte[]> send(String path) {
        return upstream.send(site(), path);
    }

    private HttpResponse<byte[]> send(String path, ResponseCheck check, AtomicInteger attempts) {
        return upstream.send(site(), path, check, attempts);
    }
}
