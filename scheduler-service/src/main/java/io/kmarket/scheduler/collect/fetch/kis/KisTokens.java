package io.kmarket.scheduler.collect.fetch.kis;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kmarket.kit.time.MarketTime;
import io.kmarket.scheduler.collect.config.SourcesConfig;
import io.kmarket.scheduler.collect.fetch.FetchContext;
import io.kmarket.scheduler.collect.fetch.MalformedPayloadException;
import io.kmarket.scheduler.collect.fetch.RateLimitedException;
import io.kmarket.scheduler.collect.fetch.RejectedRequestException;
import io.kmarket.scheduler.collect.fetch.ResponseCheck;
import io.kmarket.scheduler.collect.fetch.kis.store.OAuthTokenStore;
import io.kmarket.scheduler.collect.keys.Fingerprint;
import io.kmarket.scheduler.collect.parse.JsonBodies;

/**
 * The KIS OAuth token: reused while valid, kept in ops.oauth_tokens so a restart (or another instance) reuses it
 * too, and issued at most once a minute (KIS's limit; each issuance also notifies the account holder), waiting
 * if needed. Issuance happens under the row lock of {@link OAuthTokenStore#underLock}, so instances never issue twice.
 */
@ApplicationScoped
public class KisTokens {

    static final Duration ISSUANCE_INTERVAL = Duration.ofMinutes(1);
    /** A token this close to its expiry is renewed rather than used. */
    private static final Duration EXPIRY_MARGIN = Duration.ofMinutes(10);
    private static final Logger LOG = Logger.getLogger(KisTokens.class);

    private final SourcesConfig.Kis config;
    private final OAuthTokenStore store;
    private final Clock clock;
    private String token;
    private Instant expiresAt;

    KisTokens(SourcesConfig sources, OAuthTokenStore store, Clock clock) {
        this.config = sources.kis();
        this.store = store;
        this.clock = clock;
    }

    /** A valid token; {@code expired} is the token KIS just refused as expired (EGW00123), or null. */
    public synchronized String token(FetchContext context, String expired) throws InterruptedException {
        if (expired != null && expired.equals(token)) {
            token = null;
            expiresAt = null;
        }
        if (token != null && expiresAt != null && renewalDue().isBefore(expiresAt)) {
            return token;
        }
        return store.underLock(context.site().code(), Fingerprint.of(config.appKey().orElseThrow()), lock -> {
            OAuthTokenStore.StoredToken stored = lock.current();
            // Another instance may have renewed it while this one waited for the lock.
            if (stored.validAfter(renewalDue()) && !stored.token().equals(expired)) {
                token = stored.token();
                expiresAt = stored.expiresAt();
                return token;
            }
            waitForIssuanceSlot(stored.lastAttempt());
            lock.attempted(clock.instant());
            issue(context);
            lock.issued(token, expiresAt, clock.instant());
            return token;
        });
    }

    private Instant renewalDue() {
        return clock.instant().plus(EXPIRY_MARGIN);
    }

    /** Never more than one interval: a last attempt "in the future" only means clocks disagreed. */
    private void waitForIssuanceSlot(Instant lastAttempt) throws InterruptedException {
        if (lastAttempt == null) {
            return;
        }
        Duration wait = Duration.between(clock.instant(), lastAttempt.plus(ISSUANCE_INTERVAL));
        long waitMillis = Math.min(wait.toMillis(), ISSUANCE_INTERVAL.toMillis());
        if (waitMillis > 0) {
            LOG.infof("Waiting %d ms: KIS issues at most one token per minute", waitMillis);
            TimeUnit.MILLISECONDS.sleep(waitMillis);
        }
    }

    private void issue(FetchContext context) throws InterruptedException {
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("grant_type", "client_credentials")
                .put("appkey", config.appKey().orElseThrow())
                .put("appsecret", config.appSecret().orElseThrow());
        HttpResponse<byte[]> response = context.send(
                HttpRequest.newBuilder(URI.create(config.baseUrl() + "/oauth2/tokenP"))
                        .header("Content-Type", "application/json; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)),
                KisTokens::issuanceThrottled);
        if (response.statusCode() != 200) {
            throw new RejectedRequestException("KIS refused a token: HTTP " + response.statusCode() + " "
                    + JsonBodies.excerpt(response.body()));
        }
        JsonNode answer = JsonBodies.parse(response.body());
        String accessToken = JsonBodies.text(answer, "access_token");
        if (accessToken == null || accessToken.isBlank()) {
            throw new MalformedPayloadException("KIS token answer without access_token");
        }
        token = accessToken;
        expiresAt = expiry(answer);
        LOG.infof("Issued a KIS token valid until %s", expiresAt);
    }

    private Instant expiry(JsonNode answer) {
        String local = JsonBodies.text(answer, "access_token_token_expired");
        if (local != null) {
            return LocalDateTime.parse(local, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))
                    .atZone(MarketTime.ZONE).toInstant();
        }
        return clock.instant().plusSeconds(answer.path("expires_in").asLong(0));
    }

    /** 403 EGW00133: issued too recently. */
    private static void issuanceThrottled(HttpResponse<byte[]> response) {
        if (response.statusCode() == 403
                && new String(response.body(), StandardCharsets.UTF_8).contains("EGW00133")) {
            throw new RateLimitedException("KIS token issuance throttled (EGW00133)", ISSUANCE_INTERVAL);
        }
        ResponseCheck.standard(response);
    }
}
