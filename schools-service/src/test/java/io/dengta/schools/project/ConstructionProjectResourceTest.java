package io.dengta.schools.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
class ConstructionProjectResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String COLLECTION = "/schools/v1/construction-projects";
    private static final String QIXIA_SCHOOL = "7401130001";
    private static final String OTHER_QIXIA_SCHOOL = "7401130002";
    private static final String WUJIN_SCHOOL = "7404120001";
    private static final String JINPU_SCHOOL = "7402130001";

    @BeforeEach
    void registerSchools() {
        school(QIXIA_SCHOOL, "320113");
        school(OTHER_QIXIA_SCHOOL, "320113");
        school(WUJIN_SCHOOL, "320412");
        school(JINPU_SCHOOL, "210213");
    }

    private static void school(String code, String region) {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\": \"测试学校" + code + "\", \"region\": \"" + region + "\", \"stages\": [\"primary\"], "
                        + "\"ownership\": \"public\", \"status\": \"open\", \"openedOn\": \"2001-09-01\"}")
                .when().put("/schools/v1/schools/" + code)
                .then().statusCode(oneOf(200, 201));
    }

    /** A body from alternating names and values; null values are left out. */
    private static Map<String, Object> body(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                body.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return body;
    }

    private static Map<String, Object> expansion(String status, String... dates) {
        Map<String, Object> b = body("name", "栖霞区示范小学扩建工程", "region", "320113", "school", QIXIA_SCHOOL,
                "kind", "expansion", "seatsAdded", 540, "classesAdded", 12, "budget", 48000000, "status", status,
                "expectedOpeningOn", "2024-09-01", "source", "test");
        String[] fields = { "approvedOn", "constructionStartedOn", "completedOn", "openedOn" };
        for (int i = 0; i < dates.length; i++) {
            b.put(fields[i], dates[i]);
        }
        return b;
    }

    private static Response put(String token, String code, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().put(COLLECTION + "/" + code);
    }

    private static void deleteIfPresent(String code) {
        given().auth().oauth2(Tokens.admin()).when().delete(COLLECTION + "/" + code).then().statusCode(oneOf(204, 404));
    }

    @Test
    void createsReadsReplacesAndDeletesAProjectUnderOptimisticConcurrency() {
        deleteIfPresent("QX-CRUD-01");
        String etag = put(Tokens.admin(), "QX-CRUD-01", expansion("approved", "2023-03-15"))
                .then().statusCode(201)
                .header("Location", containsString(COLLECTION + "/QX-CRUD-01"))
                .body("code", equalTo("QX-CRUD-01"))
                .body("region", equalTo("320113"))
                .body("school", equalTo(QIXIA_SCHOOL))
                .body("seatsAdded", equalTo(540))
                .body("status", equalTo("approved"))
                .body("approvedOn", equalTo("2023-03-15"))
                .body("version", equalTo(0))
                .extract().header("ETag");
        given().auth().oauth2(Tokens.admin()).when().get(COLLECTION + "/QX-CRUD-01")
                .then().statusCode(200).header("ETag", equalTo(etag)).body("kind", equalTo("expansion"));
        given().auth().oauth2(Tokens.admin()).header("If-None-Match", etag).when().get(COLLECTION + "/QX-CRUD-01")
                .then().statusCode(304);

        String current = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(expansion("under-construction", "2023-03-15", "2023-06-01")).when().put(COLLECTION + "/QX-CRUD-01")
                .then().statusCode(200).body("status", equalTo("under-construction")).body("version", equalTo(1))
                .extract().header("ETag");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(expansion("under-construction", "2023-03-15", "2023-06-01")).when().put(COLLECTION + "/QX-CRUD-01")
                .then().statusCode(412).contentType(PROBLEM).body("type", equalTo("urn:dengta:problem:precondition-failed"));
        given().auth().oauth2(Tokens.admin()).header("If-Match", etag).when().delete(COLLECTION + "/QX-CRUD-01")
                .then().statusCode(412).contentType(PROBLEM);

        given().auth().oauth2(Tokens.admin()).header("If-Match", current).when().delete(COLLECTION + "/QX-CRUD-01")
                .then().statusCode(204);
        given().auth().oauth2(Tokens.admin()).when().get(COLLECTION + "/QX-CRUD-01")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void movesForwardSeveralStepsInOnePutWhenEveryStepHasItsDate() {
        deleteIfPresent("QX-JUMP-01");
        put(Tokens.admin(), "QX-JUMP-01", expansion("planned")).then().statusCode(201);
        put(Tokens.admin(), "QX-JUMP-01", expansion("in-use"))
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.pointer", contains("/approvedOn", "/constructionStartedOn", "/completedOn", "/openedOn"))
                .body("errors.code", everyItem(equalTo("missing_step_date")));
        put(Tokens.admin(), "QX-JUMP-01", expansion("in-use", "2023-03-15", "2023-06-01", "2024-07-20"))
                .then().statusCode(400).body("errors.pointer", contains("/openedOn"));
        put(Tokens.admin(), "QX-JUMP-01", expansion("in-use", "2023-03-15", "2023-06-01", "2024-07-20", "2024-09-01"))
                .then().statusCode(200).body("status", equalTo("in-use")).body("openedOn", equalTo("2024-09-01"));
    }

    @Test
    void answersMovingTheStatusBackwardsWithAConflict() {
        deleteIfPresent("QX-BACK-01");
        put(Tokens.admin(), "QX-BACK-01", expansion("completed", "2023-03-15", "2023-06-01", "2024-07-20"))
                .then().statusCode(201);
        put(Tokens.admin(), "QX-BACK-01", expansion("under-construction", "2023-03-15", "2023-06-01"))
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:dengta:problem:conflict"))
                .body("detail", containsString("cannot go back"));
        given().auth().oauth2(Tokens.admin()).when().get(COLLECTION + "/QX-BACK-01")
                .then().statusCode(200).body("status", equalTo("completed")).body("version", equalTo(0));
    }

    @Test
    void rejectsStepDatesOutOfOrderOrNotYetReached() {
        put(Tokens.admin(), "QX-DATES-01", expansion("under-construction", "2023-06-01", "2023-03-15"))
                .then().statusCode(400)
                .body("errors.pointer", contains("/constructionStartedOn"))
                .body("errors.code", contains("before_previous_step"));
        put(Tokens.admin(), "QX-DATES-01", expansion("approved", "2023-03-15", null, null, "2024-09-01"))
                .then().statusCode(400).body("errors.code", contains("step_not_reached"));
        put(Tokens.admin(), "QX-DATES-01", expansion("approved", java.time.LocalDate.now().plusYears(1).toString()))
                .then().statusCode(400).body("errors.code", contains("in_future"));
    }

    @Test
    void appliesTheKindAndReferenceRules() {
        Map<String, Object> renovation = expansion("planned");
        renovation.put("kind", "renovation");
        put(Tokens.admin(), "QX-RULES-01", renovation)
                .then().statusCode(400).body("errors.pointer", contains("/seatsAdded"))
                .body("errors.code", contains("not_allowed"));

        Map<String, Object> noSchool = expansion("planned");
        noSchool.remove("school");
        put(Tokens.admin(), "QX-RULES-01", noSchool)
                .then().statusCode(400).body("errors.pointer", contains("/school")).body("errors.code", contains("required"));

        Map<String, Object> unknown = expansion("planned");
        unknown.put("region", "320999");
        unknown.put("school", "7409999999");
        put(Tokens.admin(), "QX-RULES-01", unknown)
                .then().statusCode(400).body("errors.code", containsInAnyOrder("unknown_region", "unknown_school"));

        Map<String, Object> elsewhere = expansion("planned");
        elsewhere.put("school", WUJIN_SCHOOL);
        put(Tokens.admin(), "QX-RULES-01", elsewhere)
                .then().statusCode(400).body("errors.code", contains("outside_region"));

        Map<String, Object> newSchool = expansion("planned");
        newSchool.remove("school");
        newSchool.put("kind", "new-school");
        deleteIfPresent("QX-RULES-02");
        put(Tokens.admin(), "QX-RULES-02", newSchool).then().statusCode(201).body("school", nullValue());
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        Map<String, Object> bad = body("name", "", "region", "3201", "school", "74", "kind", "rebuild",
                "seatsAdded", -1, "classesAdded", -1, "budget", -5, "status", "done");
        put(Tokens.admin(), "QX-BAD-01", bad)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.pointer", containsInAnyOrder("/name", "/region", "/school", "/kind", "/seatsAdded",
                        "/classesAdded", "/budget", "/status"));
        put(Tokens.admin(), "QX-BAD-01", body("name", "x", "region", "320113", "kind", "new-school", "seatsAdded", 1,
                "status", "planned", "openedOn", "2024-02-30"))
                .then().statusCode(400).body("errors[0].pointer", equalTo("/openedOn"));
    }

    @Test
    void rejectsMalformedProjectCodes() {
        for (String code : List.of("QX1", "QX_2024_01", "QX.2024", "A234567890123456789012345678901234")) {
            given().auth().oauth2(Tokens.admin()).when().get(COLLECTION + "/" + code)
                    .then().statusCode(400).body("errors[0].pointer", equalTo("projectCode"));
        }
        given().auth().oauth2(Tokens.admin()).when().get(COLLECTION + "/QX-2024-NONE").then().statusCode(404);
    }

    /** role × scope × operation on a Qixia expansion of a Qixia school. */
    @Test
    void enforcesTheAccessMatrix() {
        record Row(String who, String token, int get, int put, int delete, boolean listed) {
        }
        List<Row> rows = List.of(
                new Row("platform-admin", Tokens.admin(), 200, 200, 204, true),
                new Row("school-clerk of the school", Tokens.role("school-clerk").school(QIXIA_SCHOOL).get(), 200, 403, 403, true),
                new Row("school-clerk of another school", Tokens.role("school-clerk").school(OTHER_QIXIA_SCHOOL).get(), 404, 403, 403, false),
                new Row("data-feed of the region", Tokens.role("data-feed").region("320113").get(), 200, 200, 204, true),
                new Row("data-feed of the province", Tokens.role("data-feed").region("320000").get(), 200, 200, 204, true),
                new Row("data-feed of another region", Tokens.role("data-feed").region("440307").get(), 404, 404, 404, false),
                new Row("bureau-analyst of the region", Tokens.role("bureau-analyst").region("320113").get(), 200, 403, 403, true),
                new Row("viewer of another region", Tokens.role("viewer").region("440307").get(), 404, 403, 403, false));
        List<String> mismatches = new ArrayList<>();
        Map<String, Object> project = expansion("approved", "2023-03-15");
        for (Row row : rows) {
            put(Tokens.admin(), "QX-MATRIX-01", project).then().statusCode(oneOf(200, 201));
            expect(mismatches, row.who() + " GET", row.get(),
                    given().auth().oauth2(row.token()).when().get(COLLECTION + "/QX-MATRIX-01").statusCode());
            expect(mismatches, row.who() + " PUT", row.put(), put(row.token(), "QX-MATRIX-01", project).statusCode());
            expect(mismatches, row.who() + " DELETE", row.delete(),
                    given().auth().oauth2(row.token()).when().delete(COLLECTION + "/QX-MATRIX-01").statusCode());
            put(Tokens.admin(), "QX-MATRIX-01", project).then().statusCode(oneOf(200, 201));
            List<String> listed = given().auth().oauth2(row.token()).queryParam("school", QIXIA_SCHOOL).queryParam("limit", 1000)
                    .when().get(COLLECTION).then().statusCode(200).extract().path("items.code");
            expect(mismatches, row.who() + " listed", row.listed() ? 1 : 0,
                    (int) listed.stream().filter("QX-MATRIX-01"::equals).count());
        }
        assertEquals(List.of(), mismatches);
    }

    private static void expect(List<String> mismatches, String what, int expected, int actual) {
        if (expected != actual) {
            mismatches.add(what + ": expected " + expected + " but was " + actual);
        }
    }

    @Test
    void createsProjectsOnlyInTheRegionsOfTheWriter() {
        deleteIfPresent("QX-FEED-01");
        put(Tokens.role("data-feed").region("440307").get(), "QX-FEED-01", expansion("planned"))
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("urn:dengta:problem:forbidden"));
        put(Tokens.role("data-feed").region("320113").get(), "QX-FEED-01", expansion("planned")).then().statusCode(201);
        // moving it to a region outside the feed's scope is managing that region
        Map<String, Object> moved = expansion("planned");
        moved.put("region", "320412");
        moved.put("school", WUJIN_SCHOOL);
        put(Tokens.role("data-feed").region("320113").get(), "QX-FEED-01", moved).then().statusCode(403);
    }

    @Test
    void showsAProjectWithoutASchoolToItsRegionOnly() {
        Map<String, Object> newSchool = expansion("planned");
        newSchool.remove("school");
        newSchool.put("kind", "new-school");
        put(Tokens.admin(), "QX-NEW-01", newSchool).then().statusCode(oneOf(200, 201));
        given().auth().oauth2(Tokens.role("bureau-analyst").region("320113").get()).when().get(COLLECTION + "/QX-NEW-01")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.role("school-clerk").school(QIXIA_SCHOOL).get()).when().get(COLLECTION + "/QX-NEW-01")
                .then().statusCode(404);
    }

    /** Seed 003: Wujin's projects entering use in 2024 add 11,000+ seats. */
    @Test
    void sumsTheSeatsOfWujinsProjectsThatEnteredUseIn2024() {
        int[] seats = { 2160, 2700, 2400, 1800, 2100 };
        for (int i = 0; i < seats.length; i++) {
            put(Tokens.admin(), "WJ-2024-0" + (i + 1), body("name", "武进区2024年新建学校工程" + (i + 1), "region", "320412",
                    "kind", "new-school", "seatsAdded", seats[i], "status", "in-use", "approvedOn", "2022-05-10",
                    "constructionStartedOn", "2022-09-01", "completedOn", "2024-07-15", "openedOn", "2024-09-01"))
                    .then().statusCode(oneOf(200, 201));
        }
        put(Tokens.admin(), "WJ-2024-R1", body("name", "武进区学校改造工程", "region", "320412", "school", WUJIN_SCHOOL,
                "kind", "renovation", "seatsAdded", 0, "status", "in-use", "approvedOn", "2024-01-10",
                "constructionStartedOn", "2024-03-01", "completedOn", "2024-08-01", "openedOn", "2024-09-01"))
                .then().statusCode(oneOf(200, 201));
        put(Tokens.admin(), "WJ-2023-01", body("name", "武进区2023年扩建工程", "region", "320412", "school", WUJIN_SCHOOL,
                "kind", "expansion", "seatsAdded", 900, "status", "in-use", "approvedOn", "2022-01-10",
                "constructionStartedOn", "2022-03-01", "completedOn", "2023-08-01", "openedOn", "2023-09-01"))
                .then().statusCode(oneOf(200, 201));

        Response in2024 = given().auth().oauth2(Tokens.role("bureau-analyst").region("320400").get())
                .queryParam("region", "320400").queryParam("status", "in-use")
                .queryParam("openedFrom", "2024-01-01").queryParam("openedTo", "2024-12-31")
                .queryParam("includeTotal", "true").queryParam("limit", 1000)
                .when().get(COLLECTION);
        in2024.then().statusCode(200).body("total", equalTo(6)).body("items.code", not(hasItem("WJ-2023-01")));
        List<Integer> added = in2024.path("items.seatsAdded");
        int total = added.stream().mapToInt(Integer::intValue).sum();
        assertEquals(11160, total);
        assertTrue(total > 11000);
    }

    /** Seed 004: Jinpu starts 7 projects in 2023; 4 open in the autumn, adding 4,500 seats. */
    @Test
    void filtersJinpusProjectsByOpeningDatesStatusAndKind() {
        int[] opened = { 1200, 1080, 1260, 960 };
        for (int i = 0; i < opened.length; i++) {
            put(Tokens.admin(), "JP-2023-0" + (i + 1), body("name", "金普新区2023年学校工程" + (i + 1), "region", "210213",
                    "school", i == 0 ? JINPU_SCHOOL : null, "kind", i == 0 ? "expansion" : "new-school",
                    "seatsAdded", opened[i], "status", "in-use", "approvedOn", "2022-11-20",
                    "constructionStartedOn", "2023-01-10", "completedOn", "2023-08-15", "expectedOpeningOn", "2023-09-01",
                    "openedOn", "2023-09-01"))
                    .then().statusCode(oneOf(200, 201));
        }
        for (int i = 5; i <= 7; i++) {
            put(Tokens.admin(), "JP-2023-0" + i, body("name", "金普新区2023年学校工程" + i, "region", "210213",
                    "kind", "new-school", "seatsAdded", 1500, "status", "under-construction", "approvedOn", "2023-02-01",
                    "constructionStartedOn", "2023-05-01", "expectedOpeningOn", "2024-09-01"))
                    .then().statusCode(oneOf(200, 201));
        }
        String analyst = Tokens.role("bureau-analyst").region("210213").get();

        given().auth().oauth2(analyst).queryParam("region", "210213").queryParam("includeTotal", "true")
                .when().get(COLLECTION).then().statusCode(200).body("total", equalTo(7));
        Response autumn = given().auth().oauth2(analyst).queryParam("region", "210200").queryParam("status", "in-use")
                .queryParam("openedFrom", "2023-09-01").queryParam("openedTo", "2023-11-30").when().get(COLLECTION);
        autumn.then().statusCode(200).body("items", hasSize(4));
        assertEquals(4500, autumn.<List<Integer>>path("items.seatsAdded").stream().mapToInt(Integer::intValue).sum());
        given().auth().oauth2(analyst).queryParam("region", "210213")
                .queryParam("expectedOpeningFrom", "2024-09-01").queryParam("expectedOpeningTo", "2024-09-01")
                .when().get(COLLECTION).then().statusCode(200)
                .body("items.code", containsInAnyOrder("JP-2023-05", "JP-2023-06", "JP-2023-07"));
        given().auth().oauth2(analyst).queryParam("kind", "expansion")
                .when().get(COLLECTION).then().statusCode(200).body("items.code", contains("JP-2023-01"));
        given().auth().oauth2(analyst).queryParam("school", JINPU_SCHOOL)
                .when().get(COLLECTION).then().statusCode(200).body("items.code", contains("JP-2023-01"));
        given().auth().oauth2(analyst).queryParam("updatedSince", "2999-01-01T00:00:00Z")
                .when().get(COLLECTION).then().statusCode(200).body("items", hasSize(0));
        // Qixia's analyst sees none of them
        given().auth().oauth2(Tokens.role("bureau-analyst").region("320113").get()).queryParam("region", "210213")
                .when().get(COLLECTION).then().statusCode(200).body("items", hasSize(0));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Response page = given().auth().oauth2(analyst).queryParam("region", "210213").queryParam("limit", 3)
                    .queryParam("sort", "-name").queryParam("cursor", cursor == null ? "" : cursor).when().get(COLLECTION);
            page.then().statusCode(200);
            seen.addAll(page.path("items.code"));
            cursor = page.path("next");
        } while (cursor != null);
        assertEquals(7, seen.size());
        assertEquals(7, new HashSet<>(seen).size());
        assertEquals("JP-2023-07", seen.get(0));
    }

    @Test
    void rejectsMalformedListFilters() {
        Map<String, String> bad = Map.of("region", "21", "status", "done", "kind", "rebuild", "school", "74",
                "expectedOpeningFrom", "2024-13-01", "openedTo", "autumn", "updatedSince", "yesterday",
                "sort", "budget", "limit", "1001", "includeTotal", "yes");
        bad.forEach((name, value) -> given().auth().oauth2(Tokens.admin()).queryParam(name, value)
                .when().get(COLLECTION)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].pointer", equalTo(name)));
        given().auth().oauth2(Tokens.admin()).queryParam("expectedOpeningFrom", "2024-09-01")
                .queryParam("expectedOpeningTo", "2024-01-01").when().get(COLLECTION)
                .then().statusCode(400).body("errors[0].pointer", equalTo("expectedOpeningTo"));
    }

    @Test
    void publishesUpsertsAndDeletesInTheChangeFeed() {
        deleteIfPresent("QX-FEED-02");
        put(Tokens.admin(), "QX-FEED-02", expansion("planned")).then().statusCode(201);
        given().auth().oauth2(Tokens.admin()).when().delete(COLLECTION + "/QX-FEED-02").then().statusCode(204);

        Response feed = given().auth().oauth2(Tokens.admin()).queryParam("after", 0).queryParam("limit", 1000)
                .queryParam("resourceType", "construction-project").when().get("/schools/v1/changes");
        feed.then().statusCode(200).body("items.resourceType", everyItem(equalTo("construction-project")));
        List<Map<String, Object>> mine = feed.jsonPath().getList("items.findAll { it.key == 'QX-FEED-02' }");
        assertEquals(List.of("upsert", "delete"),
                mine.subList(mine.size() - 2, mine.size()).stream().map(m -> m.get("operation")).toList());
        assertEquals("320113", mine.get(mine.size() - 1).get("region"));
        assertEquals(QIXIA_SCHOOL, mine.get(mine.size() - 1).get("school"));
        given().auth().oauth2(Tokens.role("bureau-analyst").region("320113").get()).queryParam("limit", 1000)
                .queryParam("resourceType", "construction-project").when().get("/schools/v1/changes")
                .then().statusCode(200).body("items.key", hasItems("QX-FEED-02"));
    }
}
