package io.dengta.schools.schoolyear;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
class SchoolYearFactsResourceTest {

    private static final String PROBLEM = "application/problem+json";
    /** 九年一贯制 school in Qixia (primary + junior). */
    private static final String NINE_YEAR = "7301130001";
    /** Another Qixia school, junior only. */
    private static final String JUNIOR = "7301130002";
    /** A Qixia school that closed on 2023-07-15. */
    private static final String CLOSED = "7301130003";
    /** Two Taicang schools for the cross-school list. */
    private static final String TAICANG_PRIMARY = "7305850001";
    private static final String TAICANG_JUNIOR = "7305850002";

    private static final String FACTS = """
            {"grades": [{"grade": "p1", "pupils": 270, "classes": 6}, {"grade": "j1", "pupils": 300, "classes": 6}],
             "classSizes": {"classesOver45": 3, "classesOver50": 1, "classesOver55": 0, "classesOver65": 0},
             "teachingFloorArea": 4200.5, "supportFloorArea": 1300, "sportsGroundArea": 6800,
             "equipmentValue": 1250000, "multimediaClassrooms": 12, "musicRooms": 2, "artRooms": 2,
             "source": "test"}""";

    @BeforeEach
    void registerSchools() {
        school(NINE_YEAR, "320113", "\"primary\", \"junior\"", "open", null);
        school(JUNIOR, "320113", "\"junior\"", "open", null);
        school(CLOSED, "320113", "\"primary\"", "closed", "2023-07-15");
        school(TAICANG_PRIMARY, "320585", "\"primary\"", "open", null);
        school(TAICANG_JUNIOR, "320585", "\"junior\"", "open", null);
    }

    private static void school(String code, String region, String stages, String status, String closedOn) {
        String body = "{\"name\": \"测试学校" + code + "\", \"region\": \"" + region + "\", \"stages\": [" + stages
                + "], \"ownership\": \"public\", \"status\": \"" + status + "\", \"openedOn\": \"1998-09-01\""
                + (closedOn == null ? "" : ", \"closedOn\": \"" + closedOn + "\"") + "}";
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .when().put("/schools/v1/schools/" + code)
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    private static String path(String school, String year) {
        return "/schools/v1/schools/" + school + "/years/" + year;
    }

    private static Response put(String token, String school, String year, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().put(path(school, year));
    }

    private static String primaryOnly(int pupils, int classes) {
        return FACTS.replace("{\"grade\": \"p1\", \"pupils\": 270, \"classes\": 6}, {\"grade\": \"j1\", \"pupils\": 300, "
                + "\"classes\": 6}", "{\"grade\": \"p1\", \"pupils\": " + pupils + ", \"classes\": " + classes + "}")
                .replace("\"classesOver45\": 3, \"classesOver50\": 1", "\"classesOver45\": 0, \"classesOver50\": 0");
    }

    @Test
    void createsReadsReplacesAndDeletesFactsUnderOptimisticConcurrency() {
        given().auth().oauth2(Tokens.admin()).when().delete(path(NINE_YEAR, "2019Sep"));
        String etag = put(Tokens.admin(), NINE_YEAR, "2019Sep", FACTS)
                .then().statusCode(201)
                .header("Location", containsString(path(NINE_YEAR, "2019Sep")))
                .body("school", equalTo(NINE_YEAR))
                .body("schoolYear", equalTo("2019Sep"))
                .body("region", equalTo("320113"))
                .body("grades.grade", contains("p1", "j1"))
                .body("pupils", equalTo(570))
                .body("classes", equalTo(12))
                .body("classSizes.classesOver45", equalTo(3))
                .body("teachingFloorArea", equalTo(4200.5f))
                .body("version", equalTo(0))
                .extract().header("ETag");

        given().auth().oauth2(Tokens.admin()).when().get(path(NINE_YEAR, "2019Sep"))
                .then().statusCode(200).header("ETag", equalTo(etag)).body("musicRooms", equalTo(2));
        given().auth().oauth2(Tokens.admin()).header("If-None-Match", etag).when().get(path(NINE_YEAR, "2019Sep"))
                .then().statusCode(304);

        String replaced = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(primaryOnly(40, 1)).when().put(path(NINE_YEAR, "2019Sep"))
                .then().statusCode(200)
                .body("grades.grade", contains("p1"))
                .body("pupils", equalTo(40))
                .body("version", equalTo(1))
                .extract().header("ETag");

        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", etag).body(FACTS)
                .when().put(path(NINE_YEAR, "2019Sep"))
                .then().statusCode(412).contentType(PROBLEM)
                .body("type", equalTo("urn:dengta:problem:precondition-failed"));
        given().auth().oauth2(Tokens.admin()).header("If-Match", etag).when().delete(path(NINE_YEAR, "2019Sep"))
                .then().statusCode(412).contentType(PROBLEM);

        given().auth().oauth2(Tokens.admin()).header("If-Match", replaced).when().delete(path(NINE_YEAR, "2019Sep"))
                .then().statusCode(204);
        given().auth().oauth2(Tokens.admin()).when().get(path(NINE_YEAR, "2019Sep"))
                .then().statusCode(404).contentType(PROBLEM).body("type", equalTo("urn:dengta:problem:not-found"));
    }

    @Test
    void rejectsSchoolYearCodesThatAreNotFourDigitsThenSep() {
        for (String year : List.of("2024", "2024sep", "2024SEP", "2024Sept", "24Sep", "1999Sep", "2101Sep", "2024S1")) {
            given().auth().oauth2(Tokens.admin()).when().get(path(NINE_YEAR, year))
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].pointer", equalTo("schoolYear"))
                    .body("errors[0].code", equalTo("invalid_school_year"));
            put(Tokens.admin(), NINE_YEAR, year, FACTS).then().statusCode(400).body("errors[0].pointer", equalTo("schoolYear"));
        }
    }

