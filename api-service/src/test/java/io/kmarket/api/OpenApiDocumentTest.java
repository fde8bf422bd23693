package io.kmarket.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** What the OpenAPI document tells clients about adjusted series: the modes, and which adjustment feeds what. */
@QuarkusTest
class OpenApiDocumentTest {

    private static JsonPath document() {
        return given().accept("application/json").when().get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void pricesDescribeEveryAdjustmentMode() {
        JsonPath doc = document();
        String description = doc.getString("paths.'/api/v1/stocks/{code}/prices'.get.description");
        assertThat(description).contains("`none`", "`split`", "`total`", "reference-price ratio", "cash dividends",
                "divided by the day's split factor", "trading value and market cap are never adjusted",
                "adjustmentFactor");
        List<Map<String, Object>> parameters = doc.getList("paths.'/api/v1/stocks/{code}/prices'.get.parameters");
        assertThat(parameters).anySatisfy(p -> assertThat(p).containsEntry("name", "adjust"));
        assertThat(doc.getMap("paths.'/api/v1/stocks/{code}/prices'.get.responses")).containsKeys("400", "503");
    }

    @Test
    void indicatorsSayTheyAreComputedOnSplitAdjustedPrices() {
        assertThat(document().getString("paths.'/api/v1/stocks/{code}/indicators'.get.description"))
                .contains("split-adjusted prices", "total-adjusted returns");
    }

    @Test
    void theActionsRouteIsUnderTheStocksTag() {
        JsonPath doc = document();
        assertThat(doc.getList("paths.'/api/v1/stocks/{code}/actions'.get.tags", String.class))
                .containsExactly("stocks");
        assertThat(doc.getString("paths.'/api/v1/stocks/{code}/actions'.get.description"))
                .contains("withdrawnAt", "splitFactor", "totalFactor");
        assertThat(doc.getList("tags.name", String.class)).containsOnlyOnce("stocks");
    }
}
