package io.dengta.commons.problem;

import static io.dengta.commons.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.dengta.testing.PostgresTestResource;
import io.dengta.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Framework-level failures (unknown route, wrong method, media types, unreadable JSON, body too large)
 * are answered with problem+json. The two test resources declared here serve every test of the module.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ProblemDetailsForFrameworkFailuresTest {

    private static final String THINGS = "/test/v1/things";

    private static String analyst() {
        return Tokens.role("bureau-analyst").region("320113").get();
    }

    @Test
    void unknownRouteOutsideTheApiIs404Problem() {
        Response r = given().get("/no/such/route");
        JsonPath p = assertProblem(r, 404, "not-found", "/no/such/route");
        assertThat(p.getString("detail"), containsString("/no/such/route"));
    }

    @Test
    void unknownRouteInsideTheApiIs404Problem() {
        Response r = given().auth().oauth2(analyst()).get("/test/v1/no-such-collection");
        assertProblem(r, 404, "not-found", "/test/v1/no-such-collection");
    }

    @Test
    void notFoundExceptionFromAResourceIs404Problem() {
        assertProblem(given().get(THINGS + "/missing"), 404, "not-found", THINGS + "/missing");
    }

    @Test
    void wrongMethodIs405Problem() {
        Response r = given().auth().oauth2(analyst()).delete(THINGS);
        JsonPath p = assertProblem(r, 405, "method-not-allowed", THINGS);
        assertThat(p.getString("detail"), containsString("DELETE"));
    }

    @Test
    void wrongMethodNamesTheAllowedOnesInAllow() {
        // RFC 9110 15.5.6: a 405 must carry Allow
        Response r = given().auth().oauth2(analyst()).delete(THINGS);
        assertThat(r.statusCode(), equalTo(405));
        assertThat(r.header("Allow"), containsString("GET"));
        assertThat(r.header("Allow"), containsString("POST"));
        assertThat(r.header("Allow"), not(containsString("DELETE")));
    }

    @Test
    void wrongMethodOnATemplatedPathNamesThatPathsMethods() {
        Response r = given().auth().oauth2(analyst()).delete(THINGS + "/by-code/3201130001");
        assertProblem(r, 405, "method-not-allowed", THINGS + "/by-code/3201130001");
        assertThat(r.header("Allow"), equalTo("GET, HEAD, OPTIONS"));
    }

    @Test
    void wrongContentTypeIs415Problem() {
        Response r = given().auth().oauth2(analyst()).contentType("text/plain").body("name=x").post(THINGS);
        JsonPath p = assertProblem(r, 415, "unsupported-media-type", THINGS);
        assertThat(p.getString("detail"), containsString("text/plain"));
    }

    @Test
    void unacceptableMediaTypeIs406Problem() {
        Response r = given().auth().oauth2(analyst()).accept("application/xml").get(THINGS);
        assertProblem(r, 406, "not-acceptable", THINGS);
    }

    @Test
    void malformedJsonIs400MalformedRequestProblem() {
        Response r = given().auth().oauth2(analyst()).contentType(ContentType.JSON).body("{\"name\": \"x\",")
                .post(THINGS);
        JsonPath p = assertProblem(r, 400, "malformed-request", THINGS);
        assertThat(p.getList("errors"), nullValue());
    }

    @Test
    void unknownFieldIs400WithPointerToTheField() {
        Response r = given().auth().oauth2(analyst()).contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"capacitySeats\": 10, \"capacitySaets\": 11}").post(THINGS);
        JsonPath p = assertProblem(r, 400, "validation", THINGS);
        assertThat(p.getList("errors"), hasSize(1));
        assertThat(p.getString("errors[0].pointer"), equalTo("/capacitySaets"));
        assertThat(p.getString("errors[0].code"), equalTo("unknown_field"));
        assertThat(p.getString("errors[0].message"), containsString("capacitySaets"));
    }

    @Test
    void unknownNestedFieldPointsIntoTheList() {
        Response r = given().auth().oauth2(analyst()).contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"capacitySeats\": 10, \"items\": [{\"name\": \"a\"}, {\"colour\": \"red\"}]}")
                .post(THINGS);
        JsonPath p = assertProblem(r, 400, "validation", THINGS);
        assertThat(p.getString("errors[0].pointer"), equalTo("/items/1/colour"));
        assertThat(p.getString("errors[0].code"), equalTo("unknown_field"));
    }

    @Test
    void valueOfTheWrongFormatIs400WithPointer() {
        Response r = given().auth().oauth2(analyst()).contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"capacitySeats\": \"many\"}").post(THINGS);
        JsonPath p = assertProblem(r, 400, "validation", THINGS);
        assertThat(p.getString("errors[0].pointer"), equalTo("/capacitySeats"));
        assertThat(p.getString("errors[0].code"), equalTo("invalid_value"));
    }

    @Test
    void unknownEnumValueIs400WithPointer() {
        Response r = given().auth().oauth2(analyst()).contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"capacitySeats\": 10, \"stage\": \"primry\"}").post(THINGS);
        JsonPath p = assertProblem(r, 400, "validation", THINGS);
        assertThat(p.getString("errors[0].pointer"), equalTo("/stage"));
        assertThat(p.getString("errors[0].code"), equalTo("invalid_value"));
    }

    @Test
    void valueOfTheWrongJsonTypeIs400ProblemWithPointer() {
        // an object where a string belongs: Jackson's MismatchedInputException
        Response r = given().auth().oauth2(analyst()).contentType(ContentType.JSON)
                .body("{\"name\": {\"zh\": \"x\"}, \"capacitySeats\": 10}").post(THINGS);
        JsonPath p = assertProblem(r, 400, "validation", THINGS);
        assertThat(p.getString("errors[0].pointer"), equalTo("/name"));
        assertThat(p.getString("errors[0].code"), equalTo("invalid_type"));
    }

    @Test
    void bodyLargerThanTheLimitIs413Problem() {
        String big = "{\"name\": \"" + "x".repeat(100 * 1024) + "\", \"capacitySeats\": 1}";
        Response r = given().auth().oauth2(analyst()).contentType(ContentType.JSON).body(big).post(THINGS);
        assertProblem(r, 413, "payload-too-large", THINGS);
    }

    @Test
    void problemExceptionCarriesItsTypeDetailAndHeaders() {
        Response r = given().get(THINGS + "/rate-limited");
        JsonPath p = assertProblem(r, 429, "rate-limited", THINGS + "/rate-limited");
        assertThat(p.getString("detail"), equalTo("Slow down"));
        assertThat(r.header("Retry-After"), equalTo("30"));
    }

    @Test
    void problemOmitsEmptyMembers() {
        Response r = given().get(THINGS + "/rate-limited");
        assertThat(r.asString(), not(containsString("\"errors\"")));
        assertThat(r.asString(), not(containsString("null")));
    }

    @Test
    void failingPlainVertxRouteWithAStatusIsAProblem() {
        JsonPath p = assertProblem(given().get("/test/raw/unavailable"), 503, "dependency-unavailable",
                "/test/raw/unavailable");
        assertThat(p.getString("detail"), equalTo("Upstream indicators-service is down"));
        assertProblem(given().get("/test/raw/status-429"), 429, "rate-limited", "/test/raw/status-429");
    }
}