    @Test
    void rejectsMalformedSchoolCodes() {
        given().auth().oauth2(Tokens.admin()).when().get(path("73011300", "2024Sep"))
                .then().statusCode(400).body("errors[0].pointer", equalTo("schoolCode"));
    }

    @Test
    void answersNotFoundForAnUnknownSchoolOrAYearWithoutFacts() {
        put(Tokens.admin(), "7309999999", "2024Sep", FACTS)
                .then().statusCode(404).contentType(PROBLEM).body("detail", containsString("7309999999"));
        given().auth().oauth2(Tokens.admin()).when().get(path(NINE_YEAR, "2001Sep")).then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/schools/7309999999/years").then().statusCode(404);
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        String body = """
                {"grades": [{"grade": "p1", "pupils": -1, "classes": -2}, {"grade": "p7", "pupils": 10, "classes": 1}],
                 "classSizes": {"classesOver45": -1, "classesOver50": 0, "classesOver55": 0},
                 "supportFloorArea": -1, "sportsGroundArea": -0.5, "equipmentValue": -100,
                 "multimediaClassrooms": -1, "musicRooms": -1, "artRooms": -1}""";
        put(Tokens.admin(), NINE_YEAR, "2024Sep", body)
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:dengta:problem:validation"))
                .body("errors.pointer", hasItems("/grades/0/pupils", "/grades/0/classes", "/grades/1/grade",
                        "/classSizes/classesOver45", "/classSizes/classesOver65", "/teachingFloorArea",
                        "/supportFloorArea", "/sportsGroundArea", "/equipmentValue", "/multimediaClassrooms",
                        "/musicRooms", "/artRooms"))
                .body("errors", hasSize(12));
        put(Tokens.admin(), NINE_YEAR, "2024Sep", FACTS.replaceFirst("\\[\\{\"grade\".*\\}\\],", "[],"))
                .then().statusCode(400).body("errors.pointer", hasItem("/grades"));
    }

