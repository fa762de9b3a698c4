package io.dengta.schools.teacher;

import static io.dengta.schools.teacher.RegistryFixtures.PROBLEM;
import static io.dengta.schools.teacher.RegistryFixtures.honour;
import static io.dengta.schools.teacher.RegistryFixtures.putTeacher;
import static io.dengta.schools.teacher.RegistryFixtures.school;
import static io.dengta.schools.teacher.RegistryFixtures.teacher;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class TeacherResourceTest {

    /** Schools of this test class only, so its list assertions are exact. */
    static final String PRIMARY = "3201139011";
    static final String JUNIOR = "3201139012";
    static final String VOCATIONAL = "3201139013";
    static final String XINWU = "3202149011";

    @BeforeEach
    void schools() {
        school(PRIMARY, "320113", "primary");
        school(JUNIOR, "320113", "junior");
        school(VOCATIONAL, "320113", "vocational");
        school(XINWU, "320214", "primary");
    }

    private static String admin() {
        return Tokens.admin();
    }

    @Test
    void createsThenReplacesTeacherUnderOptimisticConcurrency() {
        Map<String, Object> body = teacher(PRIMARY);
        String etag = putTeacher(admin(), "TR-ETAG-1", body)
                .then().statusCode(201)
                .header("Location", containsString("/schools/v1/teachers/TR-ETAG-1"))
                .header("ETag", notNullValue())
                .body("staffCode", equalTo("TR-ETAG-1"))
                .body("version", equalTo(0))
                .body("certificate.stage", equalTo("primary"))
                .body("createdAt", notNullValue())
                .extract().header("ETag");

        body.put("title", "first");
        given().auth().oauth2(admin()).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .when().put("/schools/v1/teachers/TR-ETAG-1")
                .then().statusCode(200)
                .body("title", equalTo("first"))
                .body("version", equalTo(1));

        body.put("title", "senior");
        given().auth().oauth2(admin()).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .when().put("/schools/v1/teachers/TR-ETAG-1")
                .then().statusCode(412)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:dengta:problem:precondition-failed"));
        given().auth().oauth2(admin()).header("If-Match", etag)
                .when().delete("/schools/v1/teachers/TR-ETAG-1")
                .then().statusCode(412).contentType(PROBLEM);
        given().auth().oauth2(admin()).when().get("/schools/v1/teachers/TR-ETAG-1")
                .then().statusCode(200).body("title", equalTo("first"));
    }

    @Test
    void answersNotModifiedForCurrentEtag() {
        RegistryFixtures.teacher("TR-304", teacher(PRIMARY));
        String etag = given().auth().oauth2(admin()).when().get("/schools/v1/teachers/TR-304")
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(admin()).header("If-None-Match", etag).when().get("/schools/v1/teachers/TR-304")
                .then().statusCode(304);
    }

    @Test
    void deletesTeacherWithItsHonours() {
        Map<String, Object> body = teacher(PRIMARY);
        body.put("honours", List.of(honour("key-teacher", "district", "2022-09-10", null)));
        String etag = putTeacher(admin(), "TR-DEL-1", body).then().statusCode(201).extract().header("ETag");
        given().auth().oauth2(admin()).header("If-Match", etag).when().delete("/schools/v1/teachers/TR-DEL-1")
                .then().statusCode(204);
        given().auth().oauth2(admin()).when().get("/schools/v1/teachers/TR-DEL-1")
                .then().statusCode(404).contentType(PROBLEM).body("type", equalTo("urn:dengta:problem:not-found"));
        given().auth().oauth2(admin()).when().delete("/schools/v1/teachers/TR-DEL-1").then().statusCode(404);
    }

    @Test
    void rejectsMalformedStaffCodes() {
        putTeacher(admin(), "T_01", teacher(PRIMARY))
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].pointer", equalTo("staffCode"))
                .body("errors[0].code", equalTo("invalid_format"));
        given().auth().oauth2(admin()).when().get("/schools/v1/teachers/T01")
                .then().statusCode(400).body("errors[0].pointer", equalTo("staffCode"));
        given().auth().oauth2(admin()).when().get("/schools/v1/teachers/" + "A".repeat(33))
                .then().statusCode(400).body("errors[0].pointer", equalTo("staffCode"));
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        Map<String, Object> body = teacher(PRIMARY);
        body.put("name", "");
        body.put("gender", "x");
        body.put("highestDegree", "phd");
        body.put("title", "professor");
        body.put("employingSchool", "32011");
        body.put("honours", List.of(honour("hero", "galaxy", "2020-01-01", null)));
        putTeacher(admin(), "TR-BAD-1", body)
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:dengta:problem:validation"))
                .body("errors.pointer", hasItems("/name", "/gender", "/highestDegree", "/title", "/employingSchool",
                        "/honours/0/kind", "/honours/0/level"));
    }

    @Test
    void rejectsUnknownFieldsAndWrongTypes() {
        Map<String, Object> body = teacher(PRIMARY);
        body.put("nationalIdHash", "abc");
        putTeacher(admin(), "TR-BAD-2", body)
                .then().statusCode(400).body("errors[0].pointer", equalTo("/nationalIdHash"))
                .body("errors[0].code", equalTo("unknown_field"));
        body = teacher(PRIMARY);
        body.put("birthDate", "15.03.1986");
        putTeacher(admin(), "TR-BAD-2", body).then().statusCode(400).body("errors[0].pointer", equalTo("/birthDate"));
    }

    @Test
    void appliesTheDomainRulesThroughHttp() {
        Map<String, Object> body = teacher("3201139999");
        body.put("birthDate", LocalDate.now().plusDays(2).toString());
        body.remove("nationalId");
        body.put("honours", List.of(honour("key-teacher", "city", "2022-09-10", "2021-09-10")));
        body.put("subjects", List.of("math", "math"));
        body.put("dualQualified", true);
        body.put("certificate", Map.of("type", "教师资格证", "stage", "university", "number", "1"));
        putTeacher(admin(), "TR-RULES-1", body)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.code", containsInAnyOrder("unknown_school", "not_in_past", "not_after_awarded",
                        "duplicate", "not_vocational", "unknown_value"))
                .body("errors.pointer", hasItems("/employingSchool", "/birthDate", "/honours/0/expiresOn",
                        "/subjects/1", "/dualQualified", "/certificate/stage"));
    }

    @Test
    void rejectsNationalIdWithWrongCheckCharacterWithoutEchoingIt() {
        Map<String, Object> body = teacher(PRIMARY);
        String id = (String) body.get("nationalId");
        String wrong = id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');
        body.put("nationalId", wrong);
        putTeacher(admin(), "TR-RULES-2", body)
                .then().statusCode(400)
                .body("errors[0].pointer", equalTo("/nationalId"))
                .body("errors[0].code", equalTo("invalid_check_character"))
                .body(not(containsString(wrong)));
    }

    @Test
    void acceptsDualQualifiedTeacherOfVocationalSchool() {
        Map<String, Object> body = teacher(VOCATIONAL);
        body.put("subjects", List.of("vocational-specialty"));
        body.put("dualQualified", true);
        putTeacher(admin(), "TR-DUAL-1", body).then().statusCode(201).body("dualQualified", equalTo(true));
    }

    @Test
    void keepsStoredPersonalFieldsWhenTheBodyLeavesThemOut() {
        Map<String, Object> body = teacher(PRIMARY);
        String id = (String) body.get("nationalId");
        RegistryFixtures.teacher("TR-KEEP-1", body);
        body.remove("nationalId");
        body.remove("birthDate");
        body.remove("phone");
        body.put("title", "first");
        putTeacher(Tokens.role("data-feed").region("320113").get(), "TR-KEEP-1", body).then().statusCode(200);
        given().auth().oauth2(admin()).when().get("/schools/v1/teachers/TR-KEEP-1")
                .then().statusCode(200)
                .body("title", equalTo("first"))
                .body("birthDate", equalTo("1986-03-15"))
                .body("phone", equalTo("13900001111"))
                .body("nationalIdLast4", equalTo(id.substring(14)));
    }

    @Test
    void allowsOneTeacherRecordPerNationalId() {
        Map<String, Object> first = teacher(PRIMARY);
        RegistryFixtures.teacher("TR-DUP-1", first);
        Map<String, Object> second = teacher(JUNIOR);
        second.put("nationalId", first.get("nationalId"));
        putTeacher(admin(), "TR-DUP-2", second)
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:dengta:problem:conflict"));
        // replacing the record that holds the ID is fine
        putTeacher(admin(), "TR-DUP-1", first).then().statusCode(200);
    }

    @Test
    void filtersTeachers() {
        Map<String, Object> math = teacher(PRIMARY);
        math.put("name", "筛选甲");
        math.put("subjects", List.of("math", "pe"));
        math.put("title", "senior");
        math.put("highestDegree", "master");
        math.put("honours", List.of(honour("key-teacher", "city", "2021-09-10", null),
                honour("famous-teacher", "school", "2020-09-10", null)));
        RegistryFixtures.teacher("TR-F-1", math);

        Map<String, Object> music = teacher(JUNIOR);
        music.put("name", "筛选乙");
        music.put("subjects", List.of("music"));
        music.put("employment", "contract");
        music.put("status", "on-leave");
        // a district 骨干 honour that has expired no longer counts
        music.put("honours", List.of(honour("key-teacher", "district", "2015-09-10", "2018-09-09")));
        RegistryFixtures.teacher("TR-F-2", music);

        Map<String, Object> xinwu = teacher(XINWU);
        xinwu.put("name", "筛选丙");
        xinwu.put("honours", List.of(honour("key-teacher", "district", "2022-09-10", null)));
        RegistryFixtures.teacher("TR-F-3", xinwu);

        expect(Map.of("region", "320113", "q", "筛选"), "TR-F-1", "TR-F-2");
        expect(Map.of("region", "320100", "q", "筛选"), "TR-F-1", "TR-F-2");
        expect(Map.of("region", "320000", "q", "筛选"), "TR-F-1", "TR-F-2", "TR-F-3");
        expect(Map.of("region", "320214", "q", "筛选"), "TR-F-3");
        expect(Map.of("school", JUNIOR, "q", "筛选"), "TR-F-2");
        expect(Map.of("honour", "key-teacher", "q", "筛选"), "TR-F-1", "TR-F-3");
        expect(Map.of("honour", "key-teacher", "honourLevel", "city", "q", "筛选"), "TR-F-1");
        expect(Map.of("honourLevel", "district", "q", "筛选"), "TR-F-1", "TR-F-3");
        expect(Map.of("honour", "famous-teacher", "honourLevel", "district", "q", "筛选"));
        expect(Map.of("title", "senior", "q", "筛选"), "TR-F-1");
        expect(Map.of("degree", "master", "q", "筛选"), "TR-F-1");
        expect(Map.of("subject", "pe", "q", "筛选"), "TR-F-1");
        expect(Map.of("subject", "music", "q", "筛选"), "TR-F-2");
        expect(Map.of("employment", "contract", "q", "筛选"), "TR-F-2");
        expect(Map.of("status", "on-leave", "q", "筛选"), "TR-F-2");
        expect(Map.of("q", "筛选丙"), "TR-F-3");
        expect(Map.of("updatedSince", OffsetDateTime.now().plusDays(1).toString(), "q", "筛选"));
    }

    private static void expect(Map<String, String> query, String... staffCodes) {
        given().auth().oauth2(admin()).queryParams(query).when().get("/schools/v1/teachers")
                .then().statusCode(200)
                .body("items.staffCode", staffCodes.length == 0 ? hasSize(0) : contains(staffCodes));
    }

    @Test
    void rejectsBadFiltersNamingTheParameter() {
        for (String[] bad : List.of(new String[] { "region", "3201" }, new String[] { "school", "12" },
                new String[] { "honour", "hero" }, new String[] { "honourLevel", "galaxy" },
                new String[] { "title", "x" }, new String[] { "degree", "phd" }, new String[] { "subject", "maths" },
                new String[] { "employment", "x" }, new String[] { "status", "x" },
                new String[] { "updatedSince", "yesterday" }, new String[] { "sort", "birthDate" },
                new String[] { "limit", "1001" }, new String[] { "cursor", "nope" },
                new String[] { "nationalId", "12345" })) {
            given().auth().oauth2(admin()).queryParam(bad[0], bad[1]).when().get("/schools/v1/teachers")
                    .then().statusCode(400).contentType(PROBLEM).body("errors[0].pointer", equalTo(bad[0]));
        }
    }

    @Test
    void pagesThroughTeachersWithoutGapsOrRepeats() {
        for (int i = 0; i < 7; i++) {
            Map<String, Object> body = teacher(JUNIOR);
            body.put("name", "翻页" + (i % 3));
            RegistryFixtures.teacher("TR-PAGE-" + i, body);
        }
        int total = given().auth().oauth2(admin()).queryParam("q", "翻页").queryParam("includeTotal", "true")
                .when().get("/schools/v1/teachers").then().statusCode(200).extract().path("total");
        assertEquals(7, total);
        for (String sort : List.of("name", "-name,staffCode", "-updatedAt", "staffCode")) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            do {
                Response page = given().auth().oauth2(admin()).queryParam("q", "翻页").queryParam("limit", 2)
                        .queryParam("sort", sort).queryParam("cursor", cursor == null ? "" : cursor)
                        .when().get("/schools/v1/teachers");
                page.then().statusCode(200).body("total", nullValue());
                seen.addAll(page.path("items.staffCode"));
                cursor = page.path("next");
            } while (cursor != null);
            assertEquals(7, seen.size(), sort);
            assertEquals(7, new HashSet<>(seen).size(), sort);
        }
    }

    @Test
    void reportsWritesInTheChangeFeed() {
        long before = RegistryFixtures.latestSequence();
        String etag = putTeacher(admin(), "TR-FEED-1", teacher(PRIMARY)).then().statusCode(201)
                .extract().header("ETag");
        given().auth().oauth2(admin()).header("If-Match", etag).when().delete("/schools/v1/teachers/TR-FEED-1")
                .then().statusCode(204);
        given().auth().oauth2(admin()).queryParam("after", before).queryParam("limit", 1000)
                .when().get("/schools/v1/changes")
                .then().statusCode(200)
                .body("items.findAll { it.key == 'TR-FEED-1' }.operation", contains("upsert", "delete"))
                .body("items.findAll { it.key == 'TR-FEED-1' }.resourceType", contains("teacher", "teacher"))
                .body("items.findAll { it.key == 'TR-FEED-1' }.region", contains("320113", "320113"))
                .body("items.findAll { it.key == 'TR-FEED-1' }.school", contains(PRIMARY, PRIMARY));
        given().auth().oauth2(admin()).queryParam("after", 0).queryParam("resourceType", "teacher")
                .when().get("/schools/v1/changes")
                .then().statusCode(200).body("items.resourceType", hasItem("teacher"));
    }
}
