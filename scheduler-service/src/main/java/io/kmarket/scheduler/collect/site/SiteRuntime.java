package io.kmarket.scheduler.collect.site;

import java.io.IOException;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.util.TypeLiteral;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.kmarket.scheduler.collect.config.CollectConfig;
import io.kmarket.scheduler.collect.fetch.FetchFailure;
import io.kmarket.scheduler.collect.fetch.RateLimitedException;
import io.kmarket.scheduler.collect.fetch.ResponseCheck;
import io.kmarket.scheduler.collect.fetch.SiteBlockedException;
import io.kmarket.scheduler.collect.fetch.TransientFetchException;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;

/**
 * A site's live limits: a concurrency cap and a waiting rate limiter (taken per HTTP request, inside the retry loop
 * so a backing-off request holds no slot), retries of the site's preset and a circuit breaker. An edit of the
 * site's configuration is applied IN PLACE ({@link #reconfigure}): the circuit, the adaptive rate, the limiter's
 * history and the login session survive it, and there is never a second runtime admitting requests beside this one.
 * <p>
 * What must survive a change of leader, the circuit's open period and the adaptive rate, is recorded with the site's
 * health after each task and {@link #adopt adopted} by the next leader: a takeover neither hits a site that is
 * blocking again at once nor returns to the full rate right after a 429.
 * <p>
 * Plain JDK HttpClient rather than a REST client: base URLs and limits come from the database at run time,
 * KRX needs a cookie session, and bodies are bytes in several encodings (EUC-KR XML, ZIP).
 */
public final class SiteRuntime {

    private static final TypeLiteral<HttpResponse<byte[]>> RESPONSE = new TypeLiteral<>() {
    };

    private final Semaphore global;
    private final SiteSlots concurrency;
    private final TokenBucket bucket;
    private final CollectMetrics metrics;
    private final CollectConfig collect;
    private final Clock clock;
    private final UpstreamLease lease;
    private final CookieManager cookies = new CookieManager();
    /** Kept across edits: an open circuit stays open whatever an operator changes in the row. */
    private volatile Guard circuitGuard;
    private volatile SiteConfig config;
    private volatile HttpClient client;
    /** Rebuilt only when the retry preset changes; holds no state between calls. */
    private volatile Guard retryGuard;
    private volatile CircuitBreakerState circuit = CircuitBreakerState.CLOSED;
    /** When this runtime's own circuit opened last: it stays open for the configured delay. */
    private volatile Instant openedAt;
    /** A block adopted from the previous leader: the site counts as open until then. */
    private volatile Instant adoptedBlockUntil;
    private final AtomicReference<Instant> sessionValidUntil = new AtomicReference<>();
    private final SessionGate sessionGate = new SessionGate();

    SiteRuntime(SiteConfig config, Semaphore global, CollectMetrics metrics, CollectConfig collect, Clock clock,
            UpstreamLease lease) {
        this(config, global, metrics, collect, clock, new TokenBucket(config.limits(), collect.rateWindowMargin()),
                lease);
    }

    SiteRuntime(SiteConfig config, Semaphore global, CollectMetrics metrics, CollectConfig collect, Clock clock,
            TokenBucket bucket) {
        this(config, global, metrics, collect, clock, bucket, UpstreamLease.ALWAYS);
    }

    SiteRuntime(SiteConfig config, Semaphore global, CollectMetrics metrics, CollectConfig collect, Clock clock,
            TokenBucket bucket, UpstreamLease lease) {
        this.lease = lease;
        this.config = config;
        this.global = global;
        this.metrics = metrics;
        this.collect = collect;
        this.clock = clock;
        this.concurrency = new SiteSlots(config.maxConcurrency());
        this.bucket = bucket;
        this.client = client(config);
        this.retryGuard = retryGuard(config);
        this.circuitGuard = circuitGuard();
    }

    private Guard circuitGuard() {
        return Guard.create()
                .withDescription("site " + config.code())
                .withCircuitBreaker()
                    // A rate-limit answer means "slower", not "dead": it lowers the rate but never opens the circuit.
                    .when(e -> FetchFailure.of(e).countsAgainstCircuit())
                    .requestVolumeThreshold(collect.circuit().failureThreshold())
                    .failureRatio(1.0)
                    .successThreshold(1)
                    .delay(collect.circuit().delay().toMillis(), ChronoUnit.MILLIS)
                    .onStateChange(state -> {
                        openedAt = state == CircuitBreakerState.OPEN ? clock.instant() : null;
                        circuit = state;
                    })
                    .done()
                .build();
    }