    @Test
    void rejectsFieldsOfTheResponseInARequest() {
        put(Tokens.admin(), NINE_YEAR, "2024Sep", FACTS.replace("\"source\"", "\"pupils\": 570, \"source\""))
                .then().statusCode(400).body("errors[0].pointer", equalTo("/pupils"))
                .body("errors[0].code", equalTo("unknown_field"));
    }

    @Test
    void rejectsGradesOfStagesTheSchoolDoesNotOffer() {
        put(Tokens.admin(), JUNIOR, "2024Sep", FACTS)
                .then().statusCode(400)
                .body("errors.pointer", contains("/grades/0/grade"))
                .body("errors.code", contains("grade_not_offered"));
    }

    @Test
    void rejectsClassesInconsistentWithPupils() {
        put(Tokens.admin(), NINE_YEAR, "2024Sep", primaryOnly(40, 0))
                .then().statusCode(400).body("errors.code", contains("missing_classes"));
        put(Tokens.admin(), NINE_YEAR, "2024Sep", primaryOnly(2, 3))
                .then().statusCode(400).body("errors.code", contains("fewer_than_classes"));
        put(Tokens.admin(), NINE_YEAR, "2024Sep", primaryOnly(90, 1))
                .then().statusCode(400).body("errors.code", contains("class_size_implausible"));
    }

    @Test
    void rejectsClassSizeCountsThatDoNotNestOrExceedTheClasses() {
        put(Tokens.admin(), NINE_YEAR, "2024Sep", FACTS.replace("\"classesOver50\": 1", "\"classesOver50\": 4"))
                .then().statusCode(400).body("errors.code", contains("not_monotonic"))
                .body("errors.pointer", contains("/classSizes/classesOver50"));
        put(Tokens.admin(), NINE_YEAR, "2024Sep", FACTS.replace("\"classesOver45\": 3", "\"classesOver45\": 13"))
                .then().statusCode(400).body("errors.code", contains("exceeds_classes"));
    }

