package io.kmarket.scheduler.collect.fetch.kis;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.kmarket.scheduler.collect.config.SourcesConfig;
import io.kmarket.scheduler.collect.fetch.FetchContext;
import io.kmarket.scheduler.collect.fetch.RateLimitedException;
import io.kmarket.scheduler.collect.fetch.RejectedRequestException;
import io.kmarket.scheduler.collect.fetch.ResponseCheck;
import io.kmarket.scheduler.collect.fetch.SourceUnconfiguredException;
import io.kmarket.scheduler.collect.fetch.UrlEncodedForm;
import io.kmarket.scheduler.collect.parse.JsonBodies;

/**
 * KIS quotations: GET /uapi/... with the OAuth token and app key headers. EGW00201 (per-second overrun, as HTTP
 * 500 or inside a 200) is a rate-limit answer; EGW00123 (token expired, HTTP 500 like the other gateway errors)
 * renews the token and resends once.
 */
@ApplicationScoped
public class KisClient {

    public static final String ACCESS_METHOD = "HTTP_JSON_OAUTH";
    /** KIS counts requests per second: one second is the natural wait after an overrun. */
    private static final Duration OVERRUN_WAIT = Duration.ofSeconds(1);
    private static final String TOKEN_EXPIRED = "EGW00123";

    private final SourcesConfig.Kis config;
    private final KisTokens tokens;

    KisClient(SourcesConfig sources, KisTokens tokens) {
        this.config = sources.kis();
        this.tokens = tokens;
    }

    /** The answer's JSON once {@code rt_cd} is "0". */
    public JsonNode get(FetchContext context, String path, String trId, Map<String, String> query)
            throws InterruptedException {
        if (config.appKey().isEmpty() || config.appSecret().isEmpty()) {
            throw new SourceUnconfiguredException(
                    "KIS needs KMARKET_SOURCES_KIS_APP_KEY and KMARKET_SOURCES_KIS_APP_SECRET");
        }
        String token = tokens.token(context, null);
        JsonNode answer = call(context, path, trId, query, token);
        if (TOKEN_EXPIRED.equals(JsonBodies.text(answer, "msg_cd"))) {
            answer = call(context, path, trId, query, tokens.token(context, token));
        }
        if (!"0".equals(JsonBodies.text(answer, "rt_cd"))) {
            throw new RejectedRequestException("KIS refused " + trId + ": " + JsonBodies.text(answer, "msg_cd")
                    + " " + JsonBodies.text(answer, "msg1"));
        }
        return answer;
    }

    private JsonNode call(FetchContext context, String path, String trId, Map<String, String> query, String token)
            throws InterruptedException {
        HttpResponse<byte[]> response = context.send(
                HttpRequest.newBuilder(URI.create(config.baseUrl() + path + "?" + UrlEncodedForm.encode(query)))
                        .header("Content-Type", "application/json; charset=utf-8")
                        .header("authorization", "Bearer " + token)
                        .header("appkey", config.appKey().orElseThrow())
                        .header("appsecret", config.appSecret().orElseThrow())
                        .header("tr_id", trId)
                        .header("custtype", "P")
                        .GET(),
                KisClient::overrun);
        if (response.statusCode() != 200 && !isJson(response)) {
            throw new RejectedRequestException("KIS answered HTTP " + response.statusCode());
        }
        return JsonBodies.parse(response.body());
    }

    private static boolean isJson(HttpResponse<byte[]> response) {
        return response.body().length > 0 && response.body()[0] == '{';
    }

    private static void overrun(HttpResponse<byte[]> response) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (body.contains("\"EGW00201\"")) {
            throw new RateLimitedException("KIS per-second limit exceeded (EGW00201)", OVERRUN_WAIT);
        }
        if (body.contains("\"" + TOKEN_EXPIRED + "\"")) {
            // Not transient: retrying with the same token cannot succeed; get() renews it instead.
            return;
        }
        ResponseCheck.standard(response);
    }
}
