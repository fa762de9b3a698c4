package io.dengta.schools.assignment;

import static io.dengta.schools.imports.Imports.CSV;
import static io.dengta.schools.imports.Imports.post;
import static io.dengta.schools.imports.Imports.postWithKey;
import static io.dengta.schools.teacher.RegistryFixtures.assignment;
import static io.dengta.schools.teacher.RegistryFixtures.school;
import static io.dengta.schools.teacher.RegistryFixtures.teacher;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dengta.schools.teacher.RegistryFixtures;
import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * {@code POST /schools/v1/imports/assignments}: rows checked like a POST or PUT, matched to existing assignments by
 * the natural key (teacher, school, startsOn, kind).
 */
@QuarkusTest
class AssignmentImportTest {

    static final String A = "3201137101";
    static final String B = "3201137102";
    static final String XINWU = "3202147101";
    static final String HEADER = "teacher,school,startsOn,endsOn,fte,role,kind,originSchool\n";

    @BeforeEach
    void registry() {
        school(A, "320113", "primary");
        school(B, "320113", "primary");
        school(XINWU, "320214", "primary");
        for (String code : List.of("AI-GOOD-01", "AI-GOOD-02", "AI-SAME-01", "AI-SAME-02", "AI-MIX-01", "AI-MIX-02",
                "AI-MIX-03", "AI-ATOM-01", "AI-DRY-01", "AI-SCOPE-01", "AI-IDEM-01", "AI-AMB-01", "AI-PUT-01")) {
            Map<String, Object> body = RegistryFixtures.teacher(A);
            body.remove("nationalId");
            teacher(code, body);
        }
    }

    static String feed() {
        return Tokens.role("data-feed").region("320113").client("qixia-hr-feed").get();
    }

    static List<Map<String, Object>> assignmentsOf(String teacher) {
        return given().auth().oauth2(Tokens.admin()).queryParam("teacher", teacher).queryParam("sort", "startsOn")
                .when().get("/schools/v1/assignments")
                .then().statusCode(200).extract().path("items");
    }

    @Test
    void csvImportCreatesAssignmentsIncludingRotations() {
        String csv = HEADER
                + "AI-GOOD-01,3201137101,2015-09-01,2024-08-31,1,teacher,regular,\n"
                + "AI-GOOD-01,3201137102,2024-09-01,2025-08-31,1,teacher,rotation,3201137101\n"
                + "AI-GOOD-02,3201137101,2020-09-01,,0.5,principal,regular,\n";
        post(feed(), "assignments", CSV, csv).then().statusCode(200)
                .body("resourceType", equalTo("assignment"))
                .body("status", equalTo("applied"))
                .body("rows", equalTo(3))
                .body("created", equalTo(3))
                .body("rejected", equalTo(0));
        List<Map<String, Object>> rotated = assignmentsOf("AI-GOOD-01");
        assertEquals(List.of("regular", "rotation"), rotated.stream().map(a -> a.get("kind")).toList());
        assertEquals("3201137101", rotated.get(1).get("originSchool"));
        assertEquals(0.5f, ((Number) assignmentsOf("AI-GOOD-02").get(0).get("fte")).floatValue());
    }

    @Test
    void rowsMatchExistingAssignmentsByTeacherSchoolStartAndKind() {
        String csv = HEADER
                + "AI-SAME-01,3201137101,2019-09-01,,1,teacher,regular,\n"
                + "AI-SAME-02,3201137101,2021-09-01,,0.5,teacher,regular,\n";
        post(feed(), "assignments", CSV, csv).then().statusCode(200).body("created", equalTo(2));
        long sequence = RegistryFixtures.latestSequence();

        post(feed(), "assignments", CSV, csv).then().statusCode(200)
                .body("unchanged", equalTo(2))
                .body("created", equalTo(0))
                .body("updated", equalTo(0));
        assertEquals(sequence, RegistryFixtures.latestSequence(), "unchanged rows write no change-feed entry");

        // the same key with a new end date and FTE replaces the assignment; nothing is added
        post(feed(), "assignments", CSV, csv.replace("2021-09-01,,0.5", "2021-09-01,2025-08-31,0.8"))
                .then().statusCode(200)
                .body("updated", equalTo(1))
                .body("unchanged", equalTo(1));
        List<Map<String, Object>> second = assignmentsOf("AI-SAME-02");
        assertEquals(1, second.size());
        assertEquals("2025-08-31", second.get(0).get("endsOn"));
        assertEquals(0.8f, ((Number) second.get(0).get("fte")).floatValue());
        assertEquals(1, assignmentsOf("AI-SAME-01").size());
    }