    @Test
    void rejectsASchoolYearAfterTheSchoolClosed() {
        put(Tokens.admin(), CLOSED, "2023Sep", primaryOnly(40, 1))
                .then().statusCode(400).body("errors.pointer", contains("schoolYear"))
                .body("errors.code", contains("after_closing"));
        put(Tokens.admin(), CLOSED, "2022Sep", primaryOnly(40, 1)).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    @Test
    void acceptsNextSchoolYearButNotTheOneAfter() {
        int current = SchoolYear.containing(LocalDate.now(ZoneOffset.ofHours(8))).startYear();
        String next = (current + 1) + "Sep";
        given().auth().oauth2(Tokens.admin()).when().delete(path(NINE_YEAR, next));
        put(Tokens.admin(), NINE_YEAR, next, FACTS).then().statusCode(201);
        put(Tokens.admin(), NINE_YEAR, (current + 2) + "Sep", FACTS)
                .then().statusCode(400).body("errors.code", contains("too_far_in_future"));
    }

    /** role × scope × operation on facts of a Qixia school. */
    @Test
    void enforcesTheAccessMatrix() {
        record Row(String who, String token, int get, int put, int delete, boolean listed) {
        }
        List<Row> rows = List.of(
                new Row("platform-admin", Tokens.admin(), 200, 200, 204, true),
                new Row("school-clerk of the school", Tokens.role("school-clerk").school(NINE_YEAR).get(), 200, 200, 204, true),
                new Row("school-clerk of another school", Tokens.role("school-clerk").school(JUNIOR).get(), 404, 403, 403, false),
                new Row("data-feed of the region", Tokens.role("data-feed").region("320113").get(), 200, 200, 204, true),
                new Row("data-feed of the city", Tokens.role("data-feed").region("320100").get(), 200, 200, 204, true),
                new Row("data-feed of another region", Tokens.role("data-feed").region("440307").get(), 404, 403, 403, false),
                new Row("bureau-analyst of the region", Tokens.role("bureau-analyst").region("320113").get(), 200, 403, 403, true),
                new Row("viewer of the region", Tokens.role("viewer").region("320113").get(), 200, 403, 403, true),
                new Row("viewer of another region", Tokens.role("viewer").region("440307").get(), 404, 403, 403, false));
        List<String> mismatches = new ArrayList<>();
        for (Row row : rows) {
            put(Tokens.admin(), NINE_YEAR, "2024Sep", FACTS).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
            expect(mismatches, row.who() + " GET", row.get(),
                    given().auth().oauth2(row.token()).when().get(path(NINE_YEAR, "2024Sep")).statusCode());
            expect(mismatches, row.who() + " PUT", row.put(), put(row.token(), NINE_YEAR, "2024Sep", FACTS).statusCode());
            expect(mismatches, row.who() + " DELETE", row.delete(),
                    given().auth().oauth2(row.token()).when().delete(path(NINE_YEAR, "2024Sep")).statusCode());
            put(Tokens.admin(), NINE_YEAR, "2024Sep", FACTS).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
            List<String> listed = given().auth().oauth2(row.token())
                    .queryParam("school", NINE_YEAR).queryParam("schoolYear", "2024Sep")
                    .when().get("/schools/v1/school-years").then().statusCode(200).extract().path("items.school");
            expect(mismatches, row.who() + " listed", row.listed() ? 1 : 0, listed.size());
            int ownList = given().auth().oauth2(row.token()).when().get("/schools/v1/schools/" + NINE_YEAR + "/years")
                    .statusCode();
            expect(mismatches, row.who() + " GET years of the school", row.get(), ownList);
        }
        assertEquals(List.of(), mismatches);
    }

    private static void expect(List<String> mismatches, String what, int expected, int actual) {
        if (expected != actual) {
            mismatches.add(what + ": expected " + expected + " but was " + actual);
        }
    }

    @Test
    void listsASchoolsYearsPageByPage() {
        for (String year : List.of("2020Sep", "2021Sep", "2022Sep")) {
            put(Tokens.admin(), TAICANG_PRIMARY, year, primaryOnly(40, 1)).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        }
        Response first = given().auth().oauth2(Tokens.admin()).queryParam("limit", 2).queryParam("sort", "-schoolYear")
                .queryParam("includeTotal", "true")
                .when().get("/schools/v1/schools/" + TAICANG_PRIMARY + "/years");
        first.then().statusCode(200).body("items", hasSize(2)).body("next", notNullValue());
        List<String> seen = new ArrayList<>(first.path("items.schoolYear"));
        int total = first.path("total");
        String cursor = first.path("next");
        while (cursor != null) {
            Response page = given().auth().oauth2(Tokens.admin()).queryParam("limit", 2).queryParam("sort", "-schoolYear")
                    .queryParam("cursor", cursor).when().get("/schools/v1/schools/" + TAICANG_PRIMARY + "/years");
            page.then().statusCode(200);
            seen.addAll(page.path("items.schoolYear"));
            cursor = page.path("next");
        }
        assertEquals(total, seen.size());
        assertEquals(seen.stream().sorted(java.util.Comparator.reverseOrder()).toList(), seen);
        org.hamcrest.MatcherAssert.assertThat(seen, hasItems("2022Sep", "2021Sep", "2020Sep"));
        given().auth().oauth2(Tokens.admin()).queryParam("sort", "school")
                .when().get("/schools/v1/schools/" + TAICANG_PRIMARY + "/years")
                .then().statusCode(400).body("errors[0].pointer", equalTo("sort"));
    }

    @Test
    void listsFactsAcrossTheSchoolsOfARegion() {
        put(Tokens.admin(), TAICANG_PRIMARY, "2023Sep", primaryOnly(40, 1)).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        put(Tokens.admin(), TAICANG_JUNIOR, "2023Sep", FACTS.replace("\"grade\": \"p1\"", "\"grade\": \"j2\""))
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));

