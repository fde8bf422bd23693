package io.kmarket.scheduler.collect.fetch;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Classifies an answer inside the retry loop: throw {@link TransientFetchException} (or its rate-limit subclass)
 * to have it retried, {@link SiteBlockedException} to count it against the circuit, or return to accept it.
 */
@FunctionalInterface
public interface ResponseCheck {

    /** 429 is a rate-limit answer, 5xx is transient; every other status is left to the fetcher. */
    ResponseCheck STANDARD = ResponseCheck::standard;

    void check(HttpResponse<byte[]> response);

    default ResponseCheck andThen(ResponseCheck next) {
        return response -> {
            check(response);
            next.check(response);
        };
    }

    static void standard(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status == 429) {
            throw new RateLimitedException("HTTP 429", retryAfter(response));
        }
        if (status >= 500) {
            throw new TransientFetchException("HTTP " + status);
        }
    }

    static Duration retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        if (header.isEmpty()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(header.get().trim()));
        } catch (NumberFormatException httpDate) {
            // An HTTP-date Retry-After is rare on these sources; the preset's backoff applies instead.
            return null;
        }
    }
}
