package io.dengta.schools.assignment;

import static io.dengta.schools.teacher.RegistryFixtures.PROBLEM;
import static io.dengta.schools.teacher.RegistryFixtures.assignment;
import static io.dengta.schools.teacher.RegistryFixtures.postAssignment;
import static io.dengta.schools.teacher.RegistryFixtures.putTeacher;
import static io.dengta.schools.teacher.RegistryFixtures.school;
import static io.dengta.schools.teacher.RegistryFixtures.teacher;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class AssignmentResourceTest {

    static final String S1 = "3201139031";
    static final String S2 = "3201139032";
    static final String VOCATIONAL = "3201139033";
    static final String XINWU = "3202149031";

    @BeforeEach
    void registry() {
        school(S1, "320113", "primary");
        school(S2, "320113", "primary");
        school(VOCATIONAL, "320113", "vocational");
        school(XINWU, "320214", "primary");
    }

    private static void teacherAt(String staffCode, String school) {
        Map<String, Object> body = teacher(school);
        body.remove("nationalId");
        io.dengta.schools.teacher.RegistryFixtures.teacher(staffCode, body);
    }

    private static Map<String, Object> regular(String teacher, String school, String startsOn, String endsOn,
            String fte) {
        return assignment(teacher, school, startsOn, endsOn, fte, "regular", null);
    }

    @Test
    void createsAssignmentWithLocationAndEtag() {
        teacherAt("AR-NEW", S1);
        Response created = postAssignment(Tokens.admin(), regular("AR-NEW", S1, "2024-09-01", "2025-08-31", "0.5"));
        created.then().statusCode(201)
                .header("ETag", notNullValue())
                .body("id", notNullValue())
                .body("teacher", equalTo("AR-NEW"))
                .body("school", equalTo(S1))
                .body("startsOn", equalTo("2024-09-01"))
                .body("endsOn", equalTo("2025-08-31"))
                .body("fte", equalTo(0.5f))
                .body("role", equalTo("teacher"))
                .body("kind", equalTo("regular"))
                .body("originSchool", nullValue())
                .body("version", equalTo(0));
        String id = created.path("id");
        String location = created.header("Location");
        assertEquals(true, location.endsWith("/schools/v1/assignments/" + id));
        given().auth().oauth2(Tokens.admin()).when().get(location)
                .then().statusCode(200).body("id", equalTo(id)).header("ETag", notNullValue());
    }

    @Test
    void replaysCreateForTheSameIdempotencyKey() {
        teacherAt("AR-IDEM", S1);
        Map<String, Object> body = regular("AR-IDEM", S1, "2024-09-01", null, "1");
        String key = "ar-idem-" + UUID.randomUUID();
        Response first = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body).when().post("/schools/v1/assignments");
        first.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        Response replay = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body).when().post("/schools/v1/assignments");
        replay.then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", equalTo(first.header("Location")))
                .body("id", equalTo(first.path("id")));
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/teachers/AR-IDEM/assignments")
                .then().statusCode(200).body("items", hasSize(1));

        body.put("fte", 0.5);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/schools/v1/assignments")
                .then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:dengta:problem:idempotency-key-reused"));
        // without the key, the same (full-time, overlapping) body is a new request and breaks the rules
        postAssignment(Tokens.admin(), regular("AR-IDEM", S1, "2024-09-01", null, "1"))
                .then().statusCode(400).body("errors[0].code", equalTo("overlapping_full_time"));
    }

    @Test
    void rejectsOverlappingFullTimeAssignments() {
        teacherAt("AR-OVL", S1);
        assignment(regular("AR-OVL", S1, "2024-09-01", "2025-08-31", "1"));
        postAssignment(Tokens.admin(), regular("AR-OVL", S2, "2025-01-01", null, "0.5"))
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].pointer", equalTo("/startsOn"))
                .body("errors[0].code", equalTo("overlapping_full_time"));
        postAssignment(Tokens.admin(), regular("AR-OVL", S2, "2025-09-01", null, "1")).then().statusCode(201);
    }

    @Test
    void concurrentWritersNeverOverlapFullTimeAssignments() throws Exception {
        teacherAt("AR-RACE", S1);
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String school = i % 2 == 0 ? S1 : S2;
                statuses.add(pool.submit(() -> {
                    start.await();
                    return postAssignment(Tokens.admin(), regular("AR-RACE", school, "2024-09-01", null, "1"))
                            .statusCode();
                }));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                results.add(status.get(120, TimeUnit.SECONDS));
            }
            assertEquals(1, results.stream().filter(s -> s == 201).count(), results.toString());
            assertEquals(writers - 1, results.stream().filter(s -> s == 400).count(), results.toString());
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/teachers/AR-RACE/assignments")
                .then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void rejectsTotalFteAboveOne() {
        teacherAt("AR-FTE", S1);
        assignment(regular("AR-FTE", S1, "2024-09-01", null, "0.6"));
        postAssignment(Tokens.admin(), regular("AR-FTE", S2, "2025-03-01", "2025-06-30", "0.5"))
                .then().statusCode(400)
                .body("errors[0].pointer", equalTo("/fte"))
                .body("errors[0].code", equalTo("fte_exceeds_one"))
                .body("errors[0].message", containsString("1.1 FTE on 2025-03-01"));
        postAssignment(Tokens.admin(), regular("AR-FTE", S2, "2025-03-01", "2025-06-30", "0.4")).then().statusCode(201);
    }

    @Test
    void appliesTheRulesThroughHttp() {
        teacherAt("AR-RULES", S1);
        postAssignment(Tokens.admin(), assignment("AR-RULES", S1, "2024-09-01", "2024-08-31", "0.333", "rotation", S1))
                .then().statusCode(400)
                .body("errors.pointer", containsInAnyOrder("/endsOn", "/fte", "/originSchool"))
                .body("errors.code", containsInAnyOrder("before_start", "too_many_decimals", "same_as_school"));
        postAssignment(Tokens.admin(), assignment("AR-NOBODY", "3201139999", "2024-09-01", null, "1", "support", null))
                .then().statusCode(400)
                .body("errors.code", containsInAnyOrder("unknown_teacher", "unknown_school", "required"));
        postAssignment(Tokens.admin(), assignment("AR-RULES", S2, "2024-09-01", null, "1", "regular", S1))
                .then().statusCode(400).body("errors[0].code", equalTo("not_allowed"));
        Map<String, Object> bad = regular("AR RULES", "12", "2024-09-01", null, "1");
        bad.put("kind", "secondment");
        bad.put("role", "janitor");
        bad.remove("fte");
        postAssignment(Tokens.admin(), bad)
                .then().statusCode(400)
                .body("errors.pointer", hasItems("/teacher", "/school", "/kind", "/role", "/fte"));
    }

    @Test
    void replacesUnderOptimisticConcurrency() {
        teacherAt("AR-ETAG", S1);
        Map<String, Object> body = regular("AR-ETAG", S1, "2024-09-01", "2025-08-31", "1");
        Response created = postAssignment(Tokens.admin(), body);
        String id = created.path("id");
        String etag = created.header("ETag");
        // extending a full-time assignment does not overlap itself
        body.put("endsOn", "2026-08-31");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .when().put("/schools/v1/assignments/" + id)
                .then().statusCode(200).body("endsOn", equalTo("2026-08-31")).body("version", equalTo(1));
        body.put("fte", 0.8);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .when().put("/schools/v1/assignments/" + id)
                .then().statusCode(412).contentType(PROBLEM)
                .body("type", equalTo("urn:dengta:problem:precondition-failed"));
        given().auth().oauth2(Tokens.admin()).header("If-Match", etag).when().delete("/schools/v1/assignments/" + id)
                .then().statusCode(412);
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/assignments/" + id)
                .then().statusCode(200).body("fte", equalTo(1.0f));
    }

    @Test
    void answersMalformedAndUnknownIds() {
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/assignments/not-a-uuid")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].pointer", equalTo("id"));
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/assignments/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(regular("AR-NEW", S1, "2024-09-01", null, "1"))
                .when().put("/schools/v1/assignments/" + UUID.randomUUID())
                .then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/teachers/AR-NOBODY/assignments")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void filtersAssignments() {
        teacherAt("AR-L1", S1);
        teacherAt("AR-L2", XINWU);
        String a = assignment(regular("AR-L1", S1, "2023-09-01", "2024-08-31", "1"));
        String b = assignment(assignment("AR-L1", S2, "2024-09-01", null, "1", "rotation", S1));
        String c = assignment(regular("AR-L2", XINWU, "2024-09-01", null, "0.5"));

        expect(Map.of("teacher", "AR-L1"), a, b);
        expect(Map.of("teacher", "AR-L1", "activeOn", "2024-01-15"), a);
        expect(Map.of("teacher", "AR-L1", "activeOn", "2024-08-31"), a);
        expect(Map.of("teacher", "AR-L1", "activeOn", "2030-01-01"), b);
        expect(Map.of("teacher", "AR-L1", "kind", "rotation"), b);
        expect(Map.of("school", S2, "teacher", "AR-L1"), b);
        expect(Map.of("region", "320214", "teacher", "AR-L2"), c);
        expect(Map.of("region", "320113", "teacher", "AR-L2"));
        expect(Map.of("region", "320000", "teacher", "AR-L2"), c);
        given().auth().oauth2(Tokens.admin()).queryParam("sort", "-startsOn").queryParam("includeTotal", "true")
                .when().get("/schools/v1/teachers/AR-L1/assignments")
                .then().statusCode(200).body("items.id", contains(b, a)).body("total", equalTo(2));
        given().auth().oauth2(Tokens.admin()).queryParam("limit", 1).queryParam("activeOn", "2024-09-01")
                .when().get("/schools/v1/teachers/AR-L1/assignments")
                .then().statusCode(200).body("items.id", contains(b)).body("next", nullValue());
        for (String[] bad : List.of(new String[] { "activeOn", "2024-13-01" }, new String[] { "kind", "loan" },
                new String[] { "school", "1" }, new String[] { "region", "32" }, new String[] { "teacher", "a b" },
                new String[] { "sort", "fte" }, new String[] { "updatedSince", "today" })) {
            given().auth().oauth2(Tokens.admin()).queryParam(bad[0], bad[1]).when().get("/schools/v1/assignments")
                    .then().statusCode(400).contentType(PROBLEM).body("errors[0].pointer", equalTo(bad[0]));
        }
    }

    private static void expect(Map<String, String> query, String... ids) {
        given().auth().oauth2(Tokens.admin()).queryParams(query).when().get("/schools/v1/assignments")
                .then().statusCode(200).body("items.id", ids.length == 0 ? hasSize(0) : contains(ids));
    }

    @Test
    void pagesThroughAssignments() {
        teacherAt("AR-PAGE", S2);
        for (int year = 2001; year <= 2005; year++) {
            assignment(regular("AR-PAGE", S2, year + "-09-01", (year + 1) + "-08-31", "1"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Response page = given().auth().oauth2(Tokens.admin()).queryParam("teacher", "AR-PAGE")
                    .queryParam("limit", 2).queryParam("sort", "-updatedAt").queryParam("cursor", cursor == null ? "" : cursor)
                    .when().get("/schools/v1/assignments");
            page.then().statusCode(200);
            seen.addAll(page.path("items.id"));
            cursor = page.path("next");
        } while (cursor != null);
        assertEquals(5, seen.size());
        assertEquals(5, new java.util.HashSet<>(seen).size());
    }

    @Test
    void teacherWithAssignmentsIsNotDeleted() {
        teacherAt("AR-KEEP", S1);
        String id = assignment(regular("AR-KEEP", S1, "2024-09-01", null, "1"));
        given().auth().oauth2(Tokens.admin()).when().delete("/schools/v1/teachers/AR-KEEP")
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:dengta:problem:conflict"));
        given().auth().oauth2(Tokens.admin()).when().delete("/schools/v1/assignments/" + id).then().statusCode(204);
        given().auth().oauth2(Tokens.admin()).when().delete("/schools/v1/teachers/AR-KEEP").then().statusCode(204);
    }

    @Test
    void teacherAssignedToAVocationalSchoolMayBeDualQualified() {
        Map<String, Object> body = teacher(S1);
        body.remove("nationalId");
        io.dengta.schools.teacher.RegistryFixtures.teacher("AR-DUAL", body);
        body.put("dualQualified", true);
        putTeacher(Tokens.admin(), "AR-DUAL", body)
                .then().statusCode(400).body("errors[0].code", equalTo("not_vocational"));
        assignment(assignment("AR-DUAL", VOCATIONAL, LocalDate.now().minusDays(10).toString(), null, "0.5",
                "support", S1));
        putTeacher(Tokens.admin(), "AR-DUAL", body).then().statusCode(200).body("dualQualified", equalTo(true));
    }

    @Test
    void reportsWritesInTheChangeFeed() {
        teacherAt("AR-FEED", S1);
        long before = io.dengta.schools.teacher.RegistryFixtures.latestSequence();
        String id = assignment(regular("AR-FEED", S1, "2024-09-01", null, "1"));
        given().auth().oauth2(Tokens.admin()).when().delete("/schools/v1/assignments/" + id).then().statusCode(204);
        given().auth().oauth2(Tokens.admin()).queryParam("after", before).queryParam("limit", 1000)
                .when().get("/schools/v1/changes")
                .then().statusCode(200)
                .body("items.findAll { it.key == '" + id + "' }.operation", contains("upsert", "delete"))
                .body("items.findAll { it.key == '" + id + "' }.resourceType", contains("assignment", "assignment"))
                .body("items.findAll { it.key == '" + id + "' }.school", contains(S1, S1))
                .body("items.findAll { it.key == '" + id + "' }.region", contains("320113", "320113"));
        given().auth().oauth2(Tokens.admin()).queryParam("after", 0).queryParam("resourceType", "assignment")
                .when().get("/schools/v1/changes")
                .then().statusCode(200).body("items.resourceType", hasItems("assignment"));
    }
}