    @Test
    void bestEffortKeepsValidRowsAndReportsEachBadOne() {
        String csv = HEADER
                + "AI-MIX-01,3201137101,2022-09-01,,1,teacher,regular,\n"
                + "AI-MIX-02,3201137101,2022-09-01,2021-08-31,1,teacher,regular,\n"
                + "AI-NOBODY-1,3201137101,2022-09-01,,1,teacher,regular,\n"
                + "AI-MIX-02,3201137102,2022-09-01,,1,teacher,rotation,\n"
                + "AI-MIX-03,3201137101,2022-09-01,,1.5,teacher,regular,\n"
                + "AI-MIX-01,3201137102,2023-09-01,,1,teacher,regular,\n"
                + "AI-MIX-03,3201137101,2022-13-01,,1,teacher,regular,\n"
                + "AI-MIX-03,3201137101,2022-09-01,,1,teacher,temporary,\n";
        post(feed(), "assignments", CSV, csv, "mode", "best-effort").then().statusCode(200)
                .body("status", equalTo("applied"))
                .body("rows", equalTo(8))
                .body("created", equalTo(1))
                .body("rejected", equalTo(7))
                .body("errors.find { it.row == 2 }.field", equalTo("endsOn"))
                .body("errors.find { it.row == 2 }.code", equalTo("before_start"))
                .body("errors.find { it.row == 3 }.field", equalTo("teacher"))
                .body("errors.find { it.row == 3 }.code", equalTo("unknown_teacher"))
                .body("errors.find { it.row == 4 }.field", equalTo("originSchool"))
                .body("errors.find { it.row == 4 }.code", equalTo("required"))
                .body("errors.find { it.row == 5 }.field", equalTo("fte"))
                .body("errors.find { it.row == 5 }.code", equalTo("out_of_range"))
                // row 6 overlaps row 1 of the same file, already written
                .body("errors.find { it.row == 6 }.field", equalTo("startsOn"))
                .body("errors.find { it.row == 6 }.code", equalTo("overlapping_full_time"))
                .body("errors.find { it.row == 7 }.field", equalTo("startsOn"))
                .body("errors.find { it.row == 7 }.code", equalTo("invalid_value"))
                .body("errors.find { it.row == 8 }.field", equalTo("kind"))
                .body("errors.find { it.row == 8 }.code", equalTo("pattern"));
        assertEquals(1, assignmentsOf("AI-MIX-01").size());
        assertEquals(0, assignmentsOf("AI-MIX-02").size());
    }

    @Test
    void atomicImportWithOneBadRowKeepsNothing() {
        String csv = HEADER
                + "AI-ATOM-01,3201137101,2022-09-01,2023-08-31,1,teacher,regular,\n"
                + "AI-ATOM-01,3201137199,2023-09-01,,1,teacher,regular,\n";
        post(feed(), "assignments", CSV, csv).then().statusCode(200)
                .body("status", equalTo("rejected"))
                .body("created", equalTo(0))
                .body("rejected", equalTo(1))
                .body("errors[0].row", equalTo(2))
                .body("errors[0].field", equalTo("school"))
                .body("errors[0].code", equalTo("unknown_school"));
        assertEquals(0, assignmentsOf("AI-ATOM-01").size());
    }

    @Test
    void dryRunCountsButKeepsNothing() {
        String csv = HEADER + "AI-DRY-01,3201137101,2022-09-01,,1,teacher,regular,\n";
        post(feed(), "assignments", CSV, csv, "dryRun", "true").then().statusCode(200)
                .body("status", equalTo("dry-run"))
                .body("created", equalTo(1));
        assertEquals(0, assignmentsOf("AI-DRY-01").size());
    }

    @Test
    void rowsAtSchoolsOutsideTheCallersScopeAreForbidden() {
        String csv = HEADER
                + "AI-SCOPE-01,3201137101,2018-09-01,2019-08-31,1,teacher,regular,\n"
                + "AI-SCOPE-01,3202147101,2019-09-01,2020-08-31,1,teacher,support,3201137101\n";
        post(feed(), "assignments", CSV, csv, "mode", "best-effort").then().statusCode(200)
                .body("created", equalTo(1))
                .body("rejected", equalTo(1))
                .body("errors.find { it.row == 2 }.code", equalTo("forbidden"));
        String clerkOfA = Tokens.role("school-clerk").school(A).get();
        post(clerkOfA, "assignments", CSV, HEADER + "AI-SCOPE-01,3201137102,2020-09-01,,1,teacher,regular,\n")
                .then().statusCode(200)
                .body("status", equalTo("rejected"))
                .body("errors[0].code", equalTo("forbidden"));
        assertEquals(1, assignmentsOf("AI-SCOPE-01").size());
    }

    @Test
    void sameIdempotencyKeyReplaysTheFirstReportAndADifferentBodyIs422() {
        String csv = HEADER + "AI-IDEM-01,3201137101,2022-09-01,,1,teacher,regular,\n";
        postWithKey(feed(), "assignments", CSV, csv, "hr-2024-09-assignments").then().statusCode(200)
                .body("created", equalTo(1));
        postWithKey(feed(), "assignments", CSV, csv, "hr-2024-09-assignments").then().statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("created", equalTo(1));
        postWithKey(feed(), "assignments", CSV, csv.replace(",1,", ",0.5,"), "hr-2024-09-assignments")
                .then().statusCode(422)
                .body("type", equalTo("urn:dengta:problem:idempotency-key-reused"));
        assertEquals(1, assignmentsOf("AI-IDEM-01").size());
    }

    @Test
    void aRowMatchingTwoAssignmentsIsAConflict() {
        Map<String, Object> teaching = assignment("AI-AMB-01", A, "2022-09-01", null, "0.5", "regular", null);
        Map<String, Object> leading = assignment("AI-AMB-01", A, "2022-09-01", null, "0.5", "regular", null);
        leading.put("role", "vice-principal");
        assignment(teaching);
        assignment(leading);
        given().auth().oauth2(feed()).contentType(ContentType.JSON).body(List.of(teaching))
                .when().post("/schools/v1/imports/assignments")
                .then().statusCode(200)
                .body("status", equalTo("rejected"))
                .body("errors", hasSize(1))
                .body("errors[0].code", equalTo("conflict"));
    }

    @Test
    void putWithTheSameBodyWritesNothing() {
        Map<String, Object> body = assignment("AI-PUT-01", B, "2010-09-01", "2011-08-31", "1", "regular", null);
        Map<String, Object> created = RegistryFixtures.postAssignment(Tokens.admin(), body)
                .then().statusCode(201).extract().path("$");
        long sequence = RegistryFixtures.latestSequence();
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .when().put("/schools/v1/assignments/" + created.get("id"))
                .then().statusCode(200)
                .body("version", equalTo(created.get("version")));
        assertEquals(sequence, RegistryFixtures.latestSequence());
    }
}
