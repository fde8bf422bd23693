package io.kmarket.api.actions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.kmarket.api.SeededActions;
import io.kmarket.api.SeededMarket;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ActionsResourceTest {

    @BeforeAll
    static void seed() {
        SeededMarket.ensureSeeded();
        SeededActions.ensureSeeded();
    }

    @Test
    void everyActionComesWithItsChecksAndTheFactorStepsWithdrawnOnesMarked() throws Exception {
        String body = given().when().get("/api/v1/stocks/" + SeededActions.SPLITTER + "/actions")
                .then().statusCode(200).contentType("application/json").header("ETag", org.hamcrest.Matchers.notNullValue())
                .extract().asString();
        JsonNode doc = new ObjectMapper().readTree(body);
        assertThat(doc.get("code").asText()).isEqualTo(SeededActions.SPLITTER);
        assertThat(doc.get("version").asLong()).isEqualTo(2);
        JsonNode actions = doc.get("actions");
        assertThat(actions).hasSize(3);

        JsonNode withdrawn = actions.get(0);
        assertThat(withdrawn.get("exDate").asText()).isEqualTo(SeededActions.WITHDRAWN_DAY.toString());
        assertThat(withdrawn.get("actionType").asText()).isEqualTo("unclassified");
        assertThat(withdrawn.get("withdrawnAt").asText()).isEqualTo("2021-05-02T00:00:00Z");
        assertThat(withdrawn.get("classifiedAt").isNull()).isTrue();
        assertThat(withdrawn.get("evidence").get("reason").asText()).startsWith("base above");
        assertThat(withdrawn.get("checks")).isEmpty();

        JsonNode split = actions.get(1);
        assertThat(split.get("exDate").asText()).isEqualTo(SeededActions.SPLIT_DAY.toString());
        assertThat(split.get("event").asText()).isEqualTo("reference_price");
        assertThat(split.get("actionType").asText()).isEqualTo("split");
        assertThat(split.get("sharesMultiplier").doubleValue()).isEqualTo(5.0);
        assertThat(split.get("previousClose").asLong()).isEqualTo(50_000);
        assertThat(split.get("referencePrice").asLong()).isEqualTo(SeededActions.SPLIT_BASE);
        assertThat(split.get("priceFactor").doubleValue()).isEqualTo(0.2);
        assertThat(split.get("sharesBefore").asLong()).isEqualTo(1_000_000);
        assertThat(split.get("sharesAfter").asLong()).isEqualTo(5_000_000);
        assertThat(split.get("sharesChangedOn").asText()).isEqualTo(SeededActions.SPLIT_DAY.toString());
        assertThat(split.get("cashAmount").isNull()).isTrue();
        assertThat(split.get("issuePrice").isNull()).isTrue();
        assertThat(split.get("evidence").get("m_obs").doubleValue()).isEqualTo(5.0);
        assertThat(split.get("source").asText()).isEqualTo("KRX");
        assertThat(split.get("detectedAt").asText()).isEqualTo("2021-05-01T00:00:00Z");
        assertThat(split.get("withdrawnAt").isNull()).isTrue();
        assertThat(split.get("checks")).hasSize(1);
        JsonNode check = split.get("checks").get(0);
        assertThat(check.get("source").asText()).isEqualTo("NAVER");
        assertThat(check.get("theirFactor").doubleValue()).isEqualTo(0.2001);
        assertThat(check.get("ourFactor").doubleValue()).isEqualTo(0.2);
        assertThat(check.get("agrees").asBoolean()).isTrue();
        assertThat(check.get("detail").asText()).isEqualTo("Naver implies 0.2001");
        assertThat(check.get("checkedAt").asText()).isEqualTo("2021-05-03T00:00:00Z");

        JsonNode dividend = actions.get(2);
        assertThat(dividend.get("event").asText()).isEqualTo("cash_dividend");
        assertThat(dividend.get("cashAmount").decimalValue()).isEqualByComparingTo("500");
        assertThat(dividend.get("referencePrice").isNull()).isTrue();
        assertThat(dividend.get("priceFactor").doubleValue()).isEqualTo(SeededActions.dividendFactor());

        JsonNode factors = doc.get("factors");
        assertThat(factors).hasSize(2);
        assertThat(factors.get(0).get("exDate").asText()).isEqualTo(SeededActions.SPLIT_DAY.toString());
        assertThat(factors.get(0).get("splitFactor").doubleValue()).isEqualTo(0.2);
        assertThat(factors.get(0).get("totalFactor").doubleValue())
                .isEqualTo(0.2 * SeededActions.dividendFactor());
        assertThat(factors.get(1).get("exDate").asText()).isEqualTo(SeededActions.DIVIDEND_DAY.toString());
        assertThat(factors.get(1).get("splitFactor").doubleValue()).isEqualTo(1.0);
    }

    @Test
    void csvHasOneLinePerActionWithItsStepEvidenceAndChecks() {
        String csv = given().accept("text/csv").when().get("/api/v1/stocks/" + SeededActions.SPLITTER + "/actions")
                .then().statusCode(200).contentType("text/csv;charset=UTF-8").extract().asString();
        long previous = SeededActions.splitterClose(SeededActions.previousWeekday(SeededActions.DIVIDEND_DAY));
        double factor = SeededActions.dividendFactor();
        long withdrawnPrevious = SeededActions.splitterClose(SeededActions.previousWeekday(SeededActions.WITHDRAWN_DAY));
        assertThat(csv.split("\r\n", -1)).containsExactly(
                "ex_date,event,action_type,shares_multiplier,cash_amount,issue_price,previous_close,reference_price,"
                        + "price_factor,shares_before,shares_after,shares_changed_on,source,detected_at,classified_at,"
                        + "updated_at,withdrawn_at,split_factor,total_factor,evidence,checks",
                "2021-01-15,reference_price,unclassified,,,," + withdrawnPrevious + "," + (withdrawnPrevious + 100)
                        + "," + ((withdrawnPrevious + 100.0) / withdrawnPrevious)
                        + ",,,,KRX,2021-05-01T00:00:00Z,,2021-05-02T00:00:00Z,2021-05-02T00:00:00Z,,,"
                        + "\"{\"\"reason\"\": \"\"base above the previous close with no share change\"\"}\",\"[]\"",
                "2021-02-01,reference_price,split,5,,,50000,10000,0.2,1000000,5000000,2021-02-01,KRX,"
                        + "2021-05-01T00:00:00Z,2021-05-01T00:00:00Z,2021-05-02T00:00:00Z,,0.2," + (0.2 * factor)
                        + ",\"{\"\"base\"\": 10000, \"\"m_obs\"\": 5.0}\",\"[{\"\"source\"\":\"\"NAVER\"\","
                        + "\"\"theirFactor\"\":0.2001,\"\"ourFactor\"\":0.2,\"\"agrees\"\":true,"
                        + "\"\"detail\"\":\"\"Naver implies 0.2001\"\",\"\"checkedAt\"\":\"\"2021-05-03T00:00:00Z\"\"}]\"",
                "2021-03-29,cash_dividend,cash_dividend,,500.00,," + previous + ",," + factor
                        + ",,,,KRX,2021-05-01T00:00:00Z,2021-05-01T00:00:00Z,2021-05-02T00:00:00Z,,1," + factor
                        + ",\"{\"\"fiscal_year\"\": 2020}\",\"[]\"",
                "");
    }

    @Test
    void aDelistedStocksActionsAreServedADisagreeingCheckIncluded() {
        given().when().get("/api/v1/stocks/" + SeededActions.DELISTED + "/actions")
                .then().statusCode(200)
                .body("actions.size()", equalTo(1))
                .body("actions[0].actionType", equalTo("capital_reduction"))
                .body("actions[0].sharesMultiplier", equalTo(0.1f))
                .body("actions[0].checks[0].agrees", equalTo(false))
                .body("actions[0].checks[0].theirFactor", equalTo(1.0f))
                .body("factors[0].exDate", equalTo(SeededActions.REDUCTION_DAY.toString()));
        given().when().get("/api/v1/stocks/" + SeededActions.DELISTED)
                .then().statusCode(200).body("delistedOn", equalTo("2021-04-30"));
    }

    @Test
    void aKnownStockWithoutActionsHasEmptyListsAndNoVersion() {
        given().when().get("/api/v1/stocks/" + SeededMarket.NO_DATA + "/actions")
                .then().statusCode(200)
                .body("actions", equalTo(List.of())).body("factors", equalTo(List.of()))
                .body("version", nullValue());
        given().accept("text/csv").when().get("/api/v1/stocks/" + SeededMarket.NO_DATA + "/actions")
                .then().statusCode(200).body(org.hamcrest.Matchers.endsWith("evidence,checks\r\n"));
    }

    @Test
    void anUnknownStockIs404AndABadCode400() {
        given().when().get("/api/v1/stocks/999997/actions")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("no stock with code 999997"));
        given().when().get("/api/v1/stocks/abc/actions")
                .then().statusCode(400).contentType("application/problem+json").body("parameter", equalTo("code"));
    }

    @Test
    void anUnchangedAnswerIs304() {
        String etag = given().when().get("/api/v1/stocks/" + SeededActions.SPLITTER + "/actions")
                .then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).when().get("/api/v1/stocks/" + SeededActions.SPLITTER + "/actions")
                .then().statusCode(304);
    }
}
