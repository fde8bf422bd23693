package io.kmarket.sandbox.source.kis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.kmarket.sandbox.config.SandboxConfig;
import io.kmarket.sandbox.config.SandboxReset;
import io.kmarket.sandbox.limit.SandboxStats;
import io.kmarket.sandbox.market.SandboxClock;
import io.kmarket.sandbox.market.Seeds;

/**
 * KIS access tokens: one issuance request per app key per minute (EGW00133 otherwise), the same token again
 * when asked within six hours, 24 h validity.
 */
@ApplicationScoped
public class KisTokens {

    public record Token(String value, String appKey, Instant issuedAt, Instant expiresAt) {
    }

    private final Map<String, Instant> lastRequest = new ConcurrentHashMap<>();
    private final Map<String, Token> byAppKey = new ConcurrentHashMap<>();
    private final Map<String, Token> byValue = new ConcurrentHashMap<>();
    private final SandboxClock clock;
    private final SandboxStats stats;
    private final long seed;
    private final Duration issueInterval;
    private final Duration reuseWindow;
    private final Duration ttl;

    public KisTokens(SandboxConfig config, SandboxClock clock, SandboxStats stats) {
        this.clock = clock;
        this.stats = stats;
        this.seed = config.seed();
        this.issueInterval = config.kis().tokenIssueInterval();
        this.reuseWindow = config.kis().tokenReuseWindow();
        this.ttl = config.kis().tokenTtl();
    }

    /** The token for {@code appKey}; empty when asked again within the issuance interval. */
    public synchronized Optional<Token> issue(String appKey) {
        Instant now = clock.now();
        Instant previous = lastRequest.get(appKey);
        if (previous != null && now.isBefore(previous.plus(issueInterval))) {
            stats.violation(KisResource.SOURCE, "tokenIssuance");
            return Optional.empty();
        }
        lastRequest.put(appKey, now);
        Token current = byAppKey.get(appKey);
        if (current != null && now.isBefore(current.issuedAt().plus(reuseWindow)) && now.isBefore(current.expiresAt())) {
            return Optional.of(current);
        }
        Token token = new Token(jwt(appKey, now), appKey, now, now.plus(ttl));
        byAppKey.put(appKey, token);
        byValue.put(token.value(), token);
        return Optional.of(token);
    }

    public Token find(String value) {
        return value == null ? null : byValue.get(value);
    }

    void onReset(@Observes SandboxReset reset) {
        synchronized (this) {
            lastRequest.clear();
            byAppKey.clear();
            byValue.clear();
        }
    }

    /** A JWT-shaped opaque token like the real ones (clients must not parse it). */
    private String jwt(String appKey, Instant now) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"HS512\"}".getBytes(StandardCharsets.UTF_8));
        long exp = now.plus(ttl).getEpochSecond();
        String payload = b64.encodeToString(("{\"sub\":\"token\",\"aud\":\"" + Long.toHexString(Seeds.mix(seed, appKey.hashCode()))
                + "\",\"iss\":\"unogw\",\"exp\":" + exp + ",\"iat\":" + now.getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8));
        StringBuilder signature = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            signature.append(Long.toHexString(Seeds.mix(seed, appKey.hashCode(), now.toEpochMilli(), i)));
        }
        return header + "." + payload + "." + b64.encodeToString(signature.toString().getBytes(StandardCharsets.UTF_8));
    }
}
