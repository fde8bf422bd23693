package io.kmarket.sandbox.chaos;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.kmarket.sandbox.config.SandboxConfig;
import io.kmarket.sandbox.limit.SandboxStats;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * Applies chaos before a source's resource runs: latency on a Vert.x timer (no worker thread is held),
 * timeouts by never answering and then dropping the connection, 500s and 429s directly. Body faults are
 * flagged on the request for {@link BodyChaosFilter}, which sees the finished body.
 */
@ApplicationScoped
public class ChaosFilter {

    static final String BODY_FAULT_HEADER = "X-Sandbox-Chaos-Body";

    private final ChaosControl control;
    private final SandboxStats stats;
    private final long timeoutHoldMs;

    public ChaosFilter(ChaosControl control, SandboxStats stats, SandboxConfig config) {
        this.control = control;
        this.stats = stats;
        this.timeoutHoldMs = config.chaosTimeoutHold().toMillis();
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, 100);
    }

    private void filter(RoutingContext rc) {
        rc.request().headers().remove(BODY_FAULT_HEADER);
        String source = sourceOf(rc.normalizedPath());
        if (source == null) {
            rc.next();
            return;
        }
        stats.request(source);
        ChaosControl.Decision decision = control.decide(source);
        if (decision.delayMs() > 0) {
            rc.vertx().setTimer(decision.delayMs(), id -> apply(rc, source, decision.fault()));
        } else {
            apply(rc, source, decision.fault());
        }
    }

    private void apply(RoutingContext rc, String source, ChaosControl.Fault fault) {
        switch (fault) {
            case NONE -> rc.next();
            case TIMEOUT -> {
                stats.chaos(source, "timeout");
                rc.vertx().setTimer(timeoutHoldMs, id -> rc.request().connection().close());
            }
            case ERROR -> {
                stats.chaos(source, "error");
                rc.response().setStatusCode(500).putHeader("Content-Type", "text/html; charset=utf-8")
                        .end("<html><head><title>500 Internal Server Error</title></head>"
                                + "<body><h1>Internal Server Error</h1></body></html>");
            }
            case TOO_MANY -> {
                stats.chaos(source, "tooMany");
                rc.response().setStatusCode(429).putHeader("Retry-After", "1")
                        .putHeader("Content-Type", "text/html; charset=utf-8")
                        .end("<html><body><h1>429 Too Many Requests</h1></body></html>");
            }
            case TRUNCATE, MALFORMED -> {
                stats.chaos(source, fault == ChaosControl.Fault.TRUNCATE ? "truncate" : "malformed");
                rc.request().headers().set(BODY_FAULT_HEADER, fault.name());
                rc.next();
            }
        }
    }

    static String sourceOf(String path) {
        if (path == null || path.length() < 2) {
            return null;
        }
        int end = path.indexOf('/', 1);
        String first = end < 0 ? path.substring(1) : path.substring(1, end);
        return ChaosControl.SOURCES.contains(first) ? first : null;
    }
}
