package io.kmarket.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;

/** Each kind of bad input is a 400 problem naming the parameter that was wrong. */
@QuarkusTest
class ValidationTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/v1/stocks/5930/prices                                   |                                    | code
            /api/v1/stocks/005930a/prices                                |                                    | code
            /api/v1/stocks/00593o/indicators                             |                                    | code
            /api/v1/stocks/abcdef                                        |                                    | code
            /api/v1/stocks/0059301/prediction                            |                                    | code
            /api/v1/stocks/005930/prices                                 | from=2024-13-01                    | from
            /api/v1/stocks/005930/prices                                 | from=2024-02-30                    | from
            /api/v1/stocks/005930/prices                                 | to=20240101                        | to
            /api/v1/stocks/005930/prices                                 | from=0001-01-01                    | from
            /api/v1/stocks/005930/prices                                 | from=2024-05-02&to=2024-05-01      | from
            /api/v1/stocks/005930/prices                                 | from=1990-01-01&to=2024-01-01      | to
            /api/v1/stocks/005930/indicators                             | from=yesterday                     | from
            /api/v1/indices/1001/prices                                  | from=2024-01-01&to=2023-01-01      | from
            /api/v1/stocks/00593o/history                                |                                    | code
            /api/v1/stocks/005930/history                                | asOf=2024-02-30                    | asOf
            /api/v1/stocks/005930/history                                | asOf=20240101                      | asOf
            /api/v1/stocks                                               | limit=0                            | limit
            /api/v1/stocks                                               | limit=1001                         | limit
            /api/v1/stocks                                               | limit=ten                          | limit
            /api/v1/stocks                                               | limit=99999999999999999999         | limit
            /api/v1/stocks                                               | market=NYSE                        | market
            /api/v1/stocks                                               | q=가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가 | q
            /api/v1/stocks                                               | cursor=not-a-cursor!               | cursor
            /api/v1/disclosures                                          | code=5930                          | code
            /api/v1/disclosures                                          | limit=-1                           | limit
            /api/v1/disclosures                                          | cursor=MXxkaXNjbG9zdXJlfHh8eQ      | cursor
            /api/v1/reports/not-a-uuid                                   |                                    | id
            /api/v1/reports/123/html                                     |                                    | id
            """)
    void badParameterIs400NamingIt(String path, String query, String parameter) {
        var request = given().urlEncodingEnabled(true);
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                request.queryParam(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        request.when().get(path)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("parameter", equalTo(parameter))
                .body("detail", containsString(parameter));
    }

    @ParameterizedTest(name = "POST {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"code":"5930"}                        | code
            {"code":null}                          | code
            {}                                     | code
            {"code":"005930","asOf":"2024-1-1"}    | asOf
            {"code":["005930"]}                    | code
            {"code":5930}                          | code
            [1,2,3]                                | body
            {"code":                               | body
            """)
    void badReportRequestIs400NamingTheField(String body, String parameter) {
        given().contentType("application/json").body(body)
                .when().post("/api/v1/reports")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo(parameter));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            text/plain
            application/x-www-form-urlencoded
            application/xml
            """)
    void aReportRequestThatIsNotJsonIs415(String contentType) {
        given().contentType(contentType).body(Map.of("code", "005930").toString())
                .when().post("/api/v1/reports")
                .then().statusCode(415).contentType("application/problem+json");
    }
}
