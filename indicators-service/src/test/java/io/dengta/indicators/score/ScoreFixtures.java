package io.dengta.indicators.score;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

import io.dengta.testing.Tokens;
import io.restassured.http.ContentType;

/**
 * A test framework (zz-score-test, from 2020) over catalog indicators of every kind, and observations loaded
 * through the import API: period 2031 for scores (Qixia 320113, Jiangning 320115), 2032 for the seed-000 group
 * (Qixia, Longgang 440307, Xinwu 320214, Taicang 320585).
 * <pre>
 * access   pre.gross_enrollment_rate   higher-better  ratio 98          20
 *          ce.pupil_teacher_ratio      lower-better   ratio 15          20
 *          sec.vocational_general_ratio band          band 0.9–1.1/0.5  20
 * quality  qb.social_recognition       higher-better  threshold, national standard ≥ 85   20
 *          health.myopia_rate          lower-better   ratio 50          10
 *          qb.teacher_rotation_rate    primary|junior threshold, national standard ≥ 10   10
 * </pre>
 */
public final class ScoreFixtures {

    public static final String FRAMEWORK = "zz-score-test";
    public static final String SCORES = "/indicators/v1/frameworks/" + FRAMEWORK + "/scores";
    private static final String HEADER = "indicator,unit,region,period,stage,value,numerator,denominator,status,source,comment\n";

    private static boolean loaded;

    private ScoreFixtures() {
    }

    public static synchronized void load() {
        if (loaded) {
            return;
        }
        String catalogAdmin = Tokens.role("catalog-admin").get();
        given().auth().oauth2(catalogAdmin).contentType(ContentType.JSON)
                .body("{\"name\": \"评分测试指标体系\", \"source\": \"test\"}")
                .put("/indicators/v1/frameworks/" + FRAMEWORK).then().statusCode(oneOf(200, 201));
        given().auth().oauth2(catalogAdmin).contentType(ContentType.JSON).body("""
                {"source": "test", "dimensions": [
                  {"code": "access", "name": "普及", "indicators": [
                    {"indicator": "pre.gross_enrollment_rate", "weight": 20, "scoring": "ratio", "target": 98},
                    {"indicator": "ce.pupil_teacher_ratio", "weight": 20, "scoring": "ratio", "target": 15},
                    {"indicator": "sec.vocational_general_ratio", "weight": 20, "scoring": "band",
                     "band": {"low": 0.9, "high": 1.1, "zeroDistance": 0.5}}]},
                  {"code": "quality", "name": "质量", "indicators": [
                    {"indicator": "qb.social_recognition", "weight": 20, "scoring": "threshold", "useStandard": true},
                    {"indicator": "health.myopia_rate", "weight": 10, "scoring": "ratio", "target": 50},
                    {"indicator": "qb.teacher_rotation_rate", "weight": 10, "scoring": "threshold", "useStandard": true}]}]}""")
                .put("/indicators/v1/frameworks/" + FRAMEWORK + "/versions/2020").then().statusCode(oneOf(200, 201));
        String csv = HEADER
                // scores, 2031
                + "pre.gross_enrollment_rate,320113,,2031,,97,,,approved,test,\n"
                + "ce.pupil_teacher_ratio,320113,,2031,,16,,,submitted,test,\n"
                + "ce.pupil_teacher_ratio,320113,,2031,junior,13,,,approved,test,\n"
                + "sec.vocational_general_ratio,320113,,2031,,0.8,,,approved,test,\n"
                + "qb.social_recognition,320113,,2031,,84,,,approved,test,\n"
                + "qb.teacher_rotation_rate,320113,,2031,primary,12,,,approved,test,\n"
                + "pre.gross_enrollment_rate,320115,,2031,,99,,,approved,test,\n"
                + "ce.pupil_teacher_ratio,320115,,2031,,14,,,approved,test,\n"
                + "sec.vocational_general_ratio,320115,,2031,,1.0,,,approved,test,\n"
                + "qb.social_recognition,320115,,2031,,90,,,approved,test,\n"
                + "health.myopia_rate,320115,,2031,,55,,,approved,test,\n"
                + "qb.teacher_rotation_rate,320115,,2031,primary,8,,,approved,test,\n"
                // the seed-000 group, 2032
                + "pre.gross_enrollment_rate,320113,,2032,,96,,,submitted,test,\n"
                + "pre.gross_enrollment_rate,440307,,2032,,99,,,approved,test,\n"
                + "pre.gross_enrollment_rate,320214,,2032,,97.5,,,approved,test,\n"
                + "pre.gross_enrollment_rate,320585,,2032,,95,,,submitted,test,\n"
                + "ce.pupil_teacher_ratio,320113,,2032,,16,,,approved,test,\n"
                + "ce.pupil_teacher_ratio,440307,,2032,,14,,,approved,test,\n"
                + "ce.pupil_teacher_ratio,320214,,2032,,17,,,approved,test,\n"
                + "ce.pupil_teacher_ratio,320585,,2032,,16,,,approved,test,\n"
                + "qb.social_recognition,320113,,2032,,80,,,approved,test,\n"
                + "qb.social_recognition,440307,,2032,,90,,,approved,test,\n"
                + "qb.social_recognition,320585,,2032,,88,,,approved,test,\n"
                + "sec.vocational_general_ratio,320113,,2032,,0.7,,,approved,test,\n"
                + "sec.vocational_general_ratio,440307,,2032,,1.0,,,approved,test,\n"
                + "sec.vocational_general_ratio,320214,,2032,,1.25,,,approved,test,\n"
                + "health.myopia_rate,440307,,2032,,48,,,approved,test,\n"
                + "health.myopia_rate,320214,,2032,,50,,,approved,test,\n"
                + "health.myopia_rate,320585,,2032,,52,,,approved,test,\n";
        given().auth().oauth2(Tokens.admin()).contentType("text/csv").body(csv)
                .when().post("/indicators/v1/imports")
                .then().statusCode(200).body("rejected", equalTo(0));
        loaded = true;
    }
}
