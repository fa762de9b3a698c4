package io.dengta.schools.statistics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.dengta.schools.statistics.StatisticsFixtures.A;
import static io.dengta.schools.statistics.StatisticsFixtures.B;
import static io.dengta.schools.statistics.StatisticsFixtures.CHENGGUAN;
import static io.dengta.schools.statistics.StatisticsFixtures.DUILONG;
import static io.dengta.schools.statistics.StatisticsFixtures.YEAR;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.dengta.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Publishing statistics to indicators-service, played by a WireMock stub (its import API does not exist yet): the
 * payload, the caller's token and request id passed on, the idempotency key, and the answers when it is down.
 */
@QuarkusTest
@QuarkusTestResource(IndicatorsStub.class)
class StatisticsPublishTest {

    private static final String IMPORTS = "/indicators/v1/imports";
    private static final String PROBLEM = "application/problem+json";

    @InjectIndicatorsStub
    WireMockServer indicators;

    @BeforeEach
    void reset() {
        StatisticsFixtures.ensure();
        indicators.resetAll();
        indicators.stubFor(post(urlPathEqualTo(IMPORTS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"created\": 67, \"updated\": 0, \"unchanged\": 0, \"rejected\": 0}")));
    }

    private static Response publish(String token, String region, String requestId) {
        var request = given().auth().oauth2(token).queryParam("region", region).queryParam("schoolYear", YEAR);
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return request.when().post("/schools/v1/statistics/publish");
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, String indicator, String unit, String stage) {
        return rows.stream()
                .filter(r -> indicator.equals(r.get("indicator")) && unit.equals(r.get("unit"))
                        && Objects.equals(stage, r.get("stage")))
                .findFirst().orElseThrow(() -> new AssertionError(indicator + " " + unit + " " + stage + " not sent"));
    }

    private static void assertDecimal(String expected, Object actual) {
        assertTrue(actual instanceof Number n && new BigDecimal(n.toString()).compareTo(new BigDecimal(expected)) == 0,
                () -> expected + " expected, was " + actual);
    }

    @Test
    void sendsTheRegionsAndEachSchoolsObservationsWithTheCallersTokenAndRequestId() {
        String token = Tokens.role("data-feed").region(CHENGGUAN).get();
        Response response = publish(token, CHENGGUAN, "publish-test-1");
        response.then().statusCode(200)
                .body("region", org.hamcrest.Matchers.equalTo(CHENGGUAN))
                .body("schoolYear", org.hamcrest.Matchers.equalTo(YEAR))
                .body("schools", org.hamcrest.Matchers.equalTo(2))
                .body("importStatus", org.hamcrest.Matchers.equalTo(201))
                .body("replayed", org.hamcrest.Matchers.equalTo(false))
                .body("importReport.created", org.hamcrest.Matchers.equalTo(67))
                .body("idempotencyKey", matchesPattern("schools-statistics:540102:2024Sep:[0-9a-f]{64}"));

        List<LoggedRequest> sent = indicators.findAll(postRequestedFor(urlPathEqualTo(IMPORTS)));
        assertEquals(1, sent.size());
        LoggedRequest request = sent.get(0);
        assertEquals("Bearer " + token, request.getHeader("Authorization"));
        assertEquals("publish-test-1", request.getHeader("X-Request-Id"));
        assertEquals(response.path("idempotencyKey"), request.getHeader("Idempotency-Key"));
        assertTrue(request.getHeader("Content-Type").startsWith("application/json"));

        List<Map<String, Object>> rows = StatisticsFixtures.rows(request.getBodyAsString());
        // region 540102: 31 rows (3 pupil-teacher ratios, 12 per-stage statistics (pupils included) × 2 stages, the
        // key-teacher share of rotation for primary only (junior has no rotated teacher: no value), seats); school A
        // (primary): 14; school B (primary, junior): 27. Not sent: statistics without a code or a value, and for
        // schools the region-only indicators (rotation, seats)
        assertEquals(72, rows.size());
        assertEquals(72, (int) response.path("rows"));
        Map<String, Object> regionRatio = row(rows, "ce.pupil_teacher_ratio", CHENGGUAN, "primary");
        assertEquals(YEAR, regionRatio.get("period"));
        assertEquals("schools-service", regionRatio.get("source"));
        // (540 + 600) / (10 + 4.5) = 78.62
        assertDecimal("78.62", regionRatio.get("value"));
        assertDecimal("1140", regionRatio.get("numerator"));
        assertDecimal("14.5", regionRatio.get("denominator"));
        assertDecimal("93.33", row(rows, "ce.pupil_teacher_ratio", CHENGGUAN, null).get("value"));
        assertDecimal("15.38", row(rows, "qb.teacher_rotation_rate", CHENGGUAN, "primary").get("value"));
        Map<String, Object> seats = row(rows, "cap.seats_added", CHENGGUAN, null);
        assertDecimal("540", seats.get("value"));
        assertTrue(seats.containsKey("denominator") && seats.get("denominator") == null);
        assertTrue(seats.containsKey("numerator") && seats.get("numerator") == null, "a count sends no numerator");
        assertEquals(null, regionRatio.get("region"), "a region's own row names no region");
        // school A: 540 / 10 = 54; school B junior: 400 / 2 = 200
        assertDecimal("54", row(rows, "ce.pupil_teacher_ratio", A, "primary").get("value"));
        assertTrue(((String) row(rows, "ce.pupil_teacher_ratio", A, "primary").get("region")).startsWith("5401"),
                "a school's row names its region, which indicators-service needs to check scope");
        assertDecimal("200", row(rows, "ce.pupil_teacher_ratio", B, "junior").get("value"));
        assertTrue(rows.stream().noneMatch(r -> r.get("unit").equals(A) && "qb.teacher_rotation_rate".equals(r.get("indicator"))),
                "rotation is a region-level indicator");
        assertTrue(rows.stream().noneMatch(r -> r.get("indicator") == null || r.get("value") == null));
    }

