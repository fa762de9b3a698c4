package io.dengta.schools.teacher;

import static io.dengta.schools.imports.Imports.CSV;
import static io.dengta.schools.imports.Imports.JSON;
import static io.dengta.schools.imports.Imports.post;
import static io.dengta.schools.imports.Imports.postWithKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** {@code POST /schools/v1/imports/teachers}: CSV and JSON rows checked like a PUT, upserted by staff code. */
@QuarkusTest
class TeacherImportTest {

    static final String PRIMARY = "3201137001";
    static final String JUNIOR = "3201137002";
    static final String XINWU = "3202147001";
    static final String HEADER = String.join(",", TeacherImportRow.COLUMNS) + "\n";

    @Inject
    DataSource dataSource;

    @Inject
    NationalIds nationalIds;

    @BeforeEach
    void schools() {
        RegistryFixtures.school(PRIMARY, "320113", "primary");
        RegistryFixtures.school(JUNIOR, "320113", "junior");
        RegistryFixtures.school(XINWU, "320214", "primary");
    }

    static String feed() {
        return Tokens.role("data-feed").region("320113").client("qixia-hr-feed").get();
    }

    /** A valid CSV row for the columns of {@link TeacherImportRow#COLUMNS}, with some cells replaced. */
    static String row(String staffCode, String school, String... replacements) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (String column : TeacherImportRow.COLUMNS) {
            cells.put(column, "");
        }
        cells.put("staffCode", staffCode);
        cells.put("name", "李娜");
        cells.put("gender", "female");
        cells.put("employingSchool", school);
        cells.put("highestDegree", "bachelor");
        cells.put("certificateType", "教师资格证");
        cells.put("certificateStage", "primary");
        cells.put("certificateNumber", "2019320114200099");
        cells.put("title", "second");
        cells.put("subjects", "chinese|math");
        cells.put("employment", "established");
        cells.put("dualQualified", "false");
        cells.put("status", "active");
        cells.put("source", "test");
        for (int i = 0; i + 1 < replacements.length; i += 2) {
            if (!cells.containsKey(replacements[i])) {
                throw new IllegalArgumentException(replacements[i]);
            }
            cells.put(replacements[i], replacements[i + 1]);
        }
        return String.join(",", cells.values()) + "\n";
    }

    @Test
    void csvImportCreatesTeachersWithHonoursCertificateAndSubjects() {
        LocalDate born = LocalDate.of(1984, 7, 9);
        String id = TestIds.nationalId(born);
        String csv = HEADER
                + row("TI-GOOD-01", PRIMARY, "birthDate", born.toString(), "nationalId", id, "phone", "13900002222",
                        "honours", "key-teacher:district:2022-09-01:2025-08-31|subject-leader:city:2024-12-01")
                + row("TI-GOOD-02", PRIMARY, "certificateType", "", "certificateStage", "", "certificateNumber", "",
                        "subjects", "pe", "gender", "male");
        String report = post(feed(), "teachers", CSV, csv).then().statusCode(200)
                .body("resourceType", equalTo("teacher"))
                .body("status", equalTo("applied"))
                .body("mode", equalTo("atomic"))
                .body("rows", equalTo(2))
                .body("created", equalTo(2))
                .body("rejected", equalTo(0))
                .extract().asString();
        assertFalse(report.contains(id.substring(id.length() - 4)), "the report repeats no national ID");

        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/teachers/TI-GOOD-01")
                .then().statusCode(200)
                .body("subjects", contains("chinese", "math"))
                .body("certificate.stage", equalTo("primary"))
                .body("honours.kind", contains("key-teacher", "subject-leader"))
                .body("honours[0].expiresOn", equalTo("2025-08-31"))
                .body("honours[1].expiresOn", nullValue())
                .body("birthDate", equalTo(born.toString()))
                .body("nationalIdLast4", equalTo(id.substring(14)));
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/teachers/TI-GOOD-02")
                .then().statusCode(200)
                .body("certificate", nullValue())
                .body("honours.size()", equalTo(0))
                .body("subjects", contains("pe"));
        assertEquals(List.of(nationalIds.hash(id), id.substring(14)), storedNationalId("TI-GOOD-01"));
    }

    @Test
    void jsonRowsUseTheNestedTeacherShape() {
        Map<String, Object> teacher = RegistryFixtures.teacher(PRIMARY);
        teacher.put("staffCode", "TI-JSON-01");
        teacher.put("honours", List.of(RegistryFixtures.honour("famous-teacher", "city", "2023-01-01", null)));
        given().auth().oauth2(feed()).contentType(ContentType.JSON).body(List.of(teacher))
                .when().post("/schools/v1/imports/teachers")
                .then().statusCode(200).body("created", equalTo(1)).body("rejected", equalTo(0));
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/teachers/TI-JSON-01")
                .then().statusCode(200)
                .body("honours.kind", contains("famous-teacher"))
                .body("certificate.number", equalTo("2019320114200012"));
    }

    @Test
    void replayOfTheSameFileReportsEveryRowUnchangedAndJournalsNothing() {
        String csv = HEADER
                + row("TI-SAME-01", PRIMARY, "honours", "key-teacher:district:2022-09-01:2025-08-31", "phone",
                        "13900003333")
                + row("TI-SAME-02", JUNIOR, "certificateStage", "junior", "subjects", "physics");
        post(feed(), "teachers", CSV, csv).then().statusCode(200).body("created", equalTo(2));
        int version = given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/teachers/TI-SAME-01")
                .then().extract().path("version");
        long sequence = RegistryFixtures.latestSequence();

        post(feed(), "teachers", CSV, csv).then().statusCode(200)
                .body("status", equalTo("applied"))
                .body("unchanged", equalTo(2))
                .body("created", equalTo(0))
                .body("updated", equalTo(0));
        assertEquals(sequence, RegistryFixtures.latestSequence(), "unchanged rows write no change-feed entry");
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/teachers/TI-SAME-01")
                .then().body("version", equalTo(version));

        // personal cells left empty keep the stored values: still unchanged
        post(feed(), "teachers", CSV, csv.replace("13900003333", "")).then().statusCode(200)
                .body("unchanged", equalTo(2));

        post(feed(), "teachers", CSV, csv.replace("physics", "physics|chemistry")).then().statusCode(200)
                .body("updated", equalTo(1))
                .body("unchanged", equalTo(1));
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/teachers/TI-SAME-02")
                .then().body("subjects", contains("physics", "chemistry"));
    }

    @Test
    void bestEffortKeepsValidRowsAndReportsEachBadOneWithoutPersonalValues() {
        String valid = TestIds.withCheckCharacter("32011319850101123");
        String wrongCheck = valid.substring(0, 17) + (valid.endsWith("0") ? "1" : "0");
        String csv = HEADER
                + row("TI-MIX-01", PRIMARY)
                + row("TI-MIX-02", PRIMARY, "honours", "key-teacher:district")
                + row("TI-MIX-03", PRIMARY, "subjects", "maths")
                + row("TI-MIX-04", PRIMARY, "certificateStage", "")
                + row("TI-MIX-05", PRIMARY, "nationalId", wrongCheck)
                + row("", PRIMARY)
                + row("TI-MIX-07", PRIMARY, "birthDate", "1986-02-30")
                + row("TI-MIX-08", PRIMARY, "honours", "key-teacher:district:2022-13-01");
        String report = post(feed(), "teachers", CSV, csv, "mode", "best-effort").then().statusCode(200)
                .body("status", equalTo("applied"))
                .body("mode", equalTo("best-effort"))
                .body("rows", equalTo(8))
                .body("created", equalTo(1))
                .body("rejected", equalTo(7))
                .body("errors.find { it.row == 2 }.field", equalTo("honours.0"))
                .body("errors.find { it.row == 2 }.code", equalTo("invalid_format"))
                .body("errors.find { it.row == 3 }.field", equalTo("subjects.0"))
                .body("errors.find { it.row == 3 }.code", equalTo("unknown_value"))
                .body("errors.find { it.row == 4 }.field", equalTo("certificateStage"))
                .body("errors.find { it.row == 4 }.code", equalTo("not_null"))
                .body("errors.find { it.row == 5 }.field", equalTo("nationalId"))
                .body("errors.find { it.row == 5 }.code", equalTo("invalid_check_character"))
                .body("errors.find { it.row == 6 }.field", equalTo("staffCode"))
                .body("errors.find { it.row == 6 }.code", equalTo("required"))
                .body("errors.find { it.row == 7 }.field", equalTo("birthDate"))
                .body("errors.find { it.row == 7 }.code", equalTo("invalid_value"))
                .body("errors.find { it.row == 8 }.field", equalTo("honours.0.awardedOn"))
                .body("errors.find { it.row == 8 }.code", equalTo("invalid_date"))
                .extract().asString();
        assertFalse(report.contains(wrongCheck), "the report repeats no national ID");
        assertFalse(report.contains("1986-02-30"), "the report repeats no birth date");
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/teachers/TI-MIX-01").then().statusCode(200);
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/teachers/TI-MIX-03").then().statusCode(404);
    }

    @Test
    void atomicImportWithOneBadRowKeepsNothing() {
        String csv = HEADER
                + row("TI-ATOM-01", PRIMARY)
                + row("TI-ATOM-02", "3201137999");
        post(feed(), "teachers", CSV, csv).then().statusCode(200)
                .body("status", equalTo("rejected"))
                .body("created", equalTo(0))
                .body("rejected", equalTo(1))
                .body("errors[0].row", equalTo(2))
                .body("errors[0].field", equalTo("employingSchool"))
                .body("errors[0].code", equalTo("unknown_school"));
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/teachers/TI-ATOM-01").then().statusCode(404);
    }

    @Test
    void dryRunCountsButKeepsNothing() {
        String csv = HEADER + row("TI-DRY-01", PRIMARY) + row("TI-DRY-02", JUNIOR, "certificateStage", "junior");
        post(feed(), "teachers", CSV, csv, "dryRun", "true").then().statusCode(200)
                .body("status", equalTo("dry-run"))
                .body("dryRun", equalTo(true))
                .body("created", equalTo(2));
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/teachers/TI-DRY-01").then().statusCode(404);
    }

    @Test
    void rowsOutsideTheCallersScopeAreForbidden() {
        String csv = HEADER
                + row("TI-SCOPE-01", PRIMARY)
                + row("TI-SCOPE-02", XINWU);
        post(feed(), "teachers", CSV, csv, "mode", "best-effort").then().statusCode(200)
                .body("created", equalTo(1))
                .body("rejected", equalTo(1))
                .body("errors.find { it.row == 2 }.code", equalTo("forbidden"));
        // a clerk writes only their own school: neither a new teacher elsewhere nor a transfer away
        String clerk = Tokens.role("school-clerk").school(PRIMARY).get();
        post(clerk, "teachers", CSV, HEADER + row("TI-SCOPE-03", JUNIOR) + row("TI-SCOPE-01", JUNIOR), "mode",
                "best-effort").then().statusCode(200)
                .body("created", equalTo(0))
                .body("rejected", equalTo(2))
                .body("errors.code", contains("forbidden", "forbidden"));
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/teachers/TI-SCOPE-01")
                .then().body("employingSchool", equalTo(PRIMARY));
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/teachers/TI-SCOPE-02").then().statusCode(404);
    }

    @Test
    void sameIdempotencyKeyReplaysTheFirstReportAndADifferentBodyIs422() {
        String csv = HEADER + row("TI-IDEM-01", PRIMARY);
        postWithKey(feed(), "teachers", CSV, csv, "hr-2024-09-teachers").then().statusCode(200)
                .body("created", equalTo(1));
        postWithKey(feed(), "teachers", CSV, csv, "hr-2024-09-teachers").then().statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("created", equalTo(1))
                .body("unchanged", equalTo(0));
        postWithKey(feed(), "teachers", CSV, csv.replace("second", "first"), "hr-2024-09-teachers")
                .then().statusCode(422)
                .contentType(RegistryFixtures.PROBLEM)
                .body("type", equalTo("urn:dengta:problem:idempotency-key-reused"));
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/teachers/TI-IDEM-01")
                .then().body("title", equalTo("second"));
    }

    @Test
    void rejectsUnknownColumnsAndCallersWhoMayNotWriteTeachers() {
        post(Tokens.admin(), "teachers", CSV, "staffCode,nationalID\nTI-COL-01,x\n").then().statusCode(400)
                .contentType(RegistryFixtures.PROBLEM)
                .body("errors[0].pointer", equalTo("nationalID"))
                .body("errors[0].code", equalTo("unknown_column"));
        post(Tokens.role("bureau-analyst").region("320113").get(), "teachers", CSV, HEADER + row("TI-COL-02", PRIMARY))
                .then().statusCode(403);
        post(Tokens.admin(), "teachers", JSON, "[{\"staffCode\": \"TI-COL-03\", \"nationalID\": \"x\"}]")
                .then().statusCode(200)
                .body("errors[0].code", equalTo("invalid_value"))
                .body("errors[0].message", not(equalTo(null)));
    }

    @Test
    void putWithTheSameBodyWritesNothingAndABodyForAnotherTeacherIs400() {
        Map<String, Object> body = RegistryFixtures.teacher(PRIMARY);
        RegistryFixtures.teacher("TI-PUT-01", body);
        int version = given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/teachers/TI-PUT-01")
                .then().extract().path("version");
        long sequence = RegistryFixtures.latestSequence();
        RegistryFixtures.putTeacher(Tokens.admin(), "TI-PUT-01", body).then().statusCode(200)
                .body("version", equalTo(version));
        assertEquals(sequence, RegistryFixtures.latestSequence());

        body.put("staffCode", "TI-PUT-02");
        RegistryFixtures.putTeacher(Tokens.admin(), "TI-PUT-01", body).then().statusCode(400)
                .body("errors.pointer", containsInAnyOrder("/staffCode"))
                .body("errors.code", contains("mismatch"));
        body.put("staffCode", "TI-PUT-01");
        RegistryFixtures.putTeacher(Tokens.admin(), "TI-PUT-01", body).then().statusCode(200);
    }

    private List<String> storedNationalId(String staffCode) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select national_id_hash, national_id_last4 from teacher where staff_code = ?")) {
            s.setString(1, staffCode);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return List.of(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
