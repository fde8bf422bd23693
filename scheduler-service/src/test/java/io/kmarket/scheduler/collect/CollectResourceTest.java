package io.kmarket.scheduler.collect;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.kmarket.kit.internal.InternalTokenFilter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** POST /internal/collect starts a plan; GET /internal/collect/{id} follows it, over real HTTP. */
@QuarkusTest
class CollectResourceTest {

    static final String TOKEN = "test-internal-token";

    @Test
    void aPlanStartsAndItsProgressCanBeFollowedToTheEnd() {
        KrxStub.install();
        KrxStub.answer("dbms/MDC/STAT/standard/MDCSTAT00401", Map.of("idxIndMidclssCd", "02"),
                "krx/mdcstat00401_02.json");
        String runId = given().header(InternalTokenFilter.HEADER, TOKEN).contentType(ContentType.JSON)
                .body("{\"plan\":\"tasks\",\"tasks\":[{\"site\":\"KRX\",\"dataset\":\"INDEX_LIST\",\"subject\":\"02\"}]}")
                .when().post("/internal/collect")
                .then().statusCode(202).header("Location", containsString("/internal/collect/"))
                .body("total", is(1)).extract().path("runId");

        await().atMost(Duration.ofSeconds(30)).until(() -> !"running".equals(given()
                .header(InternalTokenFilter.HEADER, TOKEN).get("/internal/collect/" + runId).path("status")));

        given().header(InternalTokenFilter.HEADER, TOKEN).get("/internal/collect/" + runId)
                .then().statusCode(200).body("status", equalTo("succeeded")).body("done", is(1))
                .body("summary.recordsStored", is(3)).body("summary.tasksSucceeded", is(1));
    }

    @Test
    void aBadPlanIsAProblemNamingWhatWasWrong() {
        given().header(InternalTokenFilter.HEADER, TOKEN).contentType(ContentType.JSON)
                .body("{\"plan\":\"dailyMarket\",\"date\":\"2026-13-01\"}")
                .when().post("/internal/collect")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("date is not a date"));
        given().header(InternalTokenFilter.HEADER, TOKEN).contentType(ContentType.JSON)
                .body("{\"plan\":\"everything\"}")
                .when().post("/internal/collect")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("unknown plan 'everything'"));
        given().header(InternalTokenFilter.HEADER, TOKEN).contentType(ContentType.JSON)
                .body("{\"plan\":")
                .when().post("/internal/collect")
                .then().statusCode(400);
    }

    @Test
    void anUnknownRunIsNotFound() {
        given().header(InternalTokenFilter.HEADER, TOKEN)
                .get("/internal/collect/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).contentType("application/problem+json");
        given().header(InternalTokenFilter.HEADER, TOKEN).get("/internal/collect/not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
