package io.kmarket.scheduler.collect.fetch.dart;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.kmarket.scheduler.collect.config.SourcesConfig;
import io.kmarket.scheduler.collect.fetch.FetchContext;
import io.kmarket.scheduler.collect.fetch.RejectedRequestException;
import io.kmarket.scheduler.collect.fetch.ResponseCheck;
import io.kmarket.scheduler.collect.fetch.SourceUnconfiguredException;
import io.kmarket.scheduler.collect.fetch.TransientFetchException;
import io.kmarket.scheduler.collect.fetch.UrlEncodedForm;
import io.kmarket.scheduler.collect.keys.ApiKeyPool;
import io.kmarket.scheduler.collect.keys.store.ApiKeyStore;

/**
 * OpenDART: GET /api/{endpoint}?crtfc_key=... with the answer's own {@code status} (HTTP is 200 regardless).
 * Keys come from a pool: a key whose quota is spent (020) is rested and the request goes out with the next
 * one; a refused key (010/011/012/901) counts towards disabling it. 800/900 are retried as transient.
 */
@ApplicationScoped
public class DartClient {

    public static final String ACCESS_METHOD = "HTTP_JSON";
    /** Status codes of an unusable key. */
    private static final Set<String> KEY_REFUSED = Set.of("010", "011", "012", "901");

    private final SourcesConfig.Dart config;
    private final ApiKeyPool keys;

    DartClient(SourcesConfig sources, ApiKeyStore keyStore, Clock clock) {
        this.config = sources.dart();
        this.keys = new ApiKeyPool("DART", config.apiKeys().orElse(List.of()), config.dailyQuota(), keyStore, clock);
    }

    /** A status-checked answer: {@code status} is 000 or 013 (no data). */
    public record Answer(String status, byte[] body) {

        public boolean noData() {
            return "013".equals(status);
        }
    }

    /** Calls the endpoint with the next usable key; {@code reader} reads the answer's status out of its body. */
    public Answer get(FetchContext context, String endpoint, Map<String, String> params, DartStatusReader reader)
            throws InterruptedException {
        if (keys.isEmpty()) {
            throw new SourceUnconfiguredException("OpenDART needs at least one key in KMARKET_SOURCES_DART_API_KEYS");
        }
        while (true) {
            ApiKeyPool.KeyState key = keys.take();
            Map<String, String> query = new LinkedHashMap<>();
            query.put("crtfc_key", key.key());
            query.putAll(params);
            HttpResponse<byte[]> response = context.send(HttpRequest.newBuilder(
                    URI.create(config.baseUrl() + "/api/" + endpoint + "?" + UrlEncodedForm.encode(query))).GET(),
                    ResponseCheck.STANDARD.andThen(r -> retryLater(reader.status(r.body()))));
            if (response.statusCode() != 200) {
                throw new RejectedRequestException("OpenDART answered HTTP " + response.statusCode());
            }
            String status = reader.status(response.body());
            switch (status) {
                case "000", "013" -> {
                    keys.succeeded(key);
                    return new Answer(status, response.body());
                }
                case "020" -> keys.rateLimited(key);
                default -> {
                    if (!KEY_REFUSED.contains(status)) {
                        throw new RejectedRequestException("OpenDART refused the request with status " + status);
                    }
                    keys.authFailed(key);
                }
            }
        }
    }

    private static void retryLater(String status) {
        if ("800".equals(status) || "900".equals(status)) {
            throw new TransientFetchException("OpenDART status " + status + " (maintenance or internal error)");
        }
    }
}