    private HttpClient client(SiteConfig site) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(site.timeoutMs()))
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    private Guard retryGuard(SiteConfig site) {
        RetryPreset preset = site.retryPreset();
        return Guard.create()
                .withDescription("retries of site " + site.code())
                .withRetry()
                    .maxRetries(preset.attempts() - 1)
                    .maxDuration(30, ChronoUnit.MINUTES)
                    .jitter(0, ChronoUnit.MILLIS)
                    .whenException(e -> FetchFailure.of(e).retryable())
                    .withCustomBackoff().strategy(() -> new PresetBackoff(preset, collect.retryDelayScale())).done()
                    .done()
                .build();
    }

    /**
     * Applies an edited configuration of the same site in place. Limits change at once (a lower rate or cap binds
     * the next request, with the instants already sent still counted); the circuit, the adaptive slow-down and the
     * cookie jar (KRX login session) stay, because nothing in ops.site_config invalidates them: base URLs and
     * credentials are not part of it. Only a changed connect time-out needs a new HTTP client, sharing the jar.
     */
    synchronized void reconfigure(SiteConfig changed) {
        if (!changed.code().equals(config.code())) {
            throw new IllegalArgumentException("not the same site: " + changed.code() + " vs " + config.code());
        }
        bucket.update(changed.limits());
        concurrency.resize(changed.maxConcurrency());
        if (changed.timeoutMs() != config.timeoutMs()) {
            client = client(changed);
        }
        if (changed.retryPreset() != config.retryPreset()) {
            retryGuard = retryGuard(changed);
        }
        config = changed;
    }

    /** Closes the circuit at once, keeping everything else (limits, history, session); tests start from here. */
    public synchronized void resetCircuit() {
        circuitGuard = circuitGuard();
        circuit = CircuitBreakerState.CLOSED;
        openedAt = null;
        adoptedBlockUntil = null;
    }

    /** Continues where the previous leader left the site: its adaptive rate (if known) and its block (if any). */
    public void adopt(Double ratePerMinute, Instant blockedUntil) {
        if (ratePerMinute != null) {
            bucket.adoptRate(ratePerMinute);
        }
        adoptedBlockUntil = blockedUntil;
    }

    /** Until when the site is blocked (its circuit open), null when it is not. */
    public Instant circuitOpenUntil() {
        Instant now = clock.instant();
        Instant own = openedAt;
        if (circuit == CircuitBreakerState.OPEN && own != null) {
            return own.plus(collect.circuit().delay());
        }
        Instant adopted = adoptedBlockUntil;
        return adopted != null && now.isBefore(adopted) ? adopted : null;
    }

    public SiteConfig config() {
        return config;
    }

    public String code() {
        return config.code();
    }

    public CircuitBreakerState circuit() {
        Instant adopted = adoptedBlockUntil;
        if (adopted != null && clock.instant().isBefore(adopted)) {
            return CircuitBreakerState.OPEN;
        }
        return circuit;
    }

    public double currentRatePerMinute() {
        return bucket.ratePerMinute();
    }

    /** Until when the login session held in {@link #cookies()} may be used; null when there is none. */
    public Instant sessionValidUntil() {
        return sessionValidUntil.get();
    }

    public void sessionValidUntil(Instant validUntil) {
        sessionValidUntil.set(validUntil);
    }

    /**
     * Forgets the session {@link #sessionValidUntil()} returned as {@code validUntil} (the same instance), unless
     * a newer one replaced it meanwhile.
     */
    public void endSession(Instant validUntil) {
        sessionValidUntil.compareAndSet(validUntil, null);
    }

    /** Closed by a login that replaces the session; see {@link #sendInSession}. */
    public SessionGate sessionGate() {
        return sessionGate;
    }

    /** The site's cookie jar, e.g. for the KRX login session. */
    public CookieManager cookies() {
        return cookies;
    }

    /**
     * Sends one request, waiting for the site's slot and turn and then a global slot, retrying transient failures with the
     * site's preset and failing fast with CircuitBreakerOpenException while the site's circuit is open.
     */
    public HttpResponse<byte[]> send(HttpRequest.Builder builder, ResponseCheck check, AtomicInteger attempts)
            throws InterruptedException {
        return send(builder, check, attempts, false);
    }

    /**
     * As {@link #send}, for a request that needs the login session: it is sent only while no login replaces the
     * session (see {@link SessionGate}).
     */
    public HttpResponse<byte[]> sendInSession(HttpRequest.Builder builder, ResponseCheck check,
            AtomicInteger attempts) throws InterruptedException {
        return send(builder, check, attempts, true);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder builder, ResponseCheck check, AtomicInteger attempts,
            boolean inSession) throws InterruptedException {
        if (config.userAgent() != null) {
            builder.setHeader("User-Agent", config.userAgent());
        }
        HttpRequest request = builder.timeout(Duration.ofMillis(config.timeoutMs())).build();
        Guard retries = retryGuard;
        Guard breaker = circuitGuard;
        try {
            // Retries outside the circuit breaker, as one guard holding both orders them.
            return retries.call(() -> breaker.call(() -> attempt(request, check, attempts, inSession), RESPONSE), RESPONSE);
        } catch (InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new TransientFetchException(e.getMessage(), e, false);
        }
    }

    private HttpResponse<byte[]> attempt(HttpRequest request, ResponseCheck check, AtomicInteger attempts,
            boolean inSession) throws InterruptedException {
        attempts.incrementAndGet();
        while (true) {
            // Before the slot and the turn: a request waiting for its lease holds neither.
            lease.await();
            if (inSession) {
                sessionGate.awaitOpen();
            }
            concurrency.acquire();
            try {
                // The global permit only once the site's turn is due: see TokenBucket#acquire(Semaphore).
                metrics.rateLimitWait(code(), bucket.acquire(global));
                try {
                    if (circuit() == CircuitBreakerState.OPEN) {
                        // Admitted while the circuit was closed, but it opened while this request waited its turn.
                        throw new CircuitBreakerOpenException("the circuit of " + code() + " opened while waiting");
                    }
                    // The lease may have expired while this request waited its turn (a freeze, or a slow bucket).
                    if (lease.held() && (!inSession || sessionGate.isOpen())) {
                        return exchange(request, check);
                    }
                    // A login began, or the lease expired, while this request waited its turn: the turn is given
                    // up (unused, so within the limit) rather than spent on a request without a session or lease.
                } finally {
                    global.release();
                }
            } finally {
                concurrency.release();
            }
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
