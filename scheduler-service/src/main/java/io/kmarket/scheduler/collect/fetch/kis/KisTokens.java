package io.kmarket.scheduler.collect.fetch.kis;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.agroal.api.AgroalDataSource;
import io.kmarket.scheduler.collect.config.SourcesConfig;
import io.kmarket.scheduler.collect.fetch.FetchContext;
import io.kmarket.scheduler.collect.fetch.MalformedPayloadException;
import io.kmarket.scheduler.collect.fetch.RateLimitedException;
import io.kmarket.scheduler.collect.fetch.RejectedRequestException;
import io.kmarket.scheduler.collect.fetch.ResponseCheck;
import io.kmarket.scheduler.collect.keys.Fingerprint;
import io.kmarket.scheduler.collect.parse.JsonBodies;

/**
 * The KIS OAuth token: reused while valid, kept in ops.oauth_tokens so a restart reuses it too, and issued at
 * most once a minute (KIS's limit; each issuance also notifies the account holder), waiting if needed.
 */
@ApplicationScoped
public class KisTokens {

    static final Duration ISSUANCE_INTERVAL = Duration.ofMinutes(1);
    /** A token this close to its expiry is renewed rather than used. */
    private static final Duration EXPIRY_MARGIN = Duration.ofMinutes(10);
    private static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final Logger LOG = Logger.getLogger(KisTokens.class);

    private final SourcesConfig.Kis config;
    private final AgroalDataSource dataSource;
    private String token;
    private Instant expiresAt;

    KisTokens(SourcesConfig sources, AgroalDataSource dataSource) {
        this.config = sources.kis();
        this.dataSource = dataSource;
    }

    /** A valid token; {@code expired} is the token KIS just refused as expired (EGW00123), or null. */
    public synchronized String token(FetchContext context, String expired) throws InterruptedException {
        String site = context.site().code();
        String fingerprint = Fingerprint.of(config.appKey().orElseThrow());
        if (expired != null) {
            forget(site, fingerprint, expired);
        }
        if (usable()) {
            return token;
        }
        StoredToken stored = load(site, fingerprint);
        token = stored.token();
        expiresAt = stored.expiresAt();
        if (usable()) {
            return token;
        }
        waitForIssuanceSlot(stored.lastAttempt());
        markAttempt(site, fingerprint);
        issue(context);
        save(site, fingerprint);
        return token;
    }

    private boolean usable() {
        return token != null && expiresAt != null && Instant.now().plus(EXPIRY_MARGIN).isBefore(expiresAt);
    }

    private static void waitForIssuanceSlot(Instant lastAttempt) throws InterruptedException {
        if (lastAttempt == null) {
            return;
        }
        long waitMillis = Duration.between(Instant.now(), lastAttempt.plus(ISSUANCE_INTERVAL)).toMillis();
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

    private static Instant expiry(JsonNode answer) {
        String local = JsonBodies.text(answer, "access_token_token_expired");
        if (local != null) {
            return LocalDateTime.parse(local, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))
                    .atZone(KST).toInstant();
        }
        return Instant.now().plusSeconds(answer.path("expires_in").asLong(0));
    }

    /** 403 EGW00133: issued too recently. */
    private static void issuanceThrottled(HttpResponse<byte[]> response) {
        if (response.statusCode() == 403
                && new String(response.body(), StandardCharsets.UTF_8).contains("EGW00133")) {
            throw new RateLimitedException("KIS token issuance throttled (EGW00133)", ISSUANCE_INTERVAL);
        }
        ResponseCheck.standard(response);
    }

    private record StoredToken(String token, Instant expiresAt, Instant lastAttempt) {
    }

    private StoredToken load(String site, String fingerprint) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("""
                        SELECT access_token, expires_at, last_attempt_at FROM ops.oauth_tokens
                         WHERE site_code = ? AND app_key_fingerprint = ?""")) {
            st.setString(1, site);
            st.setString(2, fingerprint);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return new StoredToken(null, null, null);
                }
                return new StoredToken(rs.getString(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the KIS token", e);
        }
    }

    private void markAttempt(String site, String fingerprint) {
        execute("""
                INSERT INTO ops.oauth_tokens (site_code, app_key_fingerprint, last_attempt_at) VALUES (?, ?, now())
                ON CONFLICT (site_code, app_key_fingerprint) DO UPDATE SET last_attempt_at = now()""",
                site, fingerprint);
    }

    private void save(String site, String fingerprint) {
        execute("""
                UPDATE ops.oauth_tokens SET access_token = ?, expires_at = ?, issued_at = now()
                 WHERE site_code = ? AND app_key_fingerprint = ?""",
                token, Timestamp.from(expiresAt), site, fingerprint);
    }

    private void forget(String site, String fingerprint, String expired) {
        if (expired.equals(token)) {
            token = null;
            expiresAt = null;
        }
        execute("""
                UPDATE ops.oauth_tokens SET access_token = NULL, expires_at = NULL
                 WHERE site_code = ? AND app_key_fingerprint = ? AND access_token = ?""",
                site, fingerprint, expired);
    }

    private void execute(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot save the KIS token state", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
