package io.kmarket.scheduler.collect.fetch.kis;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.kmarket.scheduler.collect.CollectionTask;
import io.kmarket.scheduler.collect.Dataset;
import io.kmarket.scheduler.collect.Db;
import io.kmarket.scheduler.collect.UpstreamStub;
import io.kmarket.scheduler.collect.config.SourcesConfig;
import io.kmarket.scheduler.collect.fetch.FetchContext;
import io.kmarket.scheduler.collect.fetch.RejectedRequestException;
import io.kmarket.scheduler.collect.fetch.kis.store.OAuthTokenStore;
import io.kmarket.scheduler.collect.site.SiteRegistry;
import io.kmarket.scheduler.collect.store.RawPayloads;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Two scheduler instances (two KisTokens over one database) needing a token at once: KIS issues one; and a refused
 * issuance is remembered as an attempt.
 */
@QuarkusTest
class KisTokenIssuanceTest {

    private static final String TOKEN_PATH = "/kis/oauth2/tokenP";

    @Inject
    SourcesConfig sources;
    @Inject
    OAuthTokenStore store;
    @Inject
    Clock clock;
    @Inject
    SiteRegistry sites;
    @Inject
    RawPayloads raw;

    @Test
    void twoInstancesNeedingATokenAtOnceCauseOneIssuanceAndShareIt() throws Exception {
        Db.execute("DELETE FROM ops.oauth_tokens WHERE site_code = 'KIS'");
        String answer = new String(UpstreamStub.sample("kis/token.json"), StandardCharsets.UTF_8)
                .replace("2023-12-22 08:16:59", "2099-12-31 23:59:59");
        // Slow enough that both instances are past their own "no usable token" check before the first is issued.
        StubMapping slow = UpstreamStub.server().stubFor(post(urlPathEqualTo(TOKEN_PATH)).atPriority(1).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json; charset=UTF-8")
                .withFixedDelay(700).withBody(answer)));
        int before = issuances();
        FetchContext context = new FetchContext(CollectionTask.of("KIS", Dataset.QUOTE, "005930"),
                sites.site("KIS").orElseThrow(), raw);
        KisTokens first = new KisTokens(sources, store, clock);
        KisTokens second = new KisTokens(sources, store, clock);

        List<String> tokens;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Callable<String> a = () -> first.token(context, null);
            Callable<String> b = () -> second.token(context, null);
            List<Future<String>> futures = pool.invokeAll(List.of(a, b));
            tokens = List.of(futures.get(0).get(), futures.get(1).get());
        } finally {
            UpstreamStub.server().removeStub(slow);
        }

        assertThat(issuances() - before).isEqualTo(1);
        assertThat(tokens.get(0)).startsWith("eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzUxMiJ9").isEqualTo(tokens.get(1));
        assertThat(Db.count("SELECT count(*) FROM ops.oauth_tokens WHERE site_code = 'KIS'"
                + " AND access_token IS NOT NULL AND issued_at IS NOT NULL")).isEqualTo(1);
    }

    @Test
    void aRefusedIssuanceKeepsItsAttemptSoTheNextWaitsItsMinute() {
        Db.execute("DELETE FROM ops.oauth_tokens WHERE site_code = 'KIS'");
        StubMapping refused = UpstreamStub.server().stubFor(post(urlPathEqualTo(TOKEN_PATH)).atPriority(1)
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withBody("{\"error_description\":\"유효하지 않은 AppKey입니다.\",\"error_code\":\"EGW00103\"}")));
        FetchContext context = new FetchContext(CollectionTask.of("KIS", Dataset.QUOTE, "005930"),
                sites.site("KIS").orElseThrow(), raw);
        try {
            assertThatThrownBy(() -> new KisTokens(sources, store, clock).token(context, null))
                    .isInstanceOf(RejectedRequestException.class).hasMessageContaining("HTTP 403");

            // KIS counts the attempt although it issued nothing: it is committed with the lock's release.
            assertThat(Db.rows("SELECT access_token IS NULL, last_attempt_at = '" + clock.instant() + "'"
                    + " FROM ops.oauth_tokens WHERE site_code = 'KIS'")).containsExactly("t|t");
        } finally {
            UpstreamStub.server().removeStub(refused);
            // The next issuance of this run must not wait for this attempt's minute.
            Db.execute("DELETE FROM ops.oauth_tokens WHERE site_code = 'KIS'");
        }
    }

    private static int issuances() {
        return UpstreamStub.server().countRequestsMatching(postRequestedFor(urlPathEqualTo(TOKEN_PATH)).build())
                .getCount();
    }
}