        given().auth().oauth2(Tokens.role("bureau-analyst").region("320500").get())
                .queryParam("region", "320500").queryParam("schoolYear", "2023Sep").queryParam("includeTotal", "true")
                .when().get("/schools/v1/school-years")
                .then().statusCode(200)
                .body("items.school", hasItems(TAICANG_PRIMARY, TAICANG_JUNIOR))
                .body("items.schoolYear", everyItem(equalTo("2023Sep")))
                .body("items.region", everyItem(equalTo("320585")))
                .body("total", equalTo(2));
        given().auth().oauth2(Tokens.admin())
                .queryParam("region", "320585").queryParam("schoolYear", "2023Sep").queryParam("stage", "junior")
                .when().get("/schools/v1/school-years")
                .then().statusCode(200).body("items.school", contains(TAICANG_JUNIOR));
        // scope: Qixia's analyst asking for Taicang sees nothing; the clerk of one school sees only it
        given().auth().oauth2(Tokens.role("bureau-analyst").region("320113").get())
                .queryParam("region", "320585").when().get("/schools/v1/school-years")
                .then().statusCode(200).body("items", hasSize(0)).body("next", nullValue());
        given().auth().oauth2(Tokens.role("school-clerk").school(TAICANG_JUNIOR).get())
                .queryParam("schoolYear", "2023Sep").when().get("/schools/v1/school-years")
                .then().statusCode(200).body("items.school", contains(TAICANG_JUNIOR));
    }

    @Test
    void rejectsMalformedListFilters() {
        Map<String, String> bad = Map.of("schoolYear", "2023", "region", "3205", "stage", "college", "school", "123",
                "updatedSince", "yesterday", "limit", "0", "sort", "pupils");
        bad.forEach((name, value) -> given().auth().oauth2(Tokens.admin()).queryParam(name, value)
                .when().get("/schools/v1/school-years")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].pointer", equalTo(name)));
    }

    @Test
    void publishesUpsertsAndDeletesInTheChangeFeed() {
        given().auth().oauth2(Tokens.admin()).when().delete(path(NINE_YEAR, "2018Sep"));
        put(Tokens.role("school-clerk").school(NINE_YEAR).subject("clerk-7301130001").get(), NINE_YEAR, "2018Sep", FACTS)
                .then().statusCode(201);
        given().auth().oauth2(Tokens.admin()).when().delete(path(NINE_YEAR, "2018Sep")).then().statusCode(204);

        Response feed = given().auth().oauth2(Tokens.admin()).queryParam("after", 0).queryParam("limit", 1000)
                .queryParam("resourceType", "school-year").when().get("/schools/v1/changes");
        feed.then().statusCode(200).body("items.resourceType", everyItem(equalTo("school-year")));
        List<Map<String, Object>> mine = feed.jsonPath().getList("items.findAll { it.key == '" + NINE_YEAR + "/2018Sep' }");
        List<Object> operations = mine.stream().map(m -> m.get("operation")).toList();
        assertEquals("delete", operations.get(operations.size() - 1));
        assertEquals("upsert", operations.get(operations.size() - 2));
        assertEquals("320113", mine.get(mine.size() - 1).get("region"));
        assertEquals(NINE_YEAR, mine.get(mine.size() - 1).get("school"));

        // the feed of Qixia's data feed carries it; Longgang's does not
        given().auth().oauth2(Tokens.role("data-feed").region("440307").get()).queryParam("limit", 1000)
                .queryParam("resourceType", "school-year").when().get("/schools/v1/changes")
                .then().statusCode(200).body("items.key", not(hasItem(NINE_YEAR + "/2018Sep")));

        given().auth().oauth2(Tokens.admin()).queryParam("resourceType", "school-year")
                .queryParam("key", NINE_YEAR + "/2018Sep").when().get("/schools/v1/audit")
                .then().statusCode(200)
                .body("operation", hasItems("create", "delete"))
                .body("subject", hasItem("clerk-7301130001"))
                .body("find { it.operation == 'create' }.after.pupils", equalTo(570));
    }
}
