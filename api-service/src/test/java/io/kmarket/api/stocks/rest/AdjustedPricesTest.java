package io.kmarket.api.stocks.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kmarket.api.SeededActions;
import io.kmarket.api.SeededMarket;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class AdjustedPricesTest {

    /** The answers of the unadjusted route before adjust existed, written down by hand from the seeded rows. */
    private static final String PLAIN_JSON = "{\"code\":\"160040\",\"from\":\"2021-03-03\",\"to\":\"2021-03-05\",\"prices\":["
            + "{\"date\":\"2021-03-03\",\"open\":1000,\"high\":1100,\"low\":900,\"close\":1050,\"volume\":12345,"
            + "\"tradingValue\":12962250,\"marketCap\":3000000000000},"
            + "{\"date\":\"2021-03-04\",\"open\":1050,\"high\":1060,\"low\":1000,\"close\":1010,\"volume\":0,"
            + "\"tradingValue\":0,\"marketCap\":null},"
            + "{\"date\":\"2021-03-05\",\"open\":1010,\"high\":1200,\"low\":1010,\"close\":1190,\"volume\":987654321,"
            + "\"tradingValue\":1175308641990,\"marketCap\":3400000000000}]}";
    private static final String PLAIN_CSV = "date,open,high,low,close,volume,trading_value,market_cap\r\n"
            + "2021-03-03,1000,1100,900,1050,12345,12962250,3000000000000\r\n"
            + "2021-03-04,1050,1060,1000,1010,0,0,\r\n"
            + "2021-03-05,1010,1200,1010,1190,987654321,1175308641990,3400000000000\r\n";

    @BeforeAll
    static void seed() {
        SeededMarket.ensureSeeded();
        SeededActions.ensureSeeded();
    }

    @Test
    void withoutAdjustOrWithNoneTheAnswerIsByteForByteTheUnadjustedOne() {
        for (String adjust : new String[] { null, "none" }) {
            Response json = plainPrices(adjust, "application/json");
            assertThat(json.asByteArray()).isEqualTo(PLAIN_JSON.getBytes(StandardCharsets.UTF_8));
            assertThat(json.header("ETag")).isEqualTo(etagOf(PLAIN_JSON));
            Response csv = plainPrices(adjust, "text/csv");
            assertThat(csv.asByteArray()).isEqualTo(PLAIN_CSV.getBytes(StandardCharsets.UTF_8));
            assertThat(csv.header("ETag")).isEqualTo(etagOf(PLAIN_CSV));
            assertThat(csv.contentType()).isEqualTo("text/csv;charset=UTF-8");
        }
    }

    private static Response plainPrices(String adjust, String accept) {
        var request = given().accept(accept).queryParam("from", "2021-03-03").queryParam("to", "2021-03-05");
        if (adjust != null) {
            request.queryParam("adjust", adjust);
        }
        return request.when().get("/api/v1/stocks/" + SeededActions.PLAIN + "/prices").then().statusCode(200)
                .extract().response();
    }

    /** The ETag as the API has always computed it: CRC-32C, CRC-32 and the length of the body, in hex. */
    private static String etagOf(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        CRC32C castagnoli = new CRC32C();
        castagnoli.update(bytes);
        CRC32 ieee = new CRC32();
        ieee.update(bytes);
        return "\"%08x%08x%08x\"".formatted(castagnoli.getValue(), ieee.getValue(), bytes.length);
    }
}
