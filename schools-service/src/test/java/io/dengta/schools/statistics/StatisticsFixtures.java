package io.dengta.schools.statistics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.dengta.schools.teacher.RegistryFixtures;
import io.dengta.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;

/**
 * A small registry of its own regions (Lhasa, 540100, with two districts), written through the API once, for the
 * statistics tests. The expected values in the tests are computed by hand from what is written here.
 *
 * <pre>
 * 540100 拉萨市
 *   540102  A 5401020011 primary         540 pupils, 12 classes (6 × 90 / 2); over 45/50/55/65: 3/1/1/0;
 *                                          teaching 4200.5 + support 1300 m², sports 6800 m², equipment 1,250,000,
 *                                          12 multimedia classrooms
 *           B 5401020012 primary+junior  primary 600 / 12 (6 × 100 / 2), junior 400 / 8 (134/3, 133/3, 133/2);
 *                                          over 45/50/55/65: 5/4/2/1; teaching 8000 + support 2000 m², sports 8000,
 *                                          equipment 3,000,000, 20 multimedia classrooms
 *   540103  C 5401030011 vocational      300 pupils, 6 classes; no class sizes; 5000 m², 4000 m², 6,000,000, 10
 *           D 5401030012 primary         no facts for 2024Sep
 * Teachers on 2024-09-30 (reference date of 2024Sep; staff code LS-TA1 for TA1 and so on):
 *   A employs: TA1 bachelor, key-teacher district (2022-09-10 – 2025-09-09), math, A 1.0
 *              TA2 associate, pe, A 1.0
 *              TA3 secondary, music, contract, key-teacher at school level (does not count), A 1.0
 *              TA4 master, subject-leader city (counts as key), A 0.5 since 2019 + rotation to B 0.5 from 2024-09-01
 *                  (main school A: equal FTE, earlier start)
 *              TA6 associate, A until 2024-08-31, then rotation to B 1.0 from 2024-09-01 (counted at B)
 *              TA7–TA10 bachelor, chinese, A 1.0
 *              TA11 doctorate, pe, key-teacher district, RETIRED, A 1.0 (counts nowhere)
 *              TA12 bachelor, famous-principal province (not a key-teacher honour), A 1.0
 *              TA13 bachelor, fine-art, key-teacher district that expired 2024-06-30, A 1.0
 *   B employs: TB1 primary certificate, associate, B 1.0
 *              TB2 junior certificate, associate, B 1.0
 *              TB3 junior certificate, bachelor, key-teacher province, B 1.0
 *              TB4 senior certificate (B has no senior stage → primary, the stage with most pupils), master,
 *                  fine-art, B 1.0
 *              TB5 no certificate (→ primary), bachelor, english, contract, B 0.5
 *              TA5 bachelor, math, B 0.5 since 2018 + A 0.5 since 2021 (main school B)
 *   C employs: TC1–TC3 vocational-specialty, dual-qualified; TC4 vocational-specialty; TC5 chinese; all C 1.0
 * Projects in use: A 540 seats opened 2024-09-01; D 300 seats opened 2024-10-15; a new school of 540103 (not
 * registered) 900 seats opened 2025-03-01. Not counted for 2024Sep: A 200 seats opened 2024-08-20 (2023Sep), A 100
 * seats completed but not in use.
 * </pre>
 */
final class StatisticsFixtures {

    static final String PROVINCE = "540000";
    static final String CITY = "540100";
    static final String CHENGGUAN = "540102";
    static final String DUILONG = "540103";
    static final String A = "5401020011";
    static final String B = "5401020012";
    static final String C = "5401030011";
    static final String D = "5401030012";
    static final String YEAR = "2024Sep";

    private StatisticsFixtures() {
    }

