package io.dengta.schools.teacher;

import static io.dengta.schools.teacher.RegistryFixtures.assignment;
import static io.dengta.schools.teacher.RegistryFixtures.putTeacher;
import static io.dengta.schools.teacher.RegistryFixtures.school;
import static io.dengta.schools.teacher.RegistryFixtures.teacher;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Who sees and changes which teacher, and who sees personal fields: role × scope × operation, against a
 * teacher employed at school A (Qixia) and a teacher of A currently rotated to school O (Qixia).
 */
@QuarkusTest
class TeacherAccessTest {

    static final String A = "3201139021";
    static final String O = "3201139022";
    static final String LONGGANG = "4403079021";
    static final List<String> PERSONAL = List.of("birthDate", "phone", "nationalIdLast4");

    @Inject
    DataSource dataSource;

    @Inject
    NationalIds nationalIds;

    /** One caller of the matrix and what it may do to a teacher of school A. */
    record Caller(String label, String token, int get, boolean personal, int replace, int delete, int create) {

        boolean listed() {
            return get == 200;
        }
    }

    static List<Caller> matrix() {
        return List.of(
                new Caller("platform-admin", Tokens.admin(), 200, true, 200, 204, 201),
                new Caller("school-clerk of A", Tokens.role("school-clerk").school(A).get(), 200, true, 200, 204, 201),
                new Caller("school-clerk of O", Tokens.role("school-clerk").school(O).get(), 404, false, 403, 403, 403),
                new Caller("data-feed of 320113", Tokens.role("data-feed").region("320113").get(), 200, false, 200, 204,
                        201),
                new Caller("data-feed of 440307", Tokens.role("data-feed").region("440307").get(), 404, false, 403, 403,
                        403),
                new Caller("bureau-analyst of 320100", Tokens.role("bureau-analyst").region("320100").get(), 200, false,
                        403, 403, 403),
                new Caller("viewer of 440307", Tokens.role("viewer").region("440307").get(), 404, false, 403, 403, 403),
                new Caller("viewer of 320113", Tokens.role("viewer").region("320113").get(), 200, false, 403, 403, 403));
    }

    private static Map<String, Object> mainTeacher;

    @BeforeEach
    void registry() {
        school(A, "320113", "primary");
        school(O, "320113", "primary");
        school(LONGGANG, "440307", "primary");
        if (mainTeacher == null) {
            mainTeacher = teacher(A);
            mainTeacher.put("name", "矩阵教师");
            RegistryFixtures.teacher("TA-MAIN", mainTeacher);

            Map<String, Object> rotated = teacher(A);
            rotated.put("name", "轮岗教师");
            RegistryFixtures.teacher("TA-ROT", rotated);
            assignment(RegistryFixtures.assignment("TA-ROT", O, LocalDate.now().minusMonths(6).toString(), null, "1",
                    "rotation", A));
        }
    }

    @Test
    void accessMatrixForTeachers() {
        List<String> mismatches = new ArrayList<>();
        int i = 0;
        for (Caller c : matrix()) {
            i++;
            Response get = given().auth().oauth2(c.token()).when().get("/schools/v1/teachers/TA-MAIN");
            check(mismatches, c, "GET", c.get(), get.statusCode());
            if (get.statusCode() == 200) {
                for (String field : PERSONAL) {
                    boolean present = get.jsonPath().getMap("$").containsKey(field);
                    if (present != c.personal()) {
                        mismatches.add(c.label() + ": " + field + (present ? " shown" : " missing"));
                    }
                }
            }

            JsonPath list = given().auth().oauth2(c.token()).queryParam("q", "矩阵教师")
                    .when().get("/schools/v1/teachers").then().statusCode(200).extract().jsonPath();
            boolean listed = list.getList("items.staffCode").contains("TA-MAIN");
            if (listed != c.listed()) {
                mismatches.add(c.label() + ": list " + (listed ? "shows" : "hides") + " the teacher");
            }
            if (listed && list.getMap("items[0]").containsKey("phone") != c.personal()) {
                mismatches.add(c.label() + ": list personal fields wrong");
            }

            check(mismatches, c, "PUT (replace)", c.replace(),
                    putTeacher(c.token(), "TA-MAIN", mainTeacher).statusCode());

            String victim = "TA-DEL-" + i;
            RegistryFixtures.teacher(victim, teacher(A));
            check(mismatches, c, "DELETE", c.delete(),
                    given().auth().oauth2(c.token()).when().delete("/schools/v1/teachers/" + victim).statusCode());

            check(mismatches, c, "PUT (create at A)", c.create(),
                    putTeacher(c.token(), "TA-NEW-" + i, teacher(A)).statusCode());
        }
        assertEquals(List.of(), mismatches);
    }

    private static void check(List<String> mismatches, Caller c, String operation, int expected, int actual) {
        if (expected != actual) {
            mismatches.add(c.label() + ": " + operation + " expected " + expected + " but was " + actual);
        }
    }

    @Test
    void clerkOfTheSchoolATeacherRotatedToReadsButDoesNotWriteAndSeesNoPersonalFields() {
        String clerkOfO = Tokens.role("school-clerk").school(O).get();
        given().auth().oauth2(clerkOfO).when().get("/schools/v1/teachers/TA-ROT")
                .then().statusCode(200)
                .body("staffCode", equalTo("TA-ROT"))
                .body("$", not(hasKey("birthDate")))
                .body("$", not(hasKey("phone")))
                .body("$", not(hasKey("nationalIdLast4")));
        given().auth().oauth2(clerkOfO).queryParam("school", O).when().get("/schools/v1/teachers")
                .then().statusCode(200).body("items.staffCode", hasItem("TA-ROT"));
        Map<String, Object> body = teacher(A);
        body.remove("nationalId");
        putTeacher(clerkOfO, "TA-ROT", body).then().statusCode(403)
                .body("type", equalTo("urn:dengta:problem:forbidden"));
        given().auth().oauth2(Tokens.role("school-clerk").school(A).get()).when().get("/schools/v1/teachers/TA-ROT")
                .then().statusCode(200).body("phone", equalTo("13900001111"));
    }

