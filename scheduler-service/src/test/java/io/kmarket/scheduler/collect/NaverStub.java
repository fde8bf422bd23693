package io.kmarket.scheduler.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.nio.charset.Charset;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** Naver fchart as WireMock: EUC-KR XML as the real site serves it. */
public final class NaverStub {

    public static final String PATH = "/naver/sise.nhn";

    private NaverStub() {
    }

    public static MappingBuilder chart(String symbol) {
        return get(urlPathEqualTo(PATH)).withQueryParam("symbol", equalTo(symbol))
                .withQueryParam("timeframe", equalTo("day"));
    }

    static ResponseDefinitionBuilder samsung() {
        return xml(UpstreamStub.sample("naver/sise_005930.xml"));
    }

    /**
     * A chart of the given {@code YYYYMMDD|open|high|low|close|volume} items (oldest first) in the byte layout of the
     * recorded answer (upstream/naver/sise_005930.xml; the sandbox renders the same), EUC-KR encoded.
     */
    public static ResponseDefinitionBuilder bars(String symbol, String name, String... items) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"EUC-KR\" ?>\n\n<protocol>\n\n\n\n\t\n\t\n")
                .append("\t\t\t<chartdata symbol=\"").append(symbol).append("\" name=\"").append(name)
                .append("\" count=\"").append(items.length)
                .append("\" timeframe=\"day\" precision=\"0\" origintime=\"19900103\">\n");
        for (String item : items) {
            xml.append("\t\t\t\n\t\t\t\t<item data=\"").append(item).append("\" />\n");
        }
        xml.append("\t\t\t\n\t\n\n\n\t</chartdata>\n</protocol>\n");
        return xml(xml.toString().getBytes(Charset.forName("EUC-KR")));
    }

    private static ResponseDefinitionBuilder xml(byte[] body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml;charset=EUC-KR").withBody(body);
    }
}