    @Test
    void publishesThePupilsOfEachStageOfEachSchoolAndTheirSumForTheRegion() {
        publish(Tokens.admin(), CHENGGUAN, null).then().statusCode(200);
        List<Map<String, Object>> rows = StatisticsFixtures.rows(
                indicators.findAll(postRequestedFor(urlPathEqualTo(IMPORTS))).get(0).getBodyAsString());
        // school A: 540 primary pupils; school B: 600 primary and 400 junior; the region: 540 + 600 = 1140 primary,
        // 400 junior. A count: the value alone, no numerator or denominator; no row over all stages
        Map<String, Object> schoolA = row(rows, "ce.pupils", A, "primary");
        assertDecimal("540", schoolA.get("value"));
        assertTrue(schoolA.get("numerator") == null && schoolA.get("denominator") == null, "a count sends the value only");
        assertDecimal("600", row(rows, "ce.pupils", B, "primary").get("value"));
        assertDecimal("400", row(rows, "ce.pupils", B, "junior").get("value"));
        assertDecimal("1140", row(rows, "ce.pupils", CHENGGUAN, "primary").get("value"));
        assertDecimal("400", row(rows, "ce.pupils", CHENGGUAN, "junior").get("value"));
        assertEquals(5, rows.stream().filter(r -> "ce.pupils".equals(r.get("indicator"))).count());
        assertTrue(rows.stream().noneMatch(r -> "ce.pupils".equals(r.get("indicator")) && r.get("stage") == null));
    }

    @Test
    void republishingUnchangedStatisticsSendsTheSameIdempotencyKey() {
        String token = Tokens.role("data-feed").region(CHENGGUAN).get();
        String first = publish(token, CHENGGUAN, null).then().statusCode(200).extract().path("idempotencyKey");
        indicators.stubFor(post(urlPathEqualTo(IMPORTS)).willReturn(aResponse().withStatus(201)
                .withHeader("Idempotent-Replayed", "true").withHeader("Content-Type", "application/json")
                .withBody("{\"created\": 67, \"updated\": 0, \"unchanged\": 0, \"rejected\": 0}")));
        String second = publish(Tokens.admin(), CHENGGUAN, null).then().statusCode(200)
                .body("replayed", org.hamcrest.Matchers.equalTo(true))
                .extract().path("idempotencyKey");
        assertEquals(first, second);
        List<LoggedRequest> sent = indicators.findAll(postRequestedFor(urlPathEqualTo(IMPORTS)));
        assertEquals(2, sent.size());
        assertEquals(sent.get(0).getHeader("Idempotency-Key"), sent.get(1).getHeader("Idempotency-Key"));
        assertEquals(sent.get(0).getBodyAsString(), sent.get(1).getBodyAsString());
        // another region's statistics are another import
        String other = publish(Tokens.admin(), DUILONG, null).then().statusCode(200).extract().path("idempotencyKey");
        assertNotEquals(first, other);
        assertTrue(other.startsWith("schools-statistics:540103:2024Sep:"));
    }

