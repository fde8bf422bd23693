package io.kmarket.scheduler.collect.site;

import java.io.IOException;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.util.TypeLiteral;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.kmarket.scheduler.collect.config.CollectConfig;
import io.kmarket.scheduler.collect.fetch.RateLimitedException;
import io.kmarket.scheduler.collect.fetch.ResponseCheck;
import io.kmarket.scheduler.collect.fetch.SiteBlockedException;
import io.kmarket.scheduler.collect.fetch.TransientFetchException;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;

/**
 * A site's live limits, built from one version of its configuration: a concurrency cap and a waiting token
 * bucket (taken per HTTP request, inside the retry loop so a backing-off request holds no slot), retries of the
 * site's preset and a circuit breaker (one SmallRye guard). Rebuilt, circuit and all, when the config changes.
 * <p>
 * Plain JDK HttpClient rather than a REST client: base URLs and limits come from the database at run time,
 * KRX needs a cookie session, and bodies are bytes in several encodings (EUC-KR XML, ZIP).
 */
public final class SiteRuntime {

    private static final TypeLiteral<HttpResponse<byte[]>> RESPONSE = new TypeLiteral<>() {
    };

    private final SiteConfig config;
    private final Semaphore global;
    private final Semaphore concurrency;
    private final TokenBucket bucket;
    private final CollectMetrics metrics;
    private final HttpClient client;
    private final CookieManager cookies = new CookieManager();
    private final Guard guard;
    private volatile CircuitBreakerState circuit = CircuitBreakerState.CLOSED;
    private volatile Instant sessionValidUntil;

    SiteRuntime(SiteConfig config, Semaphore global, CollectMetrics metrics, CollectConfig collect) {
        this.config = config;
        this.global = global;
        this.metrics = metrics;
        this.concurrency = new Semaphore(config.maxConcurrency(), true);
        this.bucket = new TokenBucket(config.ratePerMinute(), config.burst(), collect.rateWindowMargin());
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(config.timeoutMs()))
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        RetryPreset preset = config.retryPreset();
        this.guard = Guard.create()
                .withDescription("site " + config.code())
                .withRetry()
                    .maxRetries(preset.attempts() - 1)
                    .maxDuration(30, ChronoUnit.MINUTES)
                    .jitter(0, ChronoUnit.MILLIS)
                    .whenException(e -> e instanceof TransientFetchException)
                    .withCustomBackoff().strategy(() -> new PresetBackoff(preset, collect.retryDelayScale())).done()
                    .done()
                .withCircuitBreaker()
                    // A rate-limit answer means "slower", not "dead": it lowers the rate but never opens the circuit.
                    .when(e -> e instanceof SiteBlockedException
                            || e instanceof TransientFetchException && !(e instanceof RateLimitedException))
                    .requestVolumeThreshold(collect.circuit().failureThreshold())
                    .failureRatio(1.0)
                    .successThreshold(1)
                    .delay(collect.circuit().delay().toMillis(), ChronoUnit.MILLIS)
                    .onStateChange(state -> circuit = state)
                    .done()
                .build();
    }

    public SiteConfig config() {
        return config;
    }

    public String code() {
        return config.code();
    }

    public CircuitBreakerState circuit() {
        return circuit;
    }

    public double currentRatePerMinute() {
        return bucket.ratePerMinute();
    }

    /** Until when the login session held in {@link #cookies()} may be used; null when there is none. */
    public Instant sessionValidUntil() {
        return sessionValidUntil;
    }

    public void sessionValidUntil(Instant validUntil) {
        this.sessionValidUntil = validUntil;
    }

    /** The site's cookie jar, e.g. for the KRX login session. */
    public CookieManager cookies() {
        return cookies;
    }

    /**
     * Sends one request, waiting for the global and site slots and a token, retrying transient failures with the
     * site's preset and failing fast with CircuitBreakerOpenException while the site's circuit is open.
     */
    public HttpResponse<byte[]> send(HttpRequest.Builder builder, ResponseCheck check, AtomicInteger attempts)
            throws InterruptedException {
        if (config.userAgent() != null) {
            builder.setHeader("User-Agent", config.userAgent());
        }
        HttpRequest request = builder.timeout(Duration.ofMillis(config.timeoutMs())).build();
        try {
            return guard.call(() -> attempt(request, check, attempts), RESPONSE);
        } catch (InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new TransientFetchException(e.getMessage(), e, false);
        }
    }

    private HttpResponse<byte[]> attempt(HttpRequest request, ResponseCheck check, AtomicInteger attempts)
            throws InterruptedException {
        attempts.incrementAndGet();
        global.acquire();
        try {
            concurrency.acquire();
            try {
                metrics.rateLimitWait(code(), bucket.acquire());
                if (circuit == CircuitBreakerState.OPEN) {
                    // Admitted while the circuit was closed, but it opened while this request waited its turn.
                    throw new CircuitBreakerOpenException("the circuit of " + code() + " opened while waiting");
                }
                return exchange(request, check);
            } finally {
                concurrency.release();
            }
        } finally {
            global.release();
        }
    }

    private HttpResponse<byte[]> exchange(HttpRequest request, ResponseCheck check) throws InterruptedException {
        long started = System.nanoTime();
        String outcome = "error";
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            check.check(response);
            outcome = "success";
            bucket.recover();
            return response;
        } catch (HttpTimeoutException e) {
            outcome = "timeout";
            throw new TransientFetchException("timed out after " + config.timeoutMs() + " ms", e, true);
        } catch (IOException e) {
            throw new TransientFetchException("I/O error: " + e.getMessage(), e, false);
        } catch (RateLimitedException e) {
            outcome = "rate_limited";
            bucket.slowDown();
            throw e;
        } catch (SiteBlockedException e) {
            outcome = "blocked";
            throw e;
        } finally {
            metrics.request(code(), outcome, System.nanoTime() - started);
        }
    }
}