    /** Writes the registry unless a previous test class of this run already did. */
    static synchronized void ensure() {
        int status = given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/schools/" + C + "/years/" + YEAR)
                .then().extract().statusCode();
        if (status == 200) {
            return;
        }
        region(PROVINCE, "西藏自治区", "province", null);
        region(CITY, "拉萨市", "city", PROVINCE);
        region(CHENGGUAN, "城关区", "district", CITY);
        region(DUILONG, "堆龙德庆区", "district", CITY);
        RegistryFixtures.school(A, CHENGGUAN, "primary");
        RegistryFixtures.school(B, CHENGGUAN, "primary", "junior");
        RegistryFixtures.school(C, DUILONG, "vocational");
        RegistryFixtures.school(D, DUILONG, "primary");

        teacher("TA1", A, "bachelor", null, "math", "established", false, "active",
                RegistryFixtures.honour("key-teacher", "district", "2022-09-10", "2025-09-09"));
        teacher("TA2", A, "associate", null, "pe", "established", false, "active");
        teacher("TA3", A, "secondary", null, "music", "contract", false, "active",
                RegistryFixtures.honour("key-teacher", "school", "2021-09-10", null));
        teacher("TA4", A, "master", null, "chinese", "established", false, "active",
                RegistryFixtures.honour("subject-leader", "city", "2023-01-15", null));
        teacher("TA5", B, "bachelor", null, "math", "established", false, "active");
        teacher("TA6", A, "associate", null, "chinese", "established", false, "active");
        for (int i = 7; i <= 10; i++) {
            teacher("TA" + i, A, "bachelor", null, "chinese", "established", false, "active");
        }
        teacher("TA11", A, "doctorate", null, "pe", "established", false, "retired",
                RegistryFixtures.honour("key-teacher", "district", "2022-09-10", null));
        teacher("TA12", A, "bachelor", null, "chinese", "established", false, "active",
                RegistryFixtures.honour("famous-principal", "province", "2020-05-01", null));
        teacher("TA13", A, "bachelor", null, "fine-art", "established", false, "active",
                RegistryFixtures.honour("key-teacher", "district", "2021-07-01", "2024-06-30"));
        teacher("TB1", B, "associate", "primary", "chinese", "established", false, "active");
        teacher("TB2", B, "associate", "junior", "math", "established", false, "active");
        teacher("TB3", B, "bachelor", "junior", "physics", "established", false, "active",
                RegistryFixtures.honour("key-teacher", "province", "2023-09-01", null));
        teacher("TB4", B, "master", "senior", "fine-art", "established", false, "active");
        teacher("TB5", B, "bachelor", "none", "english", "contract", false, "active");
        for (int i = 1; i <= 3; i++) {
            teacher("TC" + i, C, "bachelor", "vocational", "vocational-specialty", "established", true, "active");
        }
        teacher("TC4", C, "bachelor", "vocational", "vocational-specialty", "established", false, "active");
        teacher("TC5", C, "bachelor", "vocational", "chinese", "established", false, "active");

        assign("TA1", A, "2020-09-01", null, "1", "regular", null);
        assign("TA2", A, "2020-09-01", null, "1", "regular", null);
        assign("TA3", A, "2020-09-01", null, "1", "regular", null);
        assign("TA4", A, "2019-09-01", null, "0.5", "regular", null);
        assign("TA4", B, "2024-09-01", "2025-08-31", "0.5", "rotation", A);
        assign("TA5", B, "2018-09-01", null, "0.5", "regular", null);
        assign("TA5", A, "2021-09-01", null, "0.5", "regular", null);
        assign("TA6", A, "2015-09-01", "2024-08-31", "1", "regular", null);
        assign("TA6", B, "2024-09-01", "2025-08-31", "1", "rotation", A);
        for (int i = 7; i <= 10; i++) {
            assign("TA" + i, A, "2016-09-01", null, "1", "regular", null);
        }
        assign("TA11", A, "2010-09-01", null, "1", "regular", null);
        assign("TA12", A, "2012-09-01", null, "1", "regular", null);
        assign("TA13", A, "2013-09-01", null, "1", "regular", null);
        for (String b : List.of("TB1", "TB2", "TB3", "TB4")) {
            assign(b, B, "2017-09-01", null, "1", "regular", null);
        }
        assign("TB5", B, "2022-09-01", null, "0.5", "regular", null);
        for (int i = 1; i <= 5; i++) {
            assign("TC" + i, C, "2019-09-01", null, "1", "regular", null);
        }

        project("LS-A-2024", CHENGGUAN, A, "expansion", 540, "in-use", "2024-09-01");
        project("LS-A-2023", CHENGGUAN, A, "expansion", 200, "in-use", "2024-08-20");
        project("LS-A-DONE", CHENGGUAN, A, "expansion", 100, "completed", null);
        project("LS-D-2024", DUILONG, D, "expansion", 300, "in-use", "2024-10-15");
        project("LS-NEW-2025", DUILONG, null, "new-school", 900, "in-use", "2025-03-01");

        facts(A, grades("p", 6, 90, 2), sizes(3, 1, 1, 0), "4200.5", "1300", "6800", "1250000", 12);
        List<Map<String, Object>> nineYear = grades("p", 6, 100, 2);
        nineYear.add(grade("j1", 134, 3));
        nineYear.add(grade("j2", 133, 3));
        nineYear.add(grade("j3", 133, 2));
        facts(B, nineYear, sizes(5, 4, 2, 1), "8000", "2000", "8000", "3000000", 20);
        // C last: ensure() checks for it
        facts(C, grades("v", 3, 100, 2), null, "5000", null, "4000", "6000000", 10);
    }