    @Test
    void transferToASchoolOutsideScopeIsForbidden() {
        Map<String, Object> body = teacher(LONGGANG);
        body.remove("nationalId");
        putTeacher(Tokens.role("school-clerk").school(A).get(), "TA-MAIN", body).then().statusCode(403);
        putTeacher(Tokens.role("data-feed").region("320113").get(), "TA-MAIN", body).then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/teachers/TA-MAIN")
                .then().statusCode(200).body("employingSchool", equalTo(A));
    }

    @Test
    void searchesByFullNationalIdForAdminsAndClerksOnly() {
        String id = (String) mainTeacher.get("nationalId");
        given().auth().oauth2(Tokens.admin()).queryParam("nationalId", id).when().get("/schools/v1/teachers")
                .then().statusCode(200).body("items.staffCode", contains("TA-MAIN"));
        given().auth().oauth2(Tokens.role("school-clerk").school(A).get()).queryParam("nationalId", id)
                .when().get("/schools/v1/teachers")
                .then().statusCode(200).body("items.staffCode", contains("TA-MAIN"));
        // a clerk of another school searches only within their scope
        given().auth().oauth2(Tokens.role("school-clerk").school(O).get()).queryParam("nationalId", id)
                .when().get("/schools/v1/teachers")
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(Tokens.admin()).queryParam("nationalId", TestIds.nationalId(LocalDate.of(1990, 1, 1)))
                .when().get("/schools/v1/teachers")
                .then().statusCode(200).body("items", hasSize(0));
        for (String token : List.of(Tokens.role("data-feed").region("320113").get(),
                Tokens.role("bureau-analyst").region("320113").get(), Tokens.role("viewer").region("320113").get())) {
            given().auth().oauth2(token).queryParam("nationalId", id).when().get("/schools/v1/teachers")
                    .then().statusCode(403).body("type", equalTo("urn:dengta:problem:forbidden"));
        }
    }

    @Test
    void searchesByNationalIdWithALowerCaseCheckCharacter() {
        LocalDate born = LocalDate.of(1979, 5, 20);
        String id = null;
        for (int seq = 0; id == null; seq++) {
            String candidate = TestIds.withCheckCharacter("320113" + "19790520" + String.format("%03d", seq));
            id = candidate.endsWith("X") ? candidate : null;
        }
        Map<String, Object> body = teacher(A);
        body.put("birthDate", born.toString());
        body.put("nationalId", id.toLowerCase());
        RegistryFixtures.teacher("TA-X", body);
        given().auth().oauth2(Tokens.admin()).queryParam("nationalId", id).when().get("/schools/v1/teachers")
                .then().statusCode(200).body("items.staffCode", contains("TA-X"))
                .body("items[0].nationalIdLast4", equalTo(id.substring(14)));
        given().auth().oauth2(Tokens.admin()).queryParam("nationalId", id.toLowerCase())
                .when().get("/schools/v1/teachers")
                .then().statusCode(200).body("items.staffCode", contains("TA-X"));
    }

    @Test
    void storesTheNationalIdOnlyAsSaltedHashAndLastFour() throws SQLException {
        String id = (String) mainTeacher.get("nationalId");
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(
                    "select national_id_hash, national_id_last4 from teacher where staff_code = 'TA-MAIN'");
                    ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(nationalIds.hash(id), rs.getString(1));
                assertEquals(id.substring(14), rs.getString(2));
            }
            assertEquals(0, count(c, "select count(*) from teacher t where t::text like ?", id));
            assertEquals(0, count(c, "select count(*) from teacher_honour h where h::text like ?", id));
            assertEquals(0, count(c, "select count(*) from audit_record a where a::text like ?", id));
            assertEquals(0, count(c, "select count(*) from change_log l where l::text like ?", id));
            assertEquals(0, count(c, "select count(*) from idempotency_record r where r::text like ?", id));
        }
    }

    @Test
    void auditKeepsOnlyThePrivacyFreeView() throws SQLException {
        mainTeacher.put("phone", "13900002222");
        RegistryFixtures.teacher("TA-MAIN", mainTeacher);
        given().auth().oauth2(Tokens.admin()).queryParam("resourceType", "teacher").queryParam("key", "TA-MAIN")
                .when().get("/schools/v1/audit")
                .then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.greaterThanOrEqualTo(2))
                .body("after", everyItem(not(hasKey("phone"))))
                .body("after", everyItem(not(hasKey("birthDate"))))
                .body("after", everyItem(not(hasKey("nationalIdLast4"))))
                .body("after", everyItem(not(hasKey("nationalId"))))
                .body("findAll { it.before != null }.before", everyItem(not(hasKey("phone"))))
                .body("after.staffCode", everyItem(equalTo("TA-MAIN")));
        try (Connection c = dataSource.getConnection()) {
            assertEquals(0, count(c, "select count(*) from audit_record a where a::text like ?", "13900002222"));
            assertEquals(0, count(c, "select count(*) from audit_record a where a::text like ?", "1986-03-15"));
        }
    }

    private static long count(Connection c, String sql, String contained) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, "%" + contained + "%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
