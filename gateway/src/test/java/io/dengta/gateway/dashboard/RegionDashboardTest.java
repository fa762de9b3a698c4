package io.dengta.gateway.dashboard;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.dengta.gateway.dashboard.RegionStubs.getPath;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

import io.dengta.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.restassured.specification.RequestSpecification;

/** GET /dashboard/v1/regions/{code}: the parts, each with its own status, against stub services. */
@QuarkusTest
@QuarkusTestResource(value = DashboardUpstreams.class, restrictToAnnotatedClass = true)
class RegionDashboardTest {

    @InjectDashboardUpstreams
    WireMockServer services;

    @Inject
    DashboardCache cache;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void everyServiceAnswers() {
        services.resetAll();
        // every test reads the services afresh
        cache.invalidateAll();
        breakers.resetAll();
        RegionStubs.allAnswer(services);
    }

    private static String analystToken() {
        return Tokens.role("bureau-analyst").region("320113").get();
    }

    private static RequestSpecification asAnalyst() {
        return given().auth().oauth2(analystToken());
    }

    @Test
    void composesEveryPartWhenEveryServiceAnswers() {
        asAnalyst().get("/dashboard/v1/regions/320113?year=2024")
                .then().statusCode(200)
                .contentType("application/json")
                .body("region", is("320113"))
                .body("schoolYear", is("2024Sep"))
                .body("regionInfo.status", is("ok"))
                .body("regionInfo.data.name", is("栖霞区"))
                .body("score.status", is("ok"))
                .body("score.data.score", is(81.5f))
                .body("score.data.coveredWeight", is(72))
                .body("score.data.complete", is(false))
                .body("score.data.missingIndicators", is(1))
                .body("score.data.dimensions[0].code", is("teachers"))
                .body("gaps.status", is("ok"))
                .body("gaps.data.groupName", is("栖霞区对标组"))
                .body("gaps.data.top.indicator", contains("a", "b", "c", "d", "e"))
                .body("gaps.data.top[0].bestRegion", is("320106"))
                .body("gaps.data.top[0].gap", is(30))
                .body("gaps.data.top[0].value", is(60))
                .body("targets.status", is("ok"))
                .body("targets.data.total", is(4))
                .body("targets.data.byStatus.achieved", is(1))
                .body("targets.data.byStatus.at-risk", is(1))
                .body("targets.data.byStatus.overdue", is(0))
                .body("targets.data.atRisk.code", contains("t3", "t2"))
                .body("targets.data.atRisk[1].latestValue", is(1.2f))
                .body("targets.data.truncated", is(false))
                .body("registry.status", is("ok"))
                .body("registry.data.schools", is(86))
                .body("registry.data.pupils", is(91234))
                .body("registry.data.teachersFte", is(6120.5f))
                .body("registry.data.pupilTeacherRatio", is(14.91f));
    }

    @Test
    void asksEachServiceForTheRegionYearAndConfiguredFramework() {
        asAnalyst().get("/dashboard/v1/regions/320113?year=2024").then().statusCode(200);

        services.verify(getRequestedFor(urlPathEqualTo(RegionStubs.SCORES))
                .withQueryParam("region", equalTo("320113")).withQueryParam("period", equalTo("2024")));
        services.verify(getRequestedFor(urlPathEqualTo(RegionStubs.GROUPS)).withQueryParam("owner", equalTo("320113")));
        services.verify(getRequestedFor(urlPathEqualTo(RegionStubs.GAPS))
                .withQueryParam("framework", equalTo("js-modernization-2013")).withQueryParam("period", equalTo("2024")));
        services.verify(getRequestedFor(urlPathEqualTo(RegionStubs.PROGRESS)).withQueryParam("region", equalTo("320113")));
        services.verify(getRequestedFor(urlPathEqualTo(RegionStubs.STATISTICS))
                .withQueryParam("region", equalTo("320113")).withQueryParam("schoolYear", equalTo("2024Sep")));
    }

    @Test
    void propagatesCallerTokenAndRequestIdToEveryService() {
        String token = analystToken();
        given().auth().oauth2(token).header("X-Request-Id", "dash-req-1")
                .get("/dashboard/v1/regions/320113?year=2024")
                .then().statusCode(200).header("X-Request-Id", "dash-req-1");

        int calls = services.findAll(anyRequestedFor(anyUrl())).size();
        services.verify(calls, anyRequestedFor(anyUrl())
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withHeader("X-Request-Id", equalTo("dash-req-1")));
        services.verify(6, anyRequestedFor(anyUrl()));
    }

    @Test
    void hangingServiceTimesOutItsPartOnly() {
        services.stubFor(getPath(RegionStubs.PROGRESS).willReturn(RegionStubs.json(RegionStubs.PROGRESS_BODY)
                .withFixedDelay(8000)));

        asAnalyst().get("/dashboard/v1/regions/320113?year=2024")
                .then().statusCode(200)
                .body("targets.status", is("timeout"))
                .body("targets.data", nullValue())
                .body("score.status", is("ok"))
                .body("gaps.status", is("ok"))
                .body("registry.status", is("ok"));
    }

