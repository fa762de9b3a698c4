package io.dengta.indicators.observation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.dengta.testing.PostgresTestResource;
import io.dengta.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ObservationResourceTest {

    static final String BASE = "/indicators/v1/observations/";

    static String feed() {
        return Tokens.role("data-feed").region("320100").client("nanjing-city-feed").subject("nanjing-feed").get();
    }

    static String body(String region, String value, String numerator, String denominator, String status) {
        StringBuilder b = new StringBuilder("{\"value\": ").append(value);
        if (region != null) {
            b.append(", \"region\": \"").append(region).append('"');
        }
        if (numerator != null) {
            b.append(", \"numerator\": ").append(numerator).append(", \"denominator\": ").append(denominator);
        }
        if (status != null) {
            b.append(", \"status\": \"").append(status).append('"');
        }
        return b.append(", \"source\": \"synthetic-demo\"}").toString();
    }

    @Test
    void createsReadsReplacesAndLeavesAnIdenticalReplacementAlone() {
        String path = BASE + "qb.class_size_compliance/3201131001/2024Sep";
        String etag = given().auth().oauth2(feed()).contentType(ContentType.JSON).queryParam("stage", "primary")
                .body(body("320113", "87.5", "35", "40", null))
                .when().put(path)
                .then().statusCode(201)
                .header("Location", containsString(path + "?stage=primary"))
                .body("indicator", equalTo("qb.class_size_compliance"))
                .body("unitType", equalTo("school"))
                .body("region", equalTo("320113"))
                .body("periodType", equalTo("school-year"))
                .body("stage", equalTo("primary"))
                .body("value", equalTo(87.5f))
                .body("status", equalTo("submitted"))
                .body("version", equalTo(0))
                .extract().header("ETag");

        given().auth().oauth2(Tokens.role("bureau-analyst").region("320113").get()).queryParam("stage", "primary")
                .when().get(path)
                .then().statusCode(200)
                .header("ETag", equalTo(etag))
                .body("numerator", equalTo(35))
                .body("denominator", equalTo(40));
        given().auth().oauth2(feed()).queryParam("stage", "primary").header("If-None-Match", etag)
                .when().get(path).then().statusCode(304);

        given().auth().oauth2(feed()).contentType(ContentType.JSON).queryParam("stage", "primary").header("If-Match", etag)
                .body(body("320113", "87.50", "35", "40", null))
                .when().put(path)
                .then().statusCode(200)
                .header("ETag", equalTo(etag))
                .body("version", equalTo(0));

        String replaced = given().auth().oauth2(feed()).contentType(ContentType.JSON).queryParam("stage", "primary")
                .header("If-Match", etag).body(body("320113", "90", "36", "40", "approved"))
                .when().put(path)
                .then().statusCode(200)
                .body("value", equalTo(90))
                .body("status", equalTo("approved"))
                .body("version", equalTo(1))
                .extract().header("ETag");

        given().auth().oauth2(feed()).contentType(ContentType.JSON).queryParam("stage", "primary").header("If-Match", etag)
                .body(body("320113", "80", "32", "40", null))
                .when().put(path)
                .then().statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:dengta:problem:precondition-failed"));
        given().auth().oauth2(feed()).queryParam("stage", "primary").header("If-Match", etag)
                .when().delete(path).then().statusCode(412);

        given().auth().oauth2(feed()).queryParam("stage", "primary").when().get(path + "/history")
                .then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items.operation", equalTo(List.of("update", "create")))
                .body("items[0].subject", equalTo("nanjing-feed"))
                .body("items[0].client", equalTo("nanjing-city-feed"))
                .body("items[0].before.value", equalTo(87.5f))
                .body("items[0].after.value", equalTo(90))
                .body("items[0].at", notNullValue())
                .body("items[1].before", nullValue());
        given().auth().oauth2(Tokens.admin()).header("If-Match", replaced).queryParam("stage", "primary")
                .when().delete(path).then().statusCode(204);
    }

    @Test
    void deleteIsSoftHistoryRemainsAndAPutCreatesItAgain() {
        String path = BASE + "cap.seats_added/320113/2023";
        given().auth().oauth2(feed()).contentType(ContentType.JSON).body(body(null, "4500", null, null, "approved"))
                .when().put(path).then().statusCode(201).body("region", equalTo("320113")).body("unitType", equalTo("region"));
        given().auth().oauth2(feed()).when().delete(path).then().statusCode(204);

        given().auth().oauth2(Tokens.admin()).when().get(path).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(feed()).when().delete(path).then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).when().get(path + "/history")
                .then().statusCode(200)
                .body("items.operation", equalTo(List.of("delete", "create")))
                .body("items[0].before.value", equalTo(4500))
                .body("items[0].after", nullValue());

        given().auth().oauth2(feed()).contentType(ContentType.JSON).body(body(null, "4600", null, null, "approved"))
                .when().put(path).then().statusCode(201).body("value", equalTo(4600)).body("version", equalTo(2));
        given().auth().oauth2(Tokens.admin()).when().get(path).then().statusCode(200).body("value", equalTo(4600));
        given().auth().oauth2(Tokens.admin()).when().get(path + "/history")
                .then().statusCode(200).body("items.operation", equalTo(List.of("create", "delete", "create")));
    }

    @Test
    void historyPagesNewestFirst() {
        String path = BASE + "cap.teachers_recruited/320113/2022";
        for (int v = 1; v <= 5; v++) {
            given().auth().oauth2(feed()).contentType(ContentType.JSON).body(body(null, Integer.toString(1000 + v), null, null, null))
                    .when().put(path).then().statusCode(v == 1 ? 201 : 200);
        }
        String next = given().auth().oauth2(feed()).queryParam("limit", 3).when().get(path + "/history")
                .then().statusCode(200)
                .body("items.after.value", equalTo(List.of(1005, 1004, 1003)))
                .extract().path("next");
        given().auth().oauth2(feed()).queryParam("limit", 3).queryParam("cursor", next).when().get(path + "/history")
                .then().statusCode(200)
                .body("items.after.value", equalTo(List.of(1002, 1001)))
                .body("next", nullValue());
        given().auth().oauth2(feed()).queryParam("cursor", "abc").when().get(path + "/history")
                .then().statusCode(400).body("errors[0].pointer", equalTo("cursor"));
    }

    @Test
    void reportsEveryRuleViolationOfABodyAtOnce() {
        given().auth().oauth2(feed()).contentType(ContentType.JSON)
                .body("{\"value\": 120, \"numerator\": 3, \"status\": \"final\"}")
                .when().put(BASE + "qb.class_size_compliance/3201131002/2024Sep?stage=primary")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:dengta:problem:validation"))
                .body("errors.pointer", equalTo(List.of("/region", "/value", "/denominator", "/status")))
                .body("errors.code", equalTo(List.of("required", "out_of_range", "required", "unknown_value")));
    }

    @Test
    void reportsMalformedKeysOnTheirParameters() {
        given().auth().oauth2(feed()).contentType(ContentType.JSON).body(body("320113", "50", null, null, null))
                .when().put(BASE + "qb.class_size_compliance/32011/2024Q5")
                .then().statusCode(400)
                .body("errors.pointer", hasItems("unit", "period", "stage"))
                .body("errors.find { it.pointer == 'period' }.code", equalTo("invalid_period"))
                .body("errors.find { it.pointer == 'period' }.message", containsString("Q1 to Q4"));
        given().auth().oauth2(feed()).when().get(BASE + "qb.class_size_compliance/3201131001/2024sep?stage=primary")
                .then().statusCode(400)
                .body("errors[0].pointer", equalTo("period"))
                .body("errors[0].message", containsString("Sep"));
        given().auth().oauth2(feed()).when().get(BASE + "qb.class_size_compliance/3201131001/2024Sep")
                .then().statusCode(400)
                .body("errors[0].pointer", equalTo("stage"))
                .body("errors[0].code", equalTo("required"));
        given().auth().oauth2(feed()).contentType(ContentType.JSON).body("{\"value\": 1, \"colour\": \"red\"}")
                .when().put(BASE + "cap.seats_added/320113/2024")
                .then().statusCode(400)
                .body("errors[0].code", equalTo("unknown_field"));
    }

    @Test
    void anUnknownIndicatorIsNotFound() {
        given().auth().oauth2(feed()).when().get(BASE + "qb.nope/320113/2024")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(feed()).contentType(ContentType.JSON).body(body(null, "1", null, null, null))
                .when().put(BASE + "qb.nope/320113/2024")
                .then().statusCode(404).body("detail", containsString("qb.nope"));
    }

    @Test
    void aSingleStageIndicatorNeedsNoStageParameter() {
        given().auth().oauth2(feed()).contentType(ContentType.JSON).body(body(null, "62.5", "500", "800", null))
                .when().put(BASE + "pre.public_share/320113/2024")
                .then().statusCode(201)
                .header("Location", containsString("?stage=kindergarten"))
                .body("stage", equalTo("kindergarten"));
        given().auth().oauth2(feed()).queryParam("stage", "kindergarten").when().get(BASE + "pre.public_share/320113/2024")
                .then().statusCode(200).body("value", equalTo(62.5f));
        given().auth().oauth2(feed()).when().get(BASE + "pre.public_share/320113/2024")
                .then().statusCode(200);
    }

    @Test
    void stageBreakdownsOfAnIndicatorWithoutStagesAreSeparateObservations() {
        String path = BASE + "ce.pupil_teacher_ratio/3201131003/2024Sep";
        given().auth().oauth2(feed()).contentType(ContentType.JSON).body(body("320113", "15.2", null, null, null))
                .when().put(path).then().statusCode(201).body("stage", nullValue());
        given().auth().oauth2(feed()).contentType(ContentType.JSON).queryParam("stage", "junior")
                .body(body("320113", "11.8", null, null, null))
                .when().put(path).then().statusCode(201).body("stage", equalTo("junior"));
        given().auth().oauth2(feed()).when().get(path).then().statusCode(200).body("value", equalTo(15.2f));
        given().auth().oauth2(feed()).queryParam("stage", "junior").when().get(path).then().statusCode(200)
                .body("value", equalTo(11.8f));
    }

    @Test
    void rejectsCallerWithoutTokenAsProblem() {
        given().when().get(BASE + "cap.seats_added/320113/2024")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:dengta:problem:unauthorized"));
    }

    @Test
    void isReadyOnceMigrated() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
