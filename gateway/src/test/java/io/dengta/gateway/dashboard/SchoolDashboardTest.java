package io.dengta.gateway.dashboard;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.dengta.gateway.dashboard.RegionStubs.getPath;
import static io.dengta.gateway.dashboard.RegionStubs.json;
import static io.dengta.gateway.dashboard.RegionStubs.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.dengta.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** GET /dashboard/v1/schools/{code}: facts, statistics against standards, teachers, each with its own status. */
@QuarkusTest
@QuarkusTestResource(value = DashboardUpstreams.class, restrictToAnnotatedClass = true)
class SchoolDashboardTest {

    static final String SCHOOL = "/schools/v1/schools/3201130001";
    static final String FACTS = SCHOOL + "/years/2024Sep";
    static final String STATISTICS = SCHOOL + "/statistics";
    static final String TEACHERS = "/schools/v1/teachers";
    static final String STANDARDS = "/indicators/v1/standards";

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
        services.stubFor(getPath(SCHOOL).willReturn(json("""
                {"code": "3201130001", "name": "栖霞区实验小学", "region": "320113", "stages": ["primary"],
                 "ownership": "public", "boarding": false, "rural": false, "status": "operating",
                 "capacitySeats": 1800, "plannedClasses": 36, "version": 3}""")));
        services.stubFor(getPath(FACTS).willReturn(json("""
                {"school": "3201130001", "schoolYear": "2024Sep", "region": "320113", "pupils": 1620, "classes": 36,
                 "teachingFloorArea": 9000.5, "multimediaClassrooms": 36, "source": "annual-census"}""")));
        services.stubFor(getPath(STATISTICS).willReturn(json("""
                {"school": "3201130001", "region": "320113", "schoolYear": "2024Sep", "factsReported": true,
                 "statistics": [
                 {"statistic": "pupil-teacher-ratio", "indicator": "ce.pupil_teacher_ratio", "name": "生师比",
                  "stage": null, "numerator": 1620, "denominator": 90, "value": 18, "unit": "ratio"},
                 {"statistic": "class-size-compliance", "indicator": "qb.class_size_compliance", "name": "班额达标率",
                  "stage": "primary", "numerator": 30, "denominator": 36, "value": 83.33, "unit": "%"},
                 {"statistic": "seats-added", "indicator": null, "name": "新增学位", "stage": null, "numerator": 0,
                  "value": 0, "unit": "count"}]}""")));
        services.stubFor(getPath(STANDARDS).willReturn(json("""
                {"items": [
                 {"id": "00000000-0000-4000-8000-000000000001", "indicator": "ce.pupil_teacher_ratio",
                  "jurisdiction": "000000", "stages": [], "comparator": "<=", "value": 19, "source": "national"},
                 {"id": "00000000-0000-4000-8000-000000000002", "indicator": "ce.pupil_teacher_ratio",
                  "jurisdiction": "320000", "stages": [], "comparator": "<=", "value": 17, "source": "jiangsu"},
                 {"id": "00000000-0000-4000-8000-000000000003", "indicator": "ce.pupil_teacher_ratio",
                  "jurisdiction": "330000", "stages": [], "comparator": "<=", "value": 30, "source": "zhejiang"},
                 {"id": "00000000-0000-4000-8000-000000000004", "indicator": "qb.class_size_compliance",
                  "jurisdiction": "000000", "stages": ["junior"], "comparator": ">=", "value": 100},
                 {"id": "00000000-0000-4000-8000-000000000005", "indicator": "qb.class_size_compliance",
                  "jurisdiction": "000000", "stages": ["primary"], "comparator": ">=", "value": 80}],
                 "next": null}""")));
        services.stubFor(getPath(TEACHERS).willReturn(json("{\"items\": [], \"next\": null, \"total\": 92}")));
        services.stubFor(getPath(TEACHERS).withQueryParam("employment", equalTo("established"))
                .willReturn(json("{\"items\": [], \"next\": null, \"total\": 80}")));
        services.stubFor(getPath(TEACHERS).withQueryParam("honour", equalTo("key-teacher"))
                .withQueryParam("honourLevel", equalTo("district"))
                .willReturn(json("{\"items\": [], \"next\": null, \"total\": 11}")));
    }

    private static String analystToken() {
        return Tokens.role("bureau-analyst").region("320113").get();
    }

    @Test
    void composesFactsStatisticsAgainstStandardsAndTeachers() {
        given().auth().oauth2(analystToken()).get("/dashboard/v1/schools/3201130001?schoolYear=2024Sep")
                .then().statusCode(200)
                .body("school", is("3201130001"))
                .body("info.status", is("ok"))
                .body("info.data.stages", contains("primary"))
                .body("facts.status", is("ok"))
                .body("facts.data.pupils", is(1620))
                .body("statistics.status", is("ok"))
                .body("statistics.data.standardsStatus", is("ok"))
                .body("statistics.data.items.statistic",
                        contains("pupil-teacher-ratio", "class-size-compliance", "seats-added"))
                // the province's standard is more specific than the national one, and 18 > 17
                .body("statistics.data.items[0].standard.jurisdiction", is("320000"))
                .body("statistics.data.items[0].meets", is(false))
                // the primary stage's standard, not the junior one
                .body("statistics.data.items[1].standard.value", is(80))
                .body("statistics.data.items[1].meets", is(true))
                .body("statistics.data.items[2].standard", nullValue())
                .body("teachers.status", is("ok"))
                .body("teachers.data.headcount", is(92))
                .body("teachers.data.established", is(80))
                .body("teachers.data.keyTeachers", is(11));

        services.verify(1, getRequestedFor(urlPathEqualTo(STATISTICS)).withQueryParam("schoolYear", equalTo("2024Sep")));
        services.verify(getRequestedFor(urlPathEqualTo(STANDARDS)).withQueryParam("year", equalTo("2024")));
        services.verify(3, getRequestedFor(urlPathEqualTo(TEACHERS)).withQueryParam("school", equalTo("3201130001"))
                .withQueryParam("limit", equalTo("1")));
    }

    @Test
    void statisticsAreShownWithoutStandardsWhenIndicatorsServiceFails() {
        services.stubFor(getPath(STANDARDS).willReturn(problem(503, "dependency-unavailable", "database down")));

        given().auth().oauth2(analystToken()).get("/dashboard/v1/schools/3201130001?schoolYear=2024Sep")
                .then().statusCode(200)
                .body("statistics.status", is("ok"))
                .body("statistics.data.standardsStatus", is("unavailable"))
                .body("statistics.data.items[0].value", is(18))
                .body("statistics.data.items[0].standard", nullValue());
    }

    @Test
    void yearWithoutFactsHasFactsNotFoundOnly() {
        services.stubFor(getPath(FACTS).willReturn(problem(404, "not-found", "No facts for 2024Sep")));

        given().auth().oauth2(analystToken()).get("/dashboard/v1/schools/3201130001?schoolYear=2024Sep")
                .then().statusCode(200)
                .body("facts.status", is("not-found"))
                .body("facts.reason", is("No facts for 2024Sep"))
                .body("info.status", is("ok"))
                .body("teachers.status", is("ok"));
    }

    @Test
    void hangingStatisticsTimeOutTheirPartOnly() {
        services.stubFor(getPath(STATISTICS).willReturn(json("{}").withFixedDelay(8000)));

        given().auth().oauth2(analystToken()).get("/dashboard/v1/schools/3201130001?schoolYear=2024Sep")
                .then().statusCode(200)
                .body("statistics.status", is("timeout"))
                .body("teachers.status", is("ok"))
                .body("facts.status", is("ok"));
    }

    @Test
    void schoolUnknownOrOutOfScopeAtSchoolsServiceIsNotFoundProblem() {
        services.stubFor(getPath(SCHOOL).willReturn(problem(404, "not-found", "School 3201130001 not found")));

        given().auth().oauth2(analystToken()).get("/dashboard/v1/schools/3201130001?schoolYear=2024Sep")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", is("urn:dengta:problem:not-found"));
    }

    @Test
    void clerkOfAnotherSchoolIsNotFoundAndNoServiceIsAsked() {
        given().auth().oauth2(Tokens.role("school-clerk").school("3201130002").get())
                .get("/dashboard/v1/schools/3201130001?schoolYear=2024Sep")
                .then().statusCode(404)
                .body("type", is("urn:dengta:problem:not-found"));
        services.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void clerkOfTheSchoolSeesItWithOwnTokenForwarded() {
        String token = Tokens.role("school-clerk").school("3201130001").get();
        given().auth().oauth2(token).get("/dashboard/v1/schools/3201130001?schoolYear=2024Sep")
                .then().statusCode(200)
                .body("info.status", is("ok"));
        int calls = services.findAll(anyRequestedFor(anyUrl())).size();
        services.verify(calls, anyRequestedFor(anyUrl()).withHeader("Authorization", equalTo("Bearer " + token)));
    }

    @Test
    void malformedSchoolYearIsValidationProblem() {
        given().auth().oauth2(analystToken()).get("/dashboard/v1/schools/3201130001?schoolYear=2024")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.pointer", contains("schoolYear"));
    }

    @Test
    void requestWithoutTokenIsUnauthorizedProblem() {
        given().get("/dashboard/v1/schools/3201130001?schoolYear=2024Sep")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", is("urn:dengta:problem:unauthorized"));
        services.verify(0, anyRequestedFor(anyUrl()));
    }
}
