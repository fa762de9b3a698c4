package io.dengta.commons.requestid;

import static io.dengta.commons.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Every request carries an X-Request-Id: generated when absent or malformed, echoed when well formed,
 * seen by the resource and the logging context, returned, written into problems and propagated downstream.
 */
@QuarkusTest
class RequestIdTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String SEEN = "/test/v1/request-id";

    @Test
    void generatedWhenAbsentAndSeenByTheResource() {
        Response r = given().get(SEEN);
        r.then().statusCode(200);
        String id = r.header(RequestIds.HEADER);
        assertThat(id, matchesPattern(UUID));
        assertThat(r.jsonPath().getString("header"), equalTo(id));
        assertThat(r.jsonPath().getString("mdc"), equalTo(id));
    }

    @Test
    void eachRequestGetsItsOwnId() {
        String first = given().get(SEEN).header(RequestIds.HEADER);
        String second = given().get(SEEN).header(RequestIds.HEADER);
        assertThat(second, not(equalTo(first)));
    }

    @Test
    void wellFormedIdIsEchoed() {
        String given = "abc-123_X.y:z";
        Response r = given().header(RequestIds.HEADER, given).get(SEEN);
        assertThat(r.header(RequestIds.HEADER), equalTo(given));
        assertThat(r.jsonPath().getString("header"), equalTo(given));
        assertThat(r.jsonPath().getString("mdc"), equalTo(given));
    }

    @Test
    void idOf128CharactersIsEchoed() {
        String given = "a".repeat(128);
        assertThat(given().header(RequestIds.HEADER, given).get(SEEN).header(RequestIds.HEADER), equalTo(given));
    }

    @Test
    void idWithSpacesIsReplaced() {
        Response r = given().header(RequestIds.HEADER, "abc def").get(SEEN);
        assertThat(r.header(RequestIds.HEADER), matchesPattern(UUID));
        assertThat(r.jsonPath().getString("header"), equalTo(r.header(RequestIds.HEADER)));
    }

    @Test
    void idThatCouldForgeLogLinesIsReplaced() {
        Response r = given().header(RequestIds.HEADER, "abc] [rid:admin").get(SEEN);
        assertThat(r.header(RequestIds.HEADER), matchesPattern(UUID));
    }

    @Test
    void idLongerThan128CharactersIsReplaced() {
        Response r = given().header(RequestIds.HEADER, "a".repeat(129)).get(SEEN);
        assertThat(r.header(RequestIds.HEADER), matchesPattern(UUID));
    }

    @Test
    void problemBodyCarriesTheGivenId() {
        Response r = given().header(RequestIds.HEADER, "trace-42").get("/no/such/route");
        JsonPath p = assertProblem(r, 404, "not-found", "/no/such/route");
        assertThat(p.getString("requestId"), equalTo("trace-42"));
    }

    @Test
    void problemBodyCarriesTheGeneratedId() {
        Response r = given().header(RequestIds.HEADER, "bad id").get("/test/v1/things");
        JsonPath p = assertProblem(r, 401, "unauthorized", "/test/v1/things");
        assertThat(p.getString("requestId"), matchesPattern(UUID));
    }

    @Test
    void problemOfA500CarriesTheId() {
        Response r = given().header(RequestIds.HEADER, "boom-1").get("/test/v1/things/boom");
        assertThat(assertProblem(r, 500, "internal", "/test/v1/things/boom").getString("requestId"),
                equalTo("boom-1"));
    }

    @Test
    void operationalEndpointsReturnAnIdToo() {
        Response r = given().get("/q/health/live");
        r.then().statusCode(200);
        assertThat(r.header(RequestIds.HEADER), matchesPattern(UUID));
    }

    @Test
    void idIsPropagatedToDownstreamCalls() {
        Response r = given().header(RequestIds.HEADER, "chain-7").get(SEEN + "/downstream");
        r.then().statusCode(200);
        assertThat(r.jsonPath().getString("header"), equalTo("chain-7"));
        assertThat(r.jsonPath().getString("mdc"), equalTo("chain-7"));
    }

    @Test
    void generatedIdIsPropagatedToDownstreamCalls() {
        Response r = given().get(SEEN + "/downstream");
        r.then().statusCode(200);
        assertThat(r.jsonPath().getString("header"), equalTo(r.header(RequestIds.HEADER)));
    }
}
