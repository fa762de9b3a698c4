package io.dengta.schools.assignment;

import static io.dengta.schools.teacher.RegistryFixtures.assignment;
import static io.dengta.schools.teacher.RegistryFixtures.postAssignment;
import static io.dengta.schools.teacher.RegistryFixtures.school;
import static io.dengta.schools.teacher.RegistryFixtures.teacher;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dengta.schools.teacher.RegistryFixtures;
import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Who sees and changes which assignment: role × scope × operation, for assignments at school A (Qixia). */
@QuarkusTest
class AssignmentAccessTest {

    static final String A = "3201139041";
    static final String O = "3201139042";
    static final String LONGGANG = "4403079041";

    record Caller(String label, String token, int get, int replace, int delete, int create) {
    }

    static List<Caller> matrix() {
        return List.of(
                new Caller("platform-admin", Tokens.admin(), 200, 200, 204, 201),
                new Caller("school-clerk of A", Tokens.role("school-clerk").school(A).get(), 200, 200, 204, 201),
                new Caller("school-clerk of O", Tokens.role("school-clerk").school(O).get(), 404, 403, 403, 403),
                new Caller("data-feed of 320113", Tokens.role("data-feed").region("320113").get(), 200, 200, 204, 201),
                new Caller("data-feed of 440307", Tokens.role("data-feed").region("440307").get(), 404, 403, 403, 403),
                new Caller("bureau-analyst of 320100", Tokens.role("bureau-analyst").region("320100").get(), 200, 403,
                        403, 403),
                new Caller("viewer of 440307", Tokens.role("viewer").region("440307").get(), 404, 403, 403, 403));
    }

    private static String existing;

    @BeforeEach
    void registry() {
        school(A, "320113", "primary");
        school(O, "320113", "primary");
        school(LONGGANG, "440307", "primary");
        if (existing == null) {
            Map<String, Object> body = teacher(A);
            body.remove("nationalId");
            RegistryFixtures.teacher("AM-T", body);
            existing = assignment(body("1990"));
        }
    }

    /** A full-time school year at A starting in {@code year}: years differ, so assignments never overlap. */
    private static Map<String, Object> body(String year) {
        return assignment("AM-T", A, year + "-09-01", (Integer.parseInt(year) + 1) + "-08-31", "1", "regular", null);
    }

    @Test
    void accessMatrixForAssignments() {
        List<String> mismatches = new ArrayList<>();
        int i = 0;
        for (Caller c : matrix()) {
            i++;
            check(mismatches, c, "GET", c.get(),
                    given().auth().oauth2(c.token()).when().get("/schools/v1/assignments/" + existing).statusCode());
            boolean listed = given().auth().oauth2(c.token()).queryParam("teacher", "AM-T")
                    .when().get("/schools/v1/assignments").then().statusCode(200).extract()
                    .jsonPath().getList("items.id").contains(existing);
            if (listed != (c.get() == 200)) {
                mismatches.add(c.label() + ": list " + (listed ? "shows" : "hides") + " the assignment");
            }
            check(mismatches, c, "PUT", c.replace(), given().auth().oauth2(c.token()).contentType(ContentType.JSON)
                    .body(body("1990")).when().put("/schools/v1/assignments/" + existing).statusCode());

            String victim = assignment(body(String.valueOf(2000 + i)));
            check(mismatches, c, "DELETE", c.delete(),
                    given().auth().oauth2(c.token()).when().delete("/schools/v1/assignments/" + victim).statusCode());

            check(mismatches, c, "POST at A", c.create(),
                    postAssignment(c.token(), body(String.valueOf(2020 + i))).statusCode());
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void movingAnAssignmentNeedsWriteAccessToBothSchools() {
        String id = assignment(body("1980"));
        Map<String, Object> moved = assignment("AM-T", LONGGANG, "1980-09-01", "1981-08-31", "1", "regular", null);
        given().auth().oauth2(Tokens.role("data-feed").region("320113").get()).contentType(ContentType.JSON).body(moved)
                .when().put("/schools/v1/assignments/" + id)
                .then().statusCode(403);
        given().auth().oauth2(Tokens.role("school-clerk").school(A, LONGGANG).get()).contentType(ContentType.JSON)
                .body(moved).when().put("/schools/v1/assignments/" + id)
                .then().statusCode(200);
    }

    @Test
    void teacherAssignmentsListOnlyThoseAtSchoolsInScope() {
        Map<String, Object> body = teacher(A);
        body.remove("nationalId");
        RegistryFixtures.teacher("AM-T2", body);
        String atA = assignment(assignment("AM-T2", A, "2010-09-01", "2011-08-31", "1", "regular", null));
        assignment(assignment("AM-T2", LONGGANG, "2011-09-01", "2012-08-31", "1", "support", A));
        given().auth().oauth2(Tokens.role("school-clerk").school(A).get())
                .when().get("/schools/v1/teachers/AM-T2/assignments")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.contains(atA));
        given().auth().oauth2(Tokens.role("viewer").region("440307").get())
                .when().get("/schools/v1/teachers/AM-T2/assignments")
                .then().statusCode(404);
    }

    private static void check(List<String> mismatches, Caller c, String operation, int expected, int actual) {
        if (expected != actual) {
            mismatches.add(c.label() + ": " + operation + " expected " + expected + " but was " + actual);
        }
    }
}
