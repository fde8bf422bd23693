package io.kmarket.scheduler.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** KRX Data Marketplace as WireMock: login flow, LOGOUT without a session, data answers as text/html JSON. */
public final class KrxStub {

    public static final String DATA = "/krx/comm/bldAttendant/getJsonData.cmd";
    public static final String LOGIN = "/krx/contents/MDC/COMS/client/MDCCOMS001D1.cmd";
    static final String SESSION = "logged-in-session";

    private KrxStub() {
    }

    /** The login pages and a login that accepts the configured member; data without the session says LOGOUT. */
    public static void install() {
        var server = UpstreamStub.server();
        server.stubFor(get(urlPathEqualTo("/krx/contents/MDC/COMS/client/MDCCOMS001.cmd"))
                .willReturn(aResponse().withHeader("Set-Cookie", "JSESSIONID=anonymous; Path=/")
                        .withHeader("Content-Type", "text/html; charset=utf-8").withBody("<html></html>")));
        server.stubFor(get(urlPathEqualTo("/krx/contents/MDC/COMS/client/view/login.jsp"))
                .willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
                        .withBody("<html>login</html>")));
        server.stubFor(post(urlPathEqualTo(LOGIN))
                .withRequestBody(containing("mbrId=" + UpstreamStub.KRX_USER))
                .withRequestBody(containing("pw=" + UpstreamStub.KRX_PASSWORD))
                .willReturn(aResponse().withHeader("Set-Cookie", "JSESSIONID=" + SESSION + "; Path=/; HttpOnly")
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody("{\"_error_code\":\"CD001\",\"_error_message\":\"정상\"}")));
        server.stubFor(post(urlPathEqualTo(DATA)).atPriority(10)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "text/html").withBody("LOGOUT")));
    }

    /** A data answer for the bld and form fields, served only to the logged-in session. */
    public static MappingBuilder data(String bld, Map<String, String> fields) {
        MappingBuilder mapping = post(urlPathEqualTo(DATA)).atPriority(1)
                .withCookie("JSESSIONID", equalTo(SESSION))
                .withRequestBody(containing("bld=" + URLEncoder.encode(bld, StandardCharsets.UTF_8)));
        fields.forEach((k, v) -> mapping.withRequestBody(containing(k + "=" + v)));
        return mapping;
    }

    public static ResponseDefinitionBuilder json(byte[] body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8").withBody(body);
    }

    public static void answer(String bld, Map<String, String> fields, String sample) {
        UpstreamStub.server().stubFor(data(bld, fields).willReturn(json(UpstreamStub.sample(sample))));
    }

    public static int logins() {
        return UpstreamStub.server().countRequestsMatching(postRequestedFor(urlPathEqualTo(LOGIN)).build())
                .getCount();
    }
}
