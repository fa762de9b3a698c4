package io.dengta.targets;

import static io.restassured.RestAssured.given;

import io.dengta.testing.Tokens;
import io.restassured.http.ContentType;

/** Plans, goals and targets written through the API as a platform admin, for the tests' arrangements. */
public final class Fixtures {

    public static final String QIXIA = "320113";
    public static final String BINHU = "320211";

    private Fixtures() {
    }

    public static String planBody(String region, int first, int last) {
        return """
                {"title": "测试规划", "kind": "five-year", "ownerRegion": "%s", "firstYear": %d, "lastYear": %d,
                 "status": "active", "sourceDocument": "测试文件"}""".formatted(region, first, last);
    }

    /** A plan 2021–2025 of {@code region} with a goal {@code g1}; replaced if it exists. */
    public static void plan(String code, String region) {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(planBody(region, 2021, 2025))
                .put("/targets/v1/plans/" + code).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"title\": \"目标一\", \"responsibleDepartment\": \"基教科\"}")
                .put("/targets/v1/plans/" + code + "/goals/g1").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    public static String indicatorTarget(String indicator, String unit, String comparator, String value) {
        return """
                {"goal": "g1", "title": "测试指标", "kind": "indicator", "indicator": "%s", "unit": "%s",
                 "comparator": "%s", "value": %s, "deadline": "2025", "baselineValue": 90, "baselinePeriod": "2020"}"""
                .formatted(indicator, unit, comparator, value);
    }

    /** A verified indicator target (pre.net_enrollment_rate ≥ 99) of the plan's region; returns its id. */
    public static long target(String plan, String code, String unit) {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(indicatorTarget("pre.net_enrollment_rate", unit, ">=", "99"))
                .put("/targets/v1/plans/" + plan + "/targets/" + code).then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201)).extract().jsonPath().getLong("id");
    }

    public static long schoolTarget(String plan, String code, String school, String schoolRegion) {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body("""
                        {"goal": "g1", "title": "家长学校建成", "kind": "milestone", "unit": "%s", "schoolRegion": "%s",
                         "deadline": "2024"}""".formatted(school, schoolRegion))
                .put("/targets/v1/plans/" + plan + "/targets/" + code).then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201)).extract().jsonPath().getLong("id");
    }
}
