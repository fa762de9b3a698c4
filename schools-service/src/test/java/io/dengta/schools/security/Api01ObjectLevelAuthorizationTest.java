package io.dengta.schools.security;

import static io.dengta.schools.teacher.RegistryFixtures.putTeacher;
import static io.dengta.schools.teacher.RegistryFixtures.school;
import static io.dengta.schools.teacher.RegistryFixtures.teacher;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dengta.schools.teacher.RegistryFixtures;
import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * OWASP API1:2023 Broken Object Level Authorization, as an attacker with a valid token tries it: the clerk
 * of one school walks codes of another school's teachers and school. Reads out of scope are 404s that look
 * exactly like a code that does not exist; writes are 403; lists never show the other school's objects.
 */
@QuarkusTest
class Api01ObjectLevelAuthorizationTest {

    static final String MINE = "3201139101";
    static final String THEIRS = "3201139102";

    @BeforeEach
    void twoSchoolsWithATeacherEach() {
        school(MINE, "320113", "primary");
        school(THEIRS, "320113", "primary");
        RegistryFixtures.teacher("BOLA-MINE", teacher(MINE));
        RegistryFixtures.teacher("BOLA-THEIRS", teacher(THEIRS));
    }

    private static String clerk() {
        return Tokens.role("school-clerk").school(MINE).get();
    }

    @Test
    void anotherSchoolsTeacherByCodeIsNotFoundLikeACodeThatDoesNotExist() {
        Response theirs = given().auth().oauth2(clerk()).get("/schools/v1/teachers/BOLA-THEIRS");
        Response missing = given().auth().oauth2(clerk()).get("/schools/v1/teachers/BOLA-NOBODY");

        theirs.then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:dengta:problem:not-found"));
        missing.then().statusCode(404);
        assertEquals((String) missing.path("title"), (String) theirs.path("title"));
        assertEquals((String) missing.path("type"), (String) theirs.path("type"));
        given().auth().oauth2(clerk()).get("/schools/v1/teachers/BOLA-MINE").then().statusCode(200);
    }

    @Test
    void anotherSchoolsTeacherCannotBeChangedOrDeleted() {
        Map<String, Object> body = teacher(THEIRS);
        body.remove("nationalId");
        body.put("name", "篡改");
        putTeacher(clerk(), "BOLA-THEIRS", body).then().statusCode(403)
                .body("type", equalTo("urn:dengta:problem:forbidden"));
        given().auth().oauth2(clerk()).delete("/schools/v1/teachers/BOLA-THEIRS").then().statusCode(403);

        given().auth().oauth2(Tokens.admin()).get("/schools/v1/teachers/BOLA-THEIRS")
                .then().statusCode(200).body("name", not(equalTo("篡改")));
    }

    @Test
    void teacherCannotBeMovedIntoOrOutOfAnotherSchool() {
        Map<String, Object> moved = teacher(THEIRS);
        moved.remove("nationalId");
        putTeacher(clerk(), "BOLA-MINE", moved).then().statusCode(403);

        given().auth().oauth2(Tokens.admin()).get("/schools/v1/teachers/BOLA-MINE")
                .then().statusCode(200).body("employingSchool", equalTo(MINE));
    }

    @Test
    void anotherSchoolCannotBeReadOrRewrittenByItsCode() {
        given().auth().oauth2(clerk()).get("/schools/v1/schools/" + THEIRS).then().statusCode(404);
        given().auth().oauth2(clerk()).contentType("application/json")
                .body("{\"name\":\"篡改\",\"region\":\"320113\",\"stages\":[\"primary\"],\"ownership\":\"public\",\"status\":\"closed\"}")
                .put("/schools/v1/schools/" + THEIRS)
                .then().statusCode(403);
    }

    @Test
    void filteringAListByAnotherSchoolShowsNothingOfIt() {
        given().auth().oauth2(clerk()).queryParam("school", THEIRS).get("/schools/v1/teachers")
                .then().statusCode(200)
                .body("items.staffCode", not(hasItem("BOLA-THEIRS")));
        given().auth().oauth2(Tokens.role("bureau-analyst").region("440307").get()).queryParam("region", "320113")
                .get("/schools/v1/schools")
                .then().statusCode(200)
                .body("items.code", not(hasItem(THEIRS)));
    }
}
