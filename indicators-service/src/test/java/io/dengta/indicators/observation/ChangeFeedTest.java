package io.dengta.indicators.observation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class ChangeFeedTest {

    static long head() {
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

    @Test
    void reportsUpsertsAndDeletesAsTombstonesKeyedByTheObservationsPath() {
        long start = head();
        String key = "qb.key_teachers_per100/3201135001/2023Sep?stage=junior";
        String path = ObservationResourceTest.BASE + "qb.key_teachers_per100/3201135001/2023Sep";
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).queryParam("stage", "junior")
                .body("{\"region\": \"320113\", \"value\": 1.5}")
                .put(path).then().statusCode(201);
        given().auth().oauth2(Tokens.admin()).queryParam("stage", "junior").delete(path).then().statusCode(204);

        given().auth().oauth2(Tokens.role("data-feed").region("320100").get()).queryParam("after", start)
                .when().get("/indicators/v1/changes")
                .then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items[0].resourceType", equalTo("observation"))
                .body("items[0].key", equalTo(key))
                .body("items[0].operation", equalTo("upsert"))
                .body("items[0].region", equalTo("320113"))
                .body("items[0].school", equalTo("3201135001"))
                .body("items[1].key", equalTo(key))
                .body("items[1].operation", equalTo("delete"));

        given().auth().oauth2(Tokens.admin()).queryParam("resourceType", "observation").queryParam("key", key)
                .when().get("/indicators/v1/audit")
                .then().statusCode(200)
                .body("operation", equalTo(List.of("delete", "create")))
                .body("[0].before.value", equalTo(1.5f))
                .body("[1].after.stage", equalTo("junior"))
                .body("[1].requestId", notNullValue());
    }

    @Test
    void feedIsScopedToTheCallersRegion() {
        long start = head();
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body("{\"value\": 800}")
                .put(ObservationResourceTest.BASE + "cap.seats_added/320214/2023").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        given().auth().oauth2(Tokens.role("data-feed").region("320100").get()).queryParam("after", start)
                .when().get("/indicators/v1/changes")
                .then().statusCode(200).body("items.key", not(hasItem("cap.seats_added/320214/2023")));
        given().auth().oauth2(Tokens.role("bureau-analyst").region("320200").get()).queryParam("after", start)
                .queryParam("resourceType", "observation")
                .when().get("/indicators/v1/changes")
                .then().statusCode(200).body("items.key", hasItem("cap.seats_added/320214/2023"));
    }

    @Test
    void onlyAdminsReadTheAuditAndViewersNotTheFeed() {
        given().auth().oauth2(Tokens.role("bureau-analyst").region("320113").get()).get("/indicators/v1/audit")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.role("viewer").region("320113").get()).get("/indicators/v1/changes")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).queryParam("after", "x").get("/indicators/v1/changes")
                .then().statusCode(400).body("errors[0].pointer", equalTo("after"));
    }
}
