package io.kmarket.scheduler.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.kmarket.scheduler.collect.keys.Fingerprint;
import io.quarkus.test.junit.QuarkusTest;

/** KIS (OAuth token in the DB, EGW00201/EGW00123) and Daum (Referer), against WireMock. */
@QuarkusTest
class QuoteSourcesTest {

    static final String TOKEN_PATH = "/kis/oauth2/tokenP";
    static final String PRICE_PATH = "/kis/uapi/domestic-stock/v1/quotations/inquire-price";
    static final String DAILY_PATH = "/kis/uapi/domestic-stock/v1/quotations/inquire-daily-price";
    static final String RECORDED_TOKEN_START = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzUxMiJ9";

    @Inject
    CollectionService collection;
    @Inject
    Clock clock;

    @BeforeEach
    void tokenEndpoint() {
        // The recorded answer expired in 2023: serve it with a future expiry so it is usable.
        String token = new String(UpstreamStub.sample("kis/token.json"), StandardCharsets.UTF_8)
                .replace("2023-12-22 08:16:59", "2099-12-31 23:59:59");
        UpstreamStub.server().stubFor(post(urlPathEqualTo(TOKEN_PATH))
                .withRequestBody(equalToJson("{\"grant_type\":\"client_credentials\",\"appkey\":\""
                        + UpstreamStub.KIS_APP_KEY + "\",\"appsecret\":\"" + UpstreamStub.KIS_APP_SECRET + "\"}"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=UTF-8")
                        .withBody(token)));
    }

    private static MappingBuilder kis(String path, String code) {
        return get(urlPathEqualTo(path)).withQueryParam("FID_INPUT_ISCD", equalTo(code))
                .withHeader("appkey", equalTo(UpstreamStub.KIS_APP_KEY))
                .withHeader("authorization", matching("Bearer " + RECORDED_TOKEN_START + ".*"));
    }

    private static int tokenIssuances() {
        return UpstreamStub.server().countRequestsMatching(postRequestedFor(urlPathEqualTo(TOKEN_PATH)).build())
                .getCount();
    }

    private static int dailyPriceRequests(String code) {
        return UpstreamStub.server().countRequestsMatching(getRequestedFor(urlPathEqualTo(DAILY_PATH))
                .withQueryParam("FID_INPUT_ISCD", equalTo(code)).build()).getCount();
    }

    @Test
    void kisQuotesReuseOneStoredTokenAndRetryAPerSecondOverrun() {
        UpstreamStub.server().stubFor(kis(PRICE_PATH, "005930").inScenario("overrun")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("calm")
                .willReturn(aResponse().withStatus(500).withBody(UpstreamStub.sample("kis/egw00201.json"))));
        UpstreamStub.server().stubFor(kis(PRICE_PATH, "005930").inScenario("overrun").whenScenarioStateIs("calm")
                .willReturn(aResponse().withStatus(200).withBody(UpstreamStub.sample("kis/inquire_price.json"))));
        int issuedBefore = tokenIssuances();

        CollectionPlan plan = new CollectionPlan("kis", List.of(CollectionTask.of("KIS", Dataset.QUOTE, "005930")));
        CollectionRunSummary first = collection.run(plan, ProgressListener.NONE);
        CollectionRunSummary second = collection.run(plan, ProgressListener.NONE);

        assertThat(first.allSucceeded()).isTrue();
        assertThat(second.allSucceeded()).isTrue();
        assertThat(tokenIssuances() - issuedBefore).isLessThanOrEqualTo(1);
        assertThat(Db.rows("SELECT price, open, high, low, prev_close, volume, trading_value FROM market.quotes"
                + " WHERE code = '005930' AND source = 'KIS'"))
                .containsExactly("128500.00|128500.00|130000.00|128500.00|128500.00|2669075|344570137500");
        assertThat(Db.rows("SELECT access_token LIKE '" + RECORDED_TOKEN_START + "%', expires_at > now()"
                + " FROM ops.oauth_tokens WHERE site_code = 'KIS' AND app_key_fingerprint = '"
                + Fingerprint.of(UpstreamStub.KIS_APP_KEY) + "'")).containsExactly("t|t");
    }

    @Test
    void anExpiredTokenIsRenewedOnceAndTheRequestRepeated() {
        UpstreamStub.server().stubFor(kis(DAILY_PATH, "000660").inScenario("expiry")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("renewed")
                // As the sandbox answers an expired token (KisResource.admit): HTTP 500 with the msg_cd envelope.
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody(UpstreamStub.sample("kis/egw00123.json"))));
        UpstreamStub.server().stubFor(kis(DAILY_PATH, "000660").inScenario("expiry").whenScenarioStateIs("renewed")
                .willReturn(aResponse().withStatus(200).withBody(UpstreamStub.sample("kis/inquire_daily_price.json"))));
        CollectionPlan plan = new CollectionPlan("kis daily",
                List.of(CollectionTask.of("KIS", Dataset.DAILY_PRICE, "000660")));
        collection.run(new CollectionPlan("warm", List.of(CollectionTask.of("KIS", Dataset.QUOTE, "005930"))),
                ProgressListener.NONE);
        // The last issuance is over a minute old, so renewing does not have to wait for KIS's one-per-minute rule.
        Db.execute("UPDATE ops.oauth_tokens SET last_attempt_at = '" + clock.instant().minusSeconds(120) + "'");
        int issuedBefore = tokenIssuances();
        int requestedBefore = dailyPriceRequests("000660");

        CollectionRunSummary run = collection.run(plan, ProgressListener.NONE);

        assertThat(run.allSucceeded()).isTrue();
        assertThat(tokenIssuances() - issuedBefore).isEqualTo(1);
        // Renewed, not retried as a transient HTTP 500: the refused request went out once, then once more.
        assertThat(dailyPriceRequests("000660") - requestedBefore).isEqualTo(2);
        assertThat(Db.rows("SELECT trade_date, open, high, low, close, volume, adjusted FROM market.source_daily_prices"
                + " WHERE source = 'KIS' AND code = '000660' ORDER BY trade_date"))
                .containsExactly("2022-01-10|126500|127000|123000|124500|3449197|f",
                        "2022-01-11|125500|128500|124500|128000|3908418|f");
    }

    @Test
    void daumQuotesAreFetchedWithTheRefererDaumRequires() {
        UpstreamStub.server().stubFor(get(urlPathEqualTo("/daum/api/quotes/A034230")).atPriority(10)
                .willReturn(aResponse().withStatus(403)));
        UpstreamStub.server().stubFor(get(urlPathEqualTo("/daum/api/quotes/A034230")).atPriority(1)
                .withHeader("Referer", equalTo("https://finance.daum.net/quotes/A034230"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=UTF-8")
                        .withBody(UpstreamStub.sample("daum/quote_A034230.json"))));

        CollectionRunSummary run = collection.run(new CollectionPlan("daum",
                List.of(CollectionTask.of("DAUM", Dataset.QUOTE, "034230"))), ProgressListener.NONE);

        assertThat(run.allSucceeded()).isTrue();
        assertThat(Db.rows("SELECT price, open, high, low, prev_close, volume, trading_value, trade_date"
                + " FROM market.quotes WHERE code = '034230' AND source = 'DAUM'"))
                .containsExactly("9690.00|9560.00|9700.00|9500.00|9590.00|23156|222638940|2024-12-30");
    }
}
