package io.kmarket.api.reports.ml;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.kmarket.api.config.ApiConfig;

/**
 * The API's only way to ml-service. A public answer must come within 2 s whatever ml-service does, retries
 * included: each attempt gets 1.5 s, and a GET is retried (on 5xx and transport failures) only when it failed
 * within the first 300 ms, so the last attempt still ends by 1.8 s, leaving time for the fallback. SmallRye's
 * per-attempt @Timeout cannot shrink for a retry, and its maxDuration only stops retries from starting: with a
 * 1.5 s window a fast 503 followed by a slow 503 started a third attempt at 1.4 s and answered after ~2.7 s.
 * A circuit breaker stops calling a failing ml-service, and the fallback answers 503 with Retry-After. The POST
 * is never retried: ml-service may have queued it before the connection broke.
 * <p>
 * Only ml-service's answers about the client's own request reach the client (unknown stock or report, report not
 * finished, queue full). Any other non-success answer (a refused service token, a request the API built wrongly)
 * is about the services' internals: the client gets a neutral 502 and the log gets ml-service's status and body.
 */
@ApplicationScoped
public class MlReportsClient {

    private static final Logger LOG = Logger.getLogger(MlReportsClient.class);
    private static final long ATTEMPT_TIMEOUT_MS = 1500;
    /** Budget (2000 ms) minus the attempt timeout, minus 200 ms for the retry's delay, the fallback and the answer. */
    private static final long RETRY_WINDOW_MS = 2000 - ATTEMPT_TIMEOUT_MS - 200;
    /** ml-service's answers about the client's request: unknown stock or report, report not finished, queue full. */
    private static final Set<Integer> RELAYED_CLIENT_ERRORS = Set.of(404, 409, 429);
    private static final int DEFAULT_RETRY_AFTER_SECONDS = 1;

    private final MlReportsRestClient client;
    private final int unavailableRetryAfter;

    MlReportsClient(@RestClient MlReportsRestClient client, ApiConfig config) {
        this.client = client;
        this.unavailableRetryAfter = config.ml().retryAfterSeconds();
    }

    @Timeout(value = ATTEMPT_TIMEOUT_MS, unit = ChronoUnit.MILLIS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "submitUnavailable")
    public MlReply submit(String code, LocalDate asOf) {
        return read(client.submit(new ReportSubmission(code, asOf)));
    }

    @Timeout(value = ATTEMPT_TIMEOUT_MS, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 2, delay = 50, jitter = 25, maxDuration = RETRY_WINDOW_MS, durationUnit = ChronoUnit.MILLIS,
            abortOn = { TimeoutException.class, CircuitBreakerOpenException.class })
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "byIdUnavailable")
    public MlReply report(UUID id, ReportView view) {
        return read(view == ReportView.HTML ? client.reportHtml(id) : client.report(id));
    }

    MlReply submitUnavailable(String code, LocalDate asOf, Throwable cause) {
        return unavailable(cause);
    }

    MlReply byIdUnavailable(UUID id, ReportView view, Throwable cause) {
        return unavailable(cause);
    }

    private MlReply unavailable(Throwable cause) {
        LOG.warnf("ml-service unavailable: %s", cause.toString());
        return new MlReply(MlReply.UNAVAILABLE, null, null, null, unavailableRetryAfter);
    }

    private static MlReply read(Response response) {
        try (response) {
            int status = response.getStatus();
            if (status >= 500) {
                throw new MlUnavailableException(status);
            }
            String body = response.hasEntity() ? response.readEntity(String.class) : null;
            if (!(status >= 200 && status < 300) && !RELAYED_CLIENT_ERRORS.contains(status)) {
                LOG.errorf("ml-service answered %d, not relayed to the client: %s", status, body);
                return new MlReply(MlReply.BAD_GATEWAY, null, null, null, null);
            }
            String contentType = response.getHeaderString(HttpHeaders.CONTENT_TYPE);
            return new MlReply(status, contentType, body, response.getHeaderString(HttpHeaders.LOCATION),
                    status == 429 ? retryAfter(response.getHeaderString(HttpHeaders.RETRY_AFTER)) : null);
        }
    }

    /** ml-service sends seconds; anything else (an HTTP date, garbage) becomes a short default wait. */
    private static Integer retryAfter(String header) {
        if (header != null && header.strip().matches("[0-9]{1,6}")) {
            return Integer.valueOf(header.strip());
        }
        return DEFAULT_RETRY_AFTER_SECONDS;
    }
}