    @Test
    void indicatorsServiceDownIsDependencyUnavailableWithRetryAfter() {
        indicators.stubFor(post(urlPathEqualTo(IMPORTS))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Response response = publish(Tokens.admin(), CHENGGUAN, "publish-down-1");
        response.then().statusCode(503).contentType(PROBLEM)
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("type", org.hamcrest.Matchers.equalTo("urn:dengta:problem:dependency-unavailable"))
                .body("requestId", org.hamcrest.Matchers.equalTo("publish-down-1"));
        // tried three times (two retries): the Idempotency-Key makes retrying safe
        List<LoggedRequest> sent = indicators.findAll(postRequestedFor(urlPathEqualTo(IMPORTS)));
        assertEquals(3, sent.size());
        assertEquals(1, sent.stream().map(r -> r.getHeader("Idempotency-Key")).distinct().count());
    }

    @Test
    void indicatorsServiceAnswering503IsDependencyUnavailableWithItsRetryAfter() {
        indicators.stubFor(post(urlPathEqualTo(IMPORTS)).willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", "120").withHeader("Content-Type", PROBLEM)
                .withBody("{\"type\": \"urn:dengta:problem:dependency-unavailable\", \"status\": 503}")));
        publish(Tokens.admin(), CHENGGUAN, null).then().statusCode(503).contentType(PROBLEM)
                .header("Retry-After", org.hamcrest.Matchers.equalTo("120"))
                .body("type", org.hamcrest.Matchers.equalTo("urn:dengta:problem:dependency-unavailable"));
        assertEquals(3, indicators.findAll(postRequestedFor(urlPathEqualTo(IMPORTS))).size());
    }

    @Test
    void indicatorsServiceRefusingTheCallersTokenIsForbiddenAndNotRetried() {
        indicators.stubFor(post(urlPathEqualTo(IMPORTS)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", PROBLEM).withBody("{\"status\": 403}")));
        publish(Tokens.role("data-feed").region(CHENGGUAN).get(), CHENGGUAN, null)
                .then().statusCode(403).contentType(PROBLEM)
                .body("type", org.hamcrest.Matchers.equalTo("urn:dengta:problem:forbidden"));
        assertEquals(1, indicators.findAll(postRequestedFor(urlPathEqualTo(IMPORTS))).size());
    }

    /** Role × scope → status of a publish; refused callers never reach indicators-service. */
    @Test
    void accessMatrixOfPublishing() {
        record Case(String who, String token, int status) {
        }
        List<Case> cases = List.of(
                new Case("platform-admin", Tokens.admin(), 200),
                new Case("school-clerk of a school of the region", Tokens.role("school-clerk").school(A).get(), 403),
                new Case("school-clerk of another school", Tokens.role("school-clerk").school("5401030011").get(), 403),
                new Case("data-feed of the region", Tokens.role("data-feed").region(CHENGGUAN).get(), 200),
                new Case("data-feed of another region", Tokens.role("data-feed").region(DUILONG).get(), 403),
                new Case("data-feed of the city", Tokens.role("data-feed").region(StatisticsFixtures.CITY).get(), 200),
                new Case("bureau-analyst of the region (imports are for data feeds)", Tokens.role("bureau-analyst").region(CHENGGUAN).get(), 403),
                new Case("viewer of the region", Tokens.role("viewer").region(CHENGGUAN).get(), 403),
                new Case("viewer of another region", Tokens.role("viewer").region("320113").get(), 403));
        int allowed = 0;
        for (Case c : cases) {
            Response response = publish(c.token(), CHENGGUAN, null);
            assertEquals(c.status(), response.statusCode(), c.who());
            if (c.status() == 403) {
                assertEquals(PROBLEM, response.contentType());
            } else {
                allowed++;
            }
        }
        assertEquals(allowed, indicators.findAll(postRequestedFor(urlPathEqualTo(IMPORTS))).size());
        // a district's data feed may not publish its city
        publish(Tokens.role("data-feed").region(CHENGGUAN).get(), StatisticsFixtures.CITY, null)
                .then().statusCode(403).contentType(PROBLEM);
        given().queryParam("region", CHENGGUAN).queryParam("schoolYear", YEAR)
                .when().post("/schools/v1/statistics/publish").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void publishParametersAreValidatedAndAnUnknownRegionIsNotFound() {
        given().auth().oauth2(Tokens.admin()).when().post("/schools/v1/statistics/publish")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.pointer", org.hamcrest.Matchers.containsInAnyOrder("region", "schoolYear"));
        publish(Tokens.admin(), "540199", null).then().statusCode(404).contentType(PROBLEM);
        assertFalse(indicators.findAll(postRequestedFor(urlPathEqualTo(IMPORTS))).iterator().hasNext());
    }

    @Test
    void yearWithoutFactsPublishesOnlyTheSeatsAdded() {
        // 2010Sep: no facts and no projects in the region; "0 seats added" is still an observation
        given().auth().oauth2(Tokens.admin()).queryParam("region", CHENGGUAN).queryParam("schoolYear", "2010Sep")
                .when().post("/schools/v1/statistics/publish")
                .then().statusCode(200)
                .body("rows", org.hamcrest.Matchers.equalTo(1));
        List<LoggedRequest> sent = indicators.findAll(postRequestedFor(urlPathEqualTo(IMPORTS)));
        assertEquals(1, sent.size());
        Map<String, Object> seats = StatisticsFixtures.rows(sent.get(0).getBodyAsString()).get(0);
        assertEquals("cap.seats_added", seats.get("indicator"));
        assertDecimal("0", seats.get("value"));
        assertNull(seats.get("stage"));
    }
}
