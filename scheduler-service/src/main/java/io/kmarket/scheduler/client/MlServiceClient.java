package io.kmarket.scheduler.client;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The scheduler's way to ml-service. Starting a run is retried only on transport failures (a 4xx or 5xx
 * answer is the service's verdict); polling is retried more freely since it is read-only. The circuit breaker
 * counts only transport failures and timeouts: it stops hammering an ml-service that is down or hung, not one
 * that answers; the job's own retry policy tries again later.
 */
@ApplicationScoped
public class MlServiceClient {

    public enum Kind {
        INDICATORS, TRAIN, PREDICT, EVALUATE
    }

    private final MlServiceRestClient client;

    MlServiceClient(@RestClient MlServiceRestClient client) {
        this.client = client;
    }

    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 1, delayUnit = ChronoUnit.SECONDS, retryOn = ProcessingException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            failOn = { ProcessingException.class, TimeoutException.class })
    public MlRun start(Kind kind, LocalDate date) {
        MlDateRequest request = new MlDateRequest(date);
        return switch (kind) {
            case INDICATORS -> client.computeIndicators(request);
            // Walk-forward: the model learns from the year that ends on the logical date, never from later days.
            case TRAIN -> client.train(new MlTrainRequest(date.minusYears(1), date));
            case PREDICT -> client.predict(request);
            case EVALUATE -> client.evaluate(request);
        };
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 3, delay = 1, delayUnit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            failOn = { ProcessingException.class, TimeoutException.class })
    public MlRun run(String runId) {
        return client.run(runId);
    }
}
