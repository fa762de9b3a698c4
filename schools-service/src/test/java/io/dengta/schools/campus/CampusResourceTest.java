package io.dengta.schools.campus;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dengta.testing.PostgresTestResource;
import io.dengta.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class CampusResourceTest {

    private static final String PROBLEM = "application/problem+json";

    /** A Qixia school offering primary and junior stages. */
    private static final String QX = "3201135101";
    /** A Qixia school offering only primary. */
    private static final String QX_PRIMARY = "3201135102";
    private static final String XW = "3202145101";

    private static boolean schoolsCreated;

    private static String campuses(String school) {
        return "/schools/v1/schools/" + school + "/campuses";
    }

    private static String campus(String school, String code) {
        return campuses(school) + "/" + code;
    }

    private static void school(String code, String region, String stages) {
        String body = """
                {"name": "测试学校 %s", "region": "%s", "stages": %s, "ownership": "public", "status": "open",
                 "openedOn": "2000-09-01"}""".formatted(code, region, stages);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .when().put("/schools/v1/schools/" + code)
                .then().statusCode(is(oneOf(200, 201)));
    }

    @BeforeEach
    void registry() {
        if (!schoolsCreated) {
            school(QX, "320113", "[\"primary\", \"junior\"]");
            school(QX_PRIMARY, "320113", "[\"primary\"]");
            school(XW, "320214", "[\"primary\"]");
            schoolsCreated = true;
        }
    }

    private static String body(String name) {
        return """
                {"name": "%s", "nameEn": "East campus", "address": "南京市栖霞区仙林大道 1 号", "latitude": 32.1049,
                 "longitude": 118.9167, "capacitySeats": 900, "openedOn": "2021-09-01", "stages": ["junior"],
                 "source": "test"}""".formatted(name);
    }

    private static void put(String school, String code, String body) {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .when().put(campus(school, code))
                .then().statusCode(is(oneOf(200, 201)));
    }

    @Test
    void createsReadsAndReplacesCampusUnderOptimisticConcurrency() {
        String etag = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body("仙林校区"))
                .when().put(campus(QX, "XL-East"))
                .then().statusCode(201)
                .header("Location", containsString("/schools/v1/schools/" + QX + "/campuses/XL-East"))
                .body("school", equalTo(QX))
                .body("code", equalTo("XL-East"))
                .body("latitude", equalTo(32.1049f))
                .body("capacitySeats", equalTo(900))
                .body("stages", contains("junior"))
                .body("version", equalTo(0))
                .body("createdAt", notNullValue())
                .extract().header("ETag");
        given().auth().oauth2(Tokens.role("viewer").region("320113").get()).when().get(campus(QX, "XL-East"))
                .then().statusCode(200)
                .header("ETag", equalTo(etag))
                .body("name", equalTo("仙林校区"))
                .body("openedOn", equalTo("2021-09-01"));
        given().auth().oauth2(Tokens.admin()).header("If-None-Match", etag).when().get(campus(QX, "XL-East"))
                .then().statusCode(304);

        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(body("仙林校区 (新)"))
                .when().put(campus(QX, "XL-East"))
                .then().statusCode(200)
                .body("name", equalTo("仙林校区 (新)"))
                .body("version", equalTo(1));

        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(body("仙林校区"))
                .when().put(campus(QX, "XL-East"))
                .then().statusCode(412)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:dengta:problem:precondition-failed"));
        given().auth().oauth2(Tokens.admin()).header("If-Match", etag).when().delete(campus(QX, "XL-East"))
                .then().statusCode(412).contentType(PROBLEM);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(body("从未存在"))
                .when().put(campus(QX, "XL-Never"))
                .then().statusCode(412);
        given().auth().oauth2(Tokens.admin()).when().get(campus(QX, "XL-Never"))
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void campusCodesAreUniqueWithinTheirSchoolOnly() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(body("A").replace("[\"junior\"]", "[\"primary\"]"))
                .when().put(campus(QX_PRIMARY, "SAME"))
                .then().statusCode(201).body("school", equalTo(QX_PRIMARY));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body("B"))
                .when().put(campus(QX, "SAME"))
                .then().statusCode(201).body("school", equalTo(QX));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body("B2"))
                .when().put(campus(QX, "SAME"))
                .then().statusCode(200);
        given().auth().oauth2(Tokens.admin()).when().get(campus(QX_PRIMARY, "SAME"))
                .then().statusCode(200).body("name", equalTo("A"));
    }

    @Test
    void rejectsStagesTheSchoolDoesNotOffer() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body("初中部"))
                .when().put(campus(QX_PRIMARY, "JR"))
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("errors.pointer", contains("/stages/0"))
                .body("errors.code", contains("not_offered_by_school"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(body("x").replace("[\"junior\"]", "[\"primary\", \"primary\"]"))
                .when().put(campus(QX, "DUP"))
                .then().statusCode(400).body("errors.code", contains("duplicate"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(body("x").replace("[\"junior\"]", "[\"primry\"]"))
                .when().put(campus(QX, "TYPO"))
                .then().statusCode(400).body("errors.pointer", contains("/stages/0"));
    }

    @Test
    void rejectsHalfALocationAndClosingBeforeOpening() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(body("x").replace("\"longitude\": 118.9167,", "\"closedOn\": \"2021-08-31\","))
                .when().put(campus(QX, "HALF"))
                .then().statusCode(400)
                .body("errors.pointer", hasItems("/longitude", "/closedOn"))
                .body("errors.code", hasItems("required", "before_opening"))
                .body("errors", hasSize(2));
    }

    @Test
    void rejectsNegativeCapacityMissingNameAndUnknownFields() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(body("").replace("900", "-1").replace("32.1049", "91"))
                .when().put(campus(QX, "BAD"))
                .then().statusCode(400)
                .body("errors.pointer", hasItems("/capacitySeats", "/name", "/latitude"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(body("x").replace("\"source\"", "\"seats\": 1, \"source\""))
                .when().put(campus(QX, "BAD"))
                .then().statusCode(400).body("errors[0].code", equalTo("unknown_field"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(body("x").replace("900", "0"))
                .when().put(campus(QX, "ZERO"))
                .then().statusCode(201).body("capacitySeats", equalTo(0));
    }

    @Test
    void answersMalformedCodesAndUnknownSchoolsAndCampuses() {
        given().auth().oauth2(Tokens.admin()).when().get(campus(QX, "A".repeat(17)))
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].pointer", equalTo("campusCode"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body("x"))
                .when().put(campus(QX, "a_b"))
                .then().statusCode(400).body("errors[0].pointer", equalTo("campusCode"));
        given().auth().oauth2(Tokens.admin()).when().get(campus("32011", "A"))
                .then().statusCode(400).body("errors[0].pointer", equalTo("schoolCode"));
        given().auth().oauth2(Tokens.admin()).when().get(campuses("32011"))
                .then().statusCode(400).body("errors[0].pointer", equalTo("schoolCode"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body("x"))
                .when().put(campus("3201139996", "A"))
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Tokens.admin()).when().get(campuses("3201139996"))
                .then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).when().get(campus(QX, "NOPE"))
                .then().statusCode(404).body("type", equalTo("urn:dengta:problem:not-found"));
        given().auth().oauth2(Tokens.admin()).when().delete(campus(QX, "NOPE"))
                .then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body("x"))
                .when().put(campus(QX, "A"))
                .then().statusCode(201);
    }

    @Test
    void accessMatrixForOneCampus() {
        put(QX, "M-Main", body("主校区"));
        record Case(String who, String token, int get, int put, int delete) {
        }
        List<Case> cases = List.of(
                new Case("platform-admin", Tokens.admin(), 200, 200, 204),
                new Case("school-clerk of the school", Tokens.role("school-clerk").school(QX).get(), 200, 200, 204),
                new Case("school-clerk of another school", Tokens.role("school-clerk").school(XW).get(), 404, 403, 403),
                new Case("data-feed of the region", Tokens.role("data-feed").region("320113").get(), 200, 200, 204),
                new Case("data-feed of another region", Tokens.role("data-feed").region("440307").get(), 404, 403,
                        403),
                new Case("bureau-analyst of the region", Tokens.role("bureau-analyst").region("320113").get(), 200,
                        403, 403),
                new Case("viewer of the region", Tokens.role("viewer").region("320113").get(), 200, 403, 403),
                new Case("viewer of another region", Tokens.role("viewer").region("210213").get(), 404, 403, 403));
        for (Case c : cases) {
            given().auth().oauth2(c.token()).when().get(campus(QX, "M-Main"))
                    .then().statusCode(c.get());
            given().auth().oauth2(c.token()).when().get(campuses(QX))
                    .then().statusCode(c.get());
            given().auth().oauth2(c.token()).contentType(ContentType.JSON).body(body("主校区"))
                    .when().put(campus(QX, "M-Main"))
                    .then().statusCode(c.put());
            String own = "M-Del-" + cases.indexOf(c);
            put(QX, own, body("待删除"));
            given().auth().oauth2(c.token()).when().delete(campus(QX, own))
                    .then().statusCode(c.delete());
        }
    }

    @Test
    void clerkOfTheSchoolCreatesAndDeletesItsCampuses() {
        String clerk = Tokens.role("school-clerk").school(QX).get();
        String etag = given().auth().oauth2(clerk).contentType(ContentType.JSON).body(body("新校区"))
                .when().put(campus(QX, "CLERK"))
                .then().statusCode(201).extract().header("ETag");
        given().auth().oauth2(clerk).header("If-Match", etag).when().delete(campus(QX, "CLERK"))
                .then().statusCode(204);
        given().auth().oauth2(clerk).when().get(campus(QX, "CLERK"))
                .then().statusCode(404);
        given().auth().oauth2(Tokens.role("school-clerk").school(QX).get()).contentType(ContentType.JSON)
                .body(body("别校").replace("[\"junior\"]", "[\"primary\"]"))
                .when().put(campus(XW, "CLERK"))
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("urn:dengta:problem:forbidden"));
    }

    @Test
    void listsAndPagesTheCampusesOfOneSchool() {
        for (int i = 0; i < 5; i++) {
            put(QX_PRIMARY, "P" + i, body("校区 " + (char) ('E' - i)).replace("[\"junior\"]", "[\"primary\"]"));
        }
        put(QX, "OTHER-SCHOOL", body("别的学校的校区"));
        int total = given().auth().oauth2(Tokens.admin()).queryParam("includeTotal", "true")
                .when().get(campuses(QX_PRIMARY))
                .then().statusCode(200)
                .body("items.school", not(hasItem(QX)))
                .body("items.code", not(hasItem("OTHER-SCHOOL")))
                .extract().path("total");
        assertTrue(total >= 5);
        for (String sort : List.of("code", "-name", "-updatedAt")) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            do {
                Response page = given().auth().oauth2(Tokens.admin()).queryParam("limit", 2).queryParam("sort", sort)
                        .queryParam("cursor", cursor == null ? "" : cursor)
                        .when().get(campuses(QX_PRIMARY));
                page.then().statusCode(200).body("total", nullValue());
                seen.addAll(page.path("items.code"));
                cursor = page.path("next");
            } while (cursor != null);
            assertEquals(total, seen.size(), sort);
            assertEquals(total, new HashSet<>(seen).size(), sort);
        }
        String future = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
        given().auth().oauth2(Tokens.admin()).queryParam("updatedSince", future)
                .when().get(campuses(QX_PRIMARY))
                .then().statusCode(200).body("items", hasSize(0));
        for (Map.Entry<String, String> bad : Map.of("updatedSince", "yesterday", "sort", "capacitySeats",
                "limit", "1001", "cursor", "nonsense").entrySet()) {
            given().auth().oauth2(Tokens.admin()).queryParam(bad.getKey(), bad.getValue())
                    .when().get(campuses(QX_PRIMARY))
                    .then().statusCode(400).body("errors[0].pointer", equalTo(bad.getKey()));
        }
    }

    @Test
    void changeFeedCarriesCampusUpsertsAndTombstones() {
        String etag = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body("临时校区"))
                .when().put(campus(QX, "FEED"))
                .then().statusCode(201).extract().header("ETag");
        given().auth().oauth2(Tokens.admin()).header("If-Match", etag).when().delete(campus(QX, "FEED"))
                .then().statusCode(204);
        Response feed = given().auth().oauth2(Tokens.admin()).queryParam("after", 0).queryParam("limit", 1000)
                .queryParam("resourceType", "campus")
                .when().get("/schools/v1/changes");
        feed.then().statusCode(200);
        List<Map<String, Object>> changes = feed.path("items.findAll { it.key == '" + QX + "/FEED' }");
        assertEquals(List.of("upsert", "delete"), changes.stream().map(c -> c.get("operation")).toList());
        assertEquals(Set.of("campus"), changes.stream().map(c -> c.get("resourceType")).collect(
                java.util.stream.Collectors.toSet()));
        assertEquals(QX, changes.get(0).get("school"));
        assertEquals("320113", changes.get(0).get("region"));
        assertTrue(feedTypes().contains("campus"));
        // the school's data feed follows its region's campuses
        given().auth().oauth2(Tokens.role("data-feed").region("320113").get()).queryParam("after", 0)
                .queryParam("limit", 1000).queryParam("resourceType", "campus")
                .when().get("/schools/v1/changes")
                .then().statusCode(200).body("items.key", hasItem(QX + "/FEED"));
        given().auth().oauth2(Tokens.role("data-feed").region("440307").get()).queryParam("after", 0)
                .queryParam("limit", 1000).queryParam("resourceType", "campus")
                .when().get("/schools/v1/changes")
                .then().statusCode(200).body("items.key", not(hasItem(QX + "/FEED")));
    }

    /** Every resource type in the whole change feed, read as an integrator does: page after page from 0. */
    private static Set<String> feedTypes() {
        Set<String> types = new HashSet<>();
        long after = 0;
        while (true) {
            Response page = given().auth().oauth2(Tokens.admin()).queryParam("after", after).queryParam("limit", 1000)
                    .when().get("/schools/v1/changes");
            page.then().statusCode(200);
            List<String> items = page.path("items.resourceType");
            if (items.isEmpty()) {
                return types;
            }
            types.addAll(items);
            after = ((Number) page.path("next")).longValue();
        }
    }
}