    @Test
    void serviceFailingMidAnswerMakesItsPartUnavailable() {
        services.stubFor(getPath(RegionStubs.STATISTICS).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        asAnalyst().get("/dashboard/v1/regions/320113?year=2024")
                .then().statusCode(200)
                .body("registry.status", is("unavailable"))
                .body("registry.reason", is("schools-service is unavailable"))
                .body("regionInfo.status", is("ok"))
                .body("targets.status", is("ok"));
    }

    @Test
    void serviceAnsweringGarbageMakesItsPartUnavailable() {
        services.stubFor(getPath(RegionStubs.SCORES).willReturn(RegionStubs.json("<html>oops")));

        asAnalyst().get("/dashboard/v1/regions/320113?year=2024")
                .then().statusCode(200)
                .body("score.status", is("unavailable"))
                .body("score.reason", is("indicators-service answered with an unreadable body"))
                .body("gaps.status", is("ok"));
    }

    @Test
    void serviceErrorMakesItsPartUnavailableWithoutItsDetails() {
        services.stubFor(getPath(RegionStubs.SCORES).willReturn(RegionStubs.problem(500, "internal", "SQL state 42P01")));

        asAnalyst().get("/dashboard/v1/regions/320113?year=2024")
                .then().statusCode(200)
                .body("score.status", is("unavailable"))
                .body("score.reason", is("indicators-service answered 500"));
    }

    @Test
    void serviceRefusingCallerMakesItsPartForbidden() {
        services.stubFor(getPath(RegionStubs.PROGRESS).willReturn(RegionStubs.problem(403, "forbidden", "Not allowed")));

        asAnalyst().get("/dashboard/v1/regions/320113?year=2024")
                .then().statusCode(200)
                .body("targets.status", is("forbidden"))
                .body("targets.reason", is("Not allowed"))
                .body("registry.status", is("ok"));
    }

    @Test
    void regionWithoutOwnBenchmarkGroupHasGapsNotFound() {
        services.stubFor(getPath(RegionStubs.GROUPS).willReturn(RegionStubs.json("{\"items\": [], \"next\": null}")));

        asAnalyst().get("/dashboard/v1/regions/320113?year=2024")
                .then().statusCode(200)
                .body("gaps.status", is("not-found"))
                .body("gaps.reason", is("region 320113 owns no benchmark group"))
                .body("score.status", is("ok"));
        services.verify(0, getRequestedFor(urlPathEqualTo(RegionStubs.GAPS)));
    }

    @Test
    void regionUnknownToRegistryIsNotFoundProblem() {
        services.stubFor(getPath(RegionStubs.REGION).willReturn(RegionStubs.problem(404, "not-found", "Region 320113 not found")));

        asAnalyst().get("/dashboard/v1/regions/320113?year=2024")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", is("urn:dengta:problem:not-found"))
                .body("instance", is("/dashboard/v1/regions/320113"));
    }

    @Test
    void regionOutsideCallerScopeIsNotFoundAndNoServiceIsAsked() {
        given().auth().oauth2(Tokens.role("bureau-analyst").region("320115").get())
                .get("/dashboard/v1/regions/320113?year=2024")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", is("urn:dengta:problem:not-found"));
        services.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void cityScopeSeesItsDistrict() {
        given().auth().oauth2(Tokens.role("viewer").region("320100").get())
                .get("/dashboard/v1/regions/320113?year=2024")
                .then().statusCode(200)
                .body("score.status", is("ok"));
    }

    @Test
    void platformAdminSeesAnyRegion() {
        given().auth().oauth2(Tokens.admin()).get("/dashboard/v1/regions/320113?year=2024")
                .then().statusCode(200)
                .body("regionInfo.status", is("ok"));
    }

    @Test
    void schoolClerkHasNoRegionDashboard() {
        // a school scope does not make its region visible, as in every service
        given().auth().oauth2(Tokens.role("school-clerk").school("3201130001").get())
                .get("/dashboard/v1/regions/320113?year=2024")
                .then().statusCode(404)
                .body("type", is("urn:dengta:problem:not-found"));
        services.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void missingYearAndMalformedRegionAreOneValidationProblem() {
        asAnalyst().get("/dashboard/v1/regions/32011x")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", is("urn:dengta:problem:validation"))
                .body("errors.pointer", contains("regionCode", "year"));
        services.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void malformedYearIsValidationProblem() {
        asAnalyst().get("/dashboard/v1/regions/320113?year=24")
                .then().statusCode(400)
                .body("errors.code", hasItem("invalid_format"));
    }

    @Test
    void requestWithoutTokenIsUnauthorizedProblemAndNoServiceIsAsked() {
        given().get("/dashboard/v1/regions/320113?year=2024")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", is("urn:dengta:problem:unauthorized"));
        services.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void partsAreKeptForTheTtlAndSayHowOldTheyAre() {
        String first = asAnalyst().get("/dashboard/v1/regions/320113?year=2024")
                .then().statusCode(200).body("score.age", is(0)).extract().path("score.asOf");

        asAnalyst().get("/dashboard/v1/regions/320113?year=2024")
                .then().statusCode(200)
                .body("score.status", is("ok"))
                .body("score.asOf", is(first))
                .body("score.age", notNullValue())
                .body("registry.asOf", notNullValue());
        services.verify(1, getRequestedFor(urlPathEqualTo(RegionStubs.SCORES)));
        services.verify(1, getRequestedFor(urlPathEqualTo(RegionStubs.STATISTICS)));
        services.verify(1, getRequestedFor(urlPathEqualTo(RegionStubs.PROGRESS)));
    }

    @Test
    void callerWithAnotherRoleNeverGetsAnotherCallersKeptParts() {
        String viewer = Tokens.role("viewer").region("320113").get();
        services.stubFor(getPath(RegionStubs.SCORES).withHeader("Authorization", equalTo("Bearer " + viewer))
                .atPriority(1).willReturn(RegionStubs.problem(403, "forbidden", "Scores are not published to viewers")));
        asAnalyst().get("/dashboard/v1/regions/320113?year=2024").then().statusCode(200).body("score.status", is("ok"));

        given().auth().oauth2(viewer).get("/dashboard/v1/regions/320113?year=2024")
                .then().statusCode(200)
                .body("score.status", is("forbidden"))
                .body("score.data", nullValue());
        services.verify(2, getRequestedFor(urlPathEqualTo(RegionStubs.SCORES)));
    }

    @Test
    void callerWithAnotherRegionScopeGetsItsOwnParts() {
        asAnalyst().get("/dashboard/v1/regions/320113?year=2024").then().statusCode(200);
        given().auth().oauth2(Tokens.role("bureau-analyst").region("320100").get())
                .get("/dashboard/v1/regions/320113?year=2024").then().statusCode(200);
        // the same roles and scope share: another analyst of 320113 (another token) reads nothing again
        given().auth().oauth2(Tokens.role("bureau-analyst").region("320113").client("other-front-end").get())
                .get("/dashboard/v1/regions/320113?year=2024").then().statusCode(200);

        services.verify(2, getRequestedFor(urlPathEqualTo(RegionStubs.SCORES)));
    }

    @Test
    void serviceThatKeepsFailingOpensItsBreakerAndItsPartsAnswerAtOnce() {
        services.stubFor(getPath(RegionStubs.SCORES).willReturn(RegionStubs.problem(500, "internal", "down")));
        services.stubFor(getPath(RegionStubs.GROUPS).willReturn(RegionStubs.problem(503, "dependency-unavailable", "db")));
        // two failed calls to indicators-service per dashboard: ten open its breaker
        for (int i = 0; i < 5; i++) {
            asAnalyst().get("/dashboard/v1/regions/320113?year=2024").then().statusCode(200)
                    .body("score.status", is("unavailable"));
        }
        services.resetRequests();

        asAnalyst().get("/dashboard/v1/regions/320113?year=2024")
                .then().statusCode(200)
                .body("score.status", is("unavailable"))
                .body("score.reason", containsString("circuit breaker is open"))
                .body("gaps.status", is("unavailable"))
                .body("regionInfo.status", is("ok"))
                .body("registry.status", is("ok"))
                .body("targets.status", is("ok"));
        services.verify(0, getRequestedFor(urlPathEqualTo(RegionStubs.SCORES)));
        services.verify(0, getRequestedFor(urlPathEqualTo(RegionStubs.GROUPS)));
    }

    @Test
    void refusalsDoNotOpenTheBreaker() {
        services.stubFor(getPath(RegionStubs.SCORES).willReturn(RegionStubs.problem(403, "forbidden", "no")));
        services.stubFor(getPath(RegionStubs.GROUPS).willReturn(RegionStubs.problem(404, "not-found", "none")));
        for (int i = 0; i < 6; i++) {
            cache.invalidateAll();
            asAnalyst().get("/dashboard/v1/regions/320113?year=2024").then().statusCode(200)
                    .body("score.status", is("forbidden"));
        }

        services.verify(6, getRequestedFor(urlPathEqualTo(RegionStubs.SCORES)));
    }

    @Test
    void partReadsAreTimedInTheMetrics() {
        asAnalyst().get("/dashboard/v1/regions/320113?year=2024").then().statusCode(200);

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("dengta_dashboard_part_seconds_count{dashboard=\"region\",part=\"score\",status=\"ok\"}"))
                .body(containsString("dengta_dashboard_part_seconds_count{dashboard=\"region\",part=\"registry\",status=\"ok\"}"))
                .body(containsString("cache_gets_total{cache=\"dashboard-parts\",result=\"miss\"}"));
    }
}
