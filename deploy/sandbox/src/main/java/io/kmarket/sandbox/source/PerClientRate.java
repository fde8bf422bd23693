package io.kmarket.sandbox.source;

import java.time.Duration;
import java.util.function.IntSupplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.sandbox.limit.SandboxStats;
import io.kmarket.sandbox.limit.Throttles;
import io.kmarket.sandbox.market.SandboxClock;

/** The per-second, per-client limit of sources without a published one (Naver, Daum): HTTP 429 beyond it. */
@ApplicationScoped
public class PerClientRate {

    private final Throttles throttles;
    private final SandboxStats stats;
    private final SandboxClock clock;

    public PerClientRate(Throttles throttles, SandboxStats stats, SandboxClock clock) {
        this.throttles = throttles;
        this.stats = stats;
        this.clock = clock;
    }

    /** True when the request may proceed; otherwise the violation is counted. */
    public boolean admit(String source, String client, IntSupplier perSecond) {
        if (throttles.counter(source).tryAcquire(client, perSecond.getAsInt(), Duration.ofSeconds(1), clock.now())) {
            return true;
        }
        stats.violation(source, "rate");
        return false;
    }

    public static jakarta.ws.rs.core.Response tooMany() {
        return jakarta.ws.rs.core.Response.status(429).header("Retry-After", "1")
                .type(Responses.TEXT_HTML_UTF8)
                .entity("<html><body><h1>429 Too Many Requests</h1></body></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .build();
    }
}
