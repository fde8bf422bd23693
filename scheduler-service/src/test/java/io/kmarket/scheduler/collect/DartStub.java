package io.kmarket.scheduler.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.nio.charset.StandardCharsets;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** OpenDART as WireMock: status in the body, HTTP 200 always. */
public final class DartStub {

    private DartStub() {
    }

    public static MappingBuilder endpoint(String name) {
        return get(urlPathEqualTo("/dart/api/" + name));
    }

    public static MappingBuilder list(String from, String to, int page) {
        return endpoint("list.json").withQueryParam("bgn_de", equalTo(from)).withQueryParam("end_de", equalTo(to))
                .withQueryParam("page_no", equalTo(Integer.toString(page)));
    }

    public static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody(body.getBytes(StandardCharsets.UTF_8));
    }

    static ResponseDefinitionBuilder sample(String path) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody(UpstreamStub.sample(path));
    }

    /** A list.json page in the real envelope, with rows shaped like the recorded ones. */
    public static String page(int page, int totalPages, String... rceptNos) {
        StringBuilder rows = new StringBuilder();
        for (String rceptNo : rceptNos) {
            if (!rows.isEmpty()) {
                rows.append(',');
            }
            rows.append("{\"corp_code\":\"00126380\",\"corp_name\":\"삼성전자\",\"stock_code\":\"005930\","
                    + "\"corp_cls\":\"Y\",\"report_nm\":\"임원ㆍ주요주주특정증권등소유상황보고서 \",\"rcept_no\":\""
                    + rceptNo + "\",\"flr_nm\":\"송재혁\",\"rcept_dt\":\"" + rceptNo.substring(0, 8)
                    + "\",\"rm\":\"\"}");
        }
        return "{\"status\":\"000\",\"message\":\"정상\",\"page_no\":" + page + ",\"page_count\":100,\"total_count\":"
                + (totalPages * 100) + ",\"total_page\":" + totalPages + ",\"list\":[" + rows + "]}";
    }
}
