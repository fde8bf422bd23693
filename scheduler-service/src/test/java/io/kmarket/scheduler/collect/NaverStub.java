package io.kmarket.scheduler.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** Naver fchart as WireMock: EUC-KR XML as the real site serves it. */
final class NaverStub {

    static final String PATH = "/naver/sise.nhn";

    private NaverStub() {
    }

    static MappingBuilder chart(String symbol) {
        return get(urlPathEqualTo(PATH)).withQueryParam("symbol", equalTo(symbol))
                .withQueryParam("timeframe", equalTo("day"));
    }

    static ResponseDefinitionBuilder samsung() {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml;charset=EUC-KR")
                .withBody(UpstreamStub.sample("naver/sise_005930.xml"));
    }
}
