package io.dengta.schools.teacher;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dengta.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Schools, teachers and assignments for the registry's HTTP tests, written as a platform admin. */
public final class RegistryFixtures {

    public static final String PROBLEM = "application/problem+json";

    private RegistryFixtures() {
    }

    /** Creates or replaces an open public school. */
    public static void school(String code, String region, String... stages) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "测试学校 " + code);
        body.put("region", region);
        body.put("stages", List.of(stages));
        body.put("ownership", "public");
        body.put("status", "open");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .when().put("/schools/v1/schools/" + code)
                .then().statusCode(anyOf(equalTo(200), equalTo(201)));
    }

    /** A valid teacher body with every personal field and a fresh national ID; tests change what they test. */
    public static Map<String, Object> teacher(String employingSchool) {
        LocalDate born = LocalDate.of(1986, 3, 15);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "王丽");
        body.put("gender", "female");
        body.put("birthDate", born.toString());
        body.put("nationalId", TestIds.nationalId(born));
        body.put("phone", "13900001111");
        body.put("employingSchool", employingSchool);
        body.put("highestDegree", "bachelor");
        body.put("certificate", Map.of("type", "教师资格证", "stage", "primary", "number", "2019320114200012"));
        body.put("title", "second");
        body.put("honours", new ArrayList<>());
        body.put("subjects", new ArrayList<>(List.of("math")));
        body.put("employment", "established");
        body.put("dualQualified", false);
        body.put("status", "active");
        body.put("source", "test");
        return body;
    }

    public static Map<String, Object> honour(String kind, String level, String awardedOn, String expiresOn) {
        Map<String, Object> honour = new LinkedHashMap<>();
        honour.put("kind", kind);
        honour.put("level", level);
        honour.put("awardedOn", awardedOn);
        if (expiresOn != null) {
            honour.put("expiresOn", expiresOn);
        }
        return honour;
    }

    public static Response putTeacher(String token, String staffCode, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().put("/schools/v1/teachers/" + staffCode);
    }

    /** Creates or replaces a teacher as admin (without If-Match). */
    public static void teacher(String staffCode, Map<String, Object> body) {
        putTeacher(Tokens.admin(), staffCode, body).then().statusCode(anyOf(equalTo(200), equalTo(201)));
    }

    public static Map<String, Object> assignment(String teacher, String school, String startsOn, String endsOn,
            String fte, String kind, String originSchool) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("teacher", teacher);
        body.put("school", school);
        body.put("startsOn", startsOn);
        if (endsOn != null) {
            body.put("endsOn", endsOn);
        }
        body.put("fte", new java.math.BigDecimal(fte));
        body.put("role", "teacher");
        body.put("kind", kind);
        if (originSchool != null) {
            body.put("originSchool", originSchool);
        }
        return body;
    }

    public static Response postAssignment(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/schools/v1/assignments");
    }

    /** Creates an assignment as admin and returns its id. */
    public static String assignment(Map<String, Object> body) {
        return postAssignment(Tokens.admin(), body).then().statusCode(201).extract().path("id");
    }

    /** The sequence of the newest change, read by paging to the end of the feed. */
    public static long latestSequence() {
        long after = 0;
        while (true) {
            Response page = given().auth().oauth2(Tokens.admin()).queryParam("after", after).queryParam("limit", 1000)
                    .when().get("/schools/v1/changes");
            page.then().statusCode(200);
            long next = ((Number) page.path("next")).longValue();
            if (next == after) {
                return after;
            }
            after = next;
        }
    }
}