    private static void region(String code, String name, String level, String parent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("level", level);
        if (parent != null) {
            body.put("parent", parent);
        }
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .when().put("/schools/v1/regions/" + code)
                .then().statusCode(anyOf(equalTo(200), equalTo(201)));
    }

    @SafeVarargs
    private static void teacher(String code, String school, String degree, String certificateStage, String subject,
            String employment, boolean dualQualified, String status, Map<String, Object>... honours) {
        Map<String, Object> body = RegistryFixtures.teacher(school);
        body.put("highestDegree", degree);
        if ("none".equals(certificateStage)) {
            body.remove("certificate");
        } else if (certificateStage != null) {
            body.put("certificate", Map.of("type", "教师资格证", "stage", certificateStage, "number", "2019540100" + code));
        }
        body.put("subjects", List.of(subject));
        body.put("employment", employment);
        body.put("dualQualified", dualQualified);
        body.put("status", status);
        body.put("honours", List.of(honours));
        RegistryFixtures.putTeacher(Tokens.admin(), staffCode(code), body).then().log().ifValidationFails()
                .statusCode(anyOf(equalTo(200), equalTo(201)));
    }

    private static void assign(String teacher, String school, String startsOn, String endsOn, String fte, String kind,
            String originSchool) {
        RegistryFixtures.assignment(
                RegistryFixtures.assignment(staffCode(teacher), school, startsOn, endsOn, fte, kind, originSchool));
    }

    /** Staff codes have at least 4 characters: TA1 is LS-TA1. */
    static String staffCode(String name) {
        return "LS-" + name;
    }

    private static void project(String code, String region, String school, String kind, int seats, String status,
            String openedOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "拉萨测试工程 " + code);
        body.put("region", region);
        if (school != null) {
            body.put("school", school);
        }
        body.put("kind", kind);
        body.put("seatsAdded", seats);
        body.put("status", status);
        body.put("approvedOn", "2022-03-01");
        body.put("constructionStartedOn", "2022-06-01");
        body.put("completedOn", "2024-06-30");
        if (openedOn != null) {
            body.put("openedOn", openedOn);
        }
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .when().put("/schools/v1/construction-projects/" + code)
                .then().statusCode(anyOf(equalTo(200), equalTo(201)));
    }

    private static List<Map<String, Object>> grades(String prefix, int count, int pupils, int classes) {
        List<Map<String, Object>> grades = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            grades.add(grade(prefix + i, pupils, classes));
        }
        return grades;
    }

    private static Map<String, Object> grade(String grade, int pupils, int classes) {
        return Map.of("grade", grade, "pupils", pupils, "classes", classes);
    }

    private static Map<String, Object> sizes(int over45, int over50, int over55, int over65) {
        return Map.of("classesOver45", over45, "classesOver50", over50, "classesOver55", over55, "classesOver65", over65);
    }

    private static void facts(String school, List<Map<String, Object>> grades, Map<String, Object> classSizes,
            String teachingArea, String supportArea, String sportsArea, String equipment, int multimedia) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("grades", grades);
        if (classSizes != null) {
            body.put("classSizes", classSizes);
        }
        body.put("teachingFloorArea", new BigDecimal(teachingArea));
        if (supportArea != null) {
            body.put("supportFloorArea", new BigDecimal(supportArea));
        }
        body.put("sportsGroundArea", new BigDecimal(sportsArea));
        body.put("equipmentValue", new BigDecimal(equipment));
        body.put("multimediaClassrooms", multimedia);
        body.put("musicRooms", 2);
        body.put("artRooms", 2);
        body.put("source", "test");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .when().put("/schools/v1/schools/" + school + "/years/" + YEAR)
                .then().statusCode(anyOf(equalTo(200), equalTo(201)));
    }

    // ---- reading statistics -------------------------------------------------------------------------------------

    private static final JsonPathConfig DECIMALS = JsonPathConfig.jsonPathConfig()
            .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    /** The statistic with this name and stage (null: over all stages) in a statistics response. */
    static Map<String, Object> statistic(Response response, String statistic, String stage) {
        List<Map<String, Object>> all = response.jsonPath(DECIMALS).getList("statistics");
        return all.stream()
                .filter(s -> statistic.equals(s.get("statistic")) && Objects.equals(stage, s.get("stage")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(statistic + " / " + stage + " is not in " + all));
    }

    static List<Map<String, Object>> rows(String json) {
        return io.restassured.path.json.JsonPath.from(json).using(DECIMALS).getList("rows");
    }
}
