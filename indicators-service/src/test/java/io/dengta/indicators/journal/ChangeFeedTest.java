package io.dengta.indicators.journal;

import static io.dengta.indicators.catalog.CatalogFixtures.body;
import static io.dengta.indicators.catalog.CatalogFixtures.percentIndicator;
import static io.dengta.indicators.catalog.CatalogFixtures.standard;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class ChangeFeedTest {

    private static long head() {
        long after = 0;
        while (true) {
            Response page = given().auth().oauth2(Tokens.admin()).queryParam("after", after).queryParam("limit", 1000)
                    .get("/indicators/v1/changes");
            long next = ((Number) page.path("next")).longValue();
            if (next == after) {
                return after;
            }
            after = next;
        }
    }

    private static List<String> since(long start) {
        Response page = given().auth().oauth2(Tokens.role("bureau-analyst").region("320113").get())
                .queryParam("after", start).queryParam("limit", 1000).when().get("/indicators/v1/changes");
        page.then().statusCode(200);
        List<String> types = page.path("items.resourceType");
        List<String> keys = page.path("items.key");
        List<String> operations = page.path("items.operation");
        return java.util.stream.IntStream.range(0, types.size())
                .mapToObj(i -> types.get(i) + " " + keys.get(i) + " " + operations.get(i)).toList();
    }

    @Test
    void reportsEveryCatalogWriteInOrderWithItsAuditTrail() {
        long start = head();
        String admin = Tokens.role("catalog-admin").subject("catalog-editor").get();
        percentIndicator("zz.feed_rate", List.of());
        String standard = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(standard("zz.feed_rate", "000000", null, ">=", 80, null, 2020, null))
                .when().post("/indicators/v1/standards").then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body("name", "变更测试体系"))
                .when().put("/indicators/v1/frameworks/zz-feed").then().statusCode(201);
        Map<String, Object> version = body("dimensions", List.of(body("code", "one", "name", "一", "indicators",
                List.of(body("indicator", "zz.feed_rate", "weight", 100, "useStandard", true)))));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(version)
                .when().put("/indicators/v1/frameworks/zz-feed/versions/2024").then().statusCode(201);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(version)
                .when().put("/indicators/v1/frameworks/zz-feed/versions/2024").then().statusCode(200);
        given().auth().oauth2(admin).when().delete("/indicators/v1/frameworks/zz-feed/versions/2024")
                .then().statusCode(204);
        given().auth().oauth2(admin).when().delete("/indicators/v1/frameworks/zz-feed").then().statusCode(204);
        given().auth().oauth2(admin).when().delete("/indicators/v1/standards/" + standard).then().statusCode(204);
        given().auth().oauth2(admin).when().delete("/indicators/v1/indicators/zz.feed_rate").then().statusCode(204);

        assertEquals(List.of(
                "indicator zz.feed_rate upsert",
                "standard " + standard + " upsert",
                "framework zz-feed upsert",
                "framework-version zz-feed/2024 upsert",
                "framework-version zz-feed/2024 delete",
                "framework zz-feed delete",
                "standard " + standard + " delete",
                "indicator zz.feed_rate delete"), since(start));

        given().auth().oauth2(Tokens.admin()).queryParam("resourceType", "standard").queryParam("key", standard)
                .when().get("/indicators/v1/audit").then().statusCode(200)
                .body("operation", equalTo(List.of("delete", "create")))
                .body("[0].subject", equalTo("catalog-editor"))
                .body("[0].before.value", equalTo(80))
                .body("[1].after.jurisdiction", equalTo("000000"))
                .body("[1].requestId", notNullValue());
        given().auth().oauth2(Tokens.admin()).queryParam("resourceType", "framework-version")
                .queryParam("key", "zz-feed/2024").when().get("/indicators/v1/audit")
                .then().body("[1].after.weights.total", equalTo(100));
    }

    @Test
    void anUnchangedReplacementLeavesNoTrace() {
        percentIndicator("zz.quiet_rate", List.of());
        long start = head();
        percentIndicator("zz.quiet_rate", List.of());
        assertEquals(List.of(), since(start));
    }

    @Test
    void filtersByResourceTypeAndRejectsAMalformedSequence() {
        given().auth().oauth2(Tokens.role("data-feed").get()).queryParam("resourceType", "framework")
                .queryParam("limit", 1000).when().get("/indicators/v1/changes")
                .then().statusCode(200).body("items.resourceType.unique()", equalTo(List.of("framework")));
        given().auth().oauth2(Tokens.role("data-feed").get()).queryParam("after", "-1")
                .when().get("/indicators/v1/changes").then().statusCode(400).body("errors[0].pointer", equalTo("after"));
    }
}
