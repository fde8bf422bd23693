package io.kmarket.scheduler.collect.fetch.daum;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;

import io.kmarket.scheduler.collect.Dataset;
import io.kmarket.scheduler.collect.config.SourcesConfig;
import io.kmarket.scheduler.collect.fetch.FetchContext;
import io.kmarket.scheduler.collect.fetch.FetchResult;
import io.kmarket.scheduler.collect.fetch.SiteFetcher;
import io.kmarket.scheduler.collect.fetch.MalformedPayloadException;
import io.kmarket.scheduler.collect.fetch.RejectedRequestException;
import io.kmarket.scheduler.collect.fetch.ResponseCheck;
import io.kmarket.scheduler.collect.parse.JsonBodies;
import io.kmarket.scheduler.collect.parse.RowException;
import io.kmarket.scheduler.collect.parse.Values;
import io.kmarket.scheduler.collect.store.MarketRow.Quote;

/**
 * Daum /api/quotes/A{code}: one stock's quote as real JSON numbers. Daum refuses requests without a Referer on
 * finance.daum.net, so the quote page of the same stock is sent as Referer.
 */
@Singleton
public class DaumQuoteFetcher extends SiteFetcher {

    private final SourcesConfig.Source config;

    DaumQuoteFetcher(SourcesConfig sources) {
        super("DAUM", Dataset.QUOTE, "HTTP_JSON");
        this.config = sources.daum();
    }

    @Override
    public FetchResult fetch(FetchContext context) throws InterruptedException {
        String code = Values.stockCode("code", context.task().subject());
        HttpResponse<byte[]> response = context.send(HttpRequest.newBuilder(
                URI.create(config.baseUrl() + "/api/quotes/A" + code + "?summary=false&changeStatistics=true"))
                .header("Referer", "https://finance.daum.net/quotes/A" + code)
                .header("Accept", "application/json")
                .GET(), ResponseCheck.STANDARD);
        if (response.statusCode() != 200) {
            throw new RejectedRequestException("Daum answered HTTP " + response.statusCode());
        }
        JsonNode quote = JsonBodies.parse(response.body());
        try {
            return FetchResult.of(List.of(new Quote(code, "DAUM", required(quote, "tradePrice"),
                    number(quote, "openingPrice"), number(quote, "highPrice"), number(quote, "lowPrice"),
                    number(quote, "prevClosingPrice"), whole(quote, "accTradeVolume"),
                    number(quote, "accTradePrice"),
                    Values.compactDate("tradeDate", JsonBodies.text(quote, "tradeDate")))));
        } catch (RowException e) {
            throw new MalformedPayloadException("Daum quote: " + e.getMessage(), e);
        }
    }

    private static BigDecimal number(JsonNode quote, String field) {
        JsonNode value = quote.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw new RowException(field + " is not a number: " + value);
        }
        return value.decimalValue();
    }

    private static BigDecimal required(JsonNode quote, String field) {
        BigDecimal value = number(quote, field);
        if (value == null) {
            throw new RowException(field + " is missing");
        }
        return value;
    }

    private static Long whole(JsonNode quote, String field) {
        BigDecimal value = number(quote, field);
        return value == null ? null : value.longValue();
    }
}
