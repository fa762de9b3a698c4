package io.dengta.schools.security;

import static io.dengta.schools.teacher.RegistryFixtures.putTeacher;
import static io.dengta.schools.teacher.RegistryFixtures.school;
import static io.dengta.schools.teacher.RegistryFixtures.teacher;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dengta.schools.teacher.RegistryFixtures;
import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * OWASP API3:2023 Broken Object Property Level Authorization: a viewer, analyst or feed reading teachers
 * never gets personal fields (national ID, birth date, phone), in one teacher or in a list; nobody ever
 * gets a full national ID back; a caller cannot write properties the server owns (version, timestamps,
 * the national ID hash) by adding them to a body.
 */
@QuarkusTest
class Api03ObjectPropertyLevelAuthorizationTest {

    static final String SCHOOL = "3201139201";
    static final List<String> PERSONAL = List.of("birthDate", "phone", "nationalIdLast4", "nationalId");

    private static Map<String, Object> written;

    @BeforeEach
    void aTeacherWithPersonalFields() {
        school(SCHOOL, "320113", "primary");
        if (written == null) {
            written = teacher(SCHOOL);
            written.put("name", "属性测试教师");
            RegistryFixtures.teacher("BOPLA-1", written);
        }
    }

    @Test
    void rolesWithoutNeedNeverSeePersonalFieldsInOneTeacherOrAList() {
        for (String token : List.of(Tokens.role("viewer").region("320113").get(),
                Tokens.role("bureau-analyst").region("320113").get(),
                Tokens.role("data-feed").region("320113").get())) {
            String one = given().auth().oauth2(token).get("/schools/v1/teachers/BOPLA-1")
                    .then().statusCode(200).extract().asString();
            String list = given().auth().oauth2(token).queryParam("q", "属性测试教师").get("/schools/v1/teachers")
                    .then().statusCode(200).extract().asString();
            for (String field : PERSONAL) {
                assertFalse(one.contains("\"" + field + "\""), field + " shown: " + one);
                assertFalse(list.contains("\"" + field + "\""), field + " listed: " + list);
            }
            assertFalse(one.contains((String) written.get("phone")), one);
            assertFalse(one.contains((String) written.get("birthDate")), one);
        }
    }

    @Test
    void fullNationalIdIsNeverReturnedEvenToAdmins() {
        String nationalId = (String) written.get("nationalId");
        String answer = given().auth().oauth2(Tokens.admin()).get("/schools/v1/teachers/BOPLA-1")
                .then().statusCode(200).extract().asString();

        assertFalse(answer.contains(nationalId), answer);
        assertTrue(answer.contains(nationalId.substring(nationalId.length() - 4)), answer);
    }

    @Test
    void serverOwnedPropertiesInABodyAreRejectedNotApplied() {
        for (Map.Entry<String, Object> forged : Map.<String, Object>of("version", 99, "createdAt", "2000-01-01T00:00:00Z",
                "nationalIdHash", "00", "nationalIdLast4", "0000", "updatedBy", "admin").entrySet()) {
            Map<String, Object> body = teacher(SCHOOL);
            body.remove("nationalId");
            body.put(forged.getKey(), forged.getValue());
            putTeacher(Tokens.admin(), "BOPLA-1", body)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].pointer", equalTo("/" + forged.getKey()));
        }
    }
}
