package io.dengta.schools.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.dengta.schools.teacher.RegistryFixtures;
import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * OWASP API5:2023 Broken Function Level Authorization: a viewer (read-only) tries every administrative or
 * writing function of the registry within its own region: each is a 403 problem and nothing changes.
 */
@QuarkusTest
class Api05FunctionLevelAuthorizationTest {

    static final String SCHOOL = "3201139401";

    @Test
    void viewerCallingAdministrativeFunctionsIsForbiddenEverywhere() {
        RegistryFixtures.school(SCHOOL, "320113", "primary");
        String viewer = Tokens.role("viewer").region("320113").school(SCHOOL).get();
        String school = "{\"name\":\"改名\",\"region\":\"320113\",\"stages\":[\"primary\"],\"ownership\":\"public\",\"status\":\"open\"}";
        String[][] calls = {
                {"PUT", "/schools/v1/schools/" + SCHOOL, school},
                {"DELETE", "/schools/v1/schools/" + SCHOOL, null},
                {"PUT", "/schools/v1/regions/320113", "{\"name\":\"栖霞区\",\"level\":\"district\"}"},
                {"GET", "/schools/v1/audit", null},
                {"GET", "/schools/v1/changes", null},
                {"POST", "/schools/v1/imports/schools", "code,name\n"},
                {"POST", "/schools/v1/imports/teachers", "staffCode,name\n"},
                {"POST", "/schools/v1/statistics/publish", "{}"}};
        List<String> allowed = new ArrayList<>();
        for (String[] call : calls) {
            var request = given().auth().oauth2(viewer);
            if (call[2] != null) {
                request = request.contentType(call[1].contains("/imports/") ? "text/csv" : "application/json").body(call[2]);
            }
            int status = request.request(call[0], call[1]).statusCode();
            if (status != 403) {
                allowed.add(call[0] + " " + call[1] + " -> " + status);
            }
        }
        assertEquals(List.of(), allowed);

        given().auth().oauth2(Tokens.admin()).get("/schools/v1/schools/" + SCHOOL)
                .then().statusCode(200).body("name", equalTo("测试学校 " + SCHOOL));
    }
}
