package io.dengta.indicators.score;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Scores over real observations; the expected figures are computed by hand in the comments (see ScoreFixtures). */
@QuarkusTest
class ScoreResourceTest {

    @BeforeEach
    void fixture() {
        ScoreFixtures.load();
    }

    @Test
    void scoresTwoRegionsInOneCallAndSaysWhichWeightHadNoData() {
        // Qixia 2031: 97/98 × 20 = 19.7959; 15/16 × 20 = 18.75; band 0.8 is 0.1 below 0.9: (1 − 0.1/0.5) × 20 = 16;
        // 84 misses the national ≥ 85: 0 of 20; myopia has no value (10); rotation needs a stage (10).
        // 54.5459 / 80 × 100 = 68.18
        given().auth().oauth2(Tokens.admin())
                .queryParam("region", "320113,320115").queryParam("period", "2031")
                .when().get(ScoreFixtures.SCORES)
                .then().statusCode(200)
                .body("framework", equalTo(ScoreFixtures.FRAMEWORK))
                .body("version", equalTo(2020))
                .body("period", equalTo("2031"))
                .body("regions.region", equalTo(List.of("320113", "320115")))
                .body("regions[0].score", equalTo(68.18f))
                .body("regions[0].coveredWeight", equalTo(80))
                .body("regions[0].missingWeight", equalTo(20))
                .body("regions[0].complete", equalTo(false))
                .body("regions[0].pointsEarned", equalTo(54.5459f))
                .body("regions[0].pointsLost", equalTo(25.4541f))
                .body("regions[0].missing.indicator", equalTo(List.of("health.myopia_rate", "qb.teacher_rotation_rate")))
                .body("regions[0].missing.reason", equalTo(List.of("no-value", "stage-required")))
                .body("regions[0].missing[0].weight", equalTo(10))
                .body("regions[0].dimensions[0].code", equalTo("access"))
                .body("regions[0].dimensions[0].weight", equalTo(60))
                .body("regions[0].dimensions[0].score", equalTo(90.91f))
                .body("regions[0].dimensions[0].indicators[0].value", equalTo(97))
                .body("regions[0].dimensions[0].indicators[0].target.value", equalTo(98))
                .body("regions[0].dimensions[0].indicators[0].target.comparator", equalTo(">="))
                .body("regions[0].dimensions[0].indicators[0].target.source", equalTo("framework"))
                .body("regions[0].dimensions[0].indicators[0].stage", equalTo("kindergarten"))
                .body("regions[0].dimensions[0].indicators[0].achievement", equalTo(0.9898f))
                .body("regions[0].dimensions[0].indicators[0].pointsEarned", equalTo(19.7959f))
                .body("regions[0].dimensions[0].indicators[0].pointsLost", equalTo(0.2041f))
                .body("regions[0].dimensions[0].indicators[0].valueStatus", equalTo("approved"))
                .body("regions[0].dimensions[0].indicators[1].target.comparator", equalTo("<="))
                .body("regions[0].dimensions[0].indicators[1].achievement", equalTo(0.9375f))
                .body("regions[0].dimensions[0].indicators[1].pointsEarned", equalTo(18.75f))
                .body("regions[0].dimensions[0].indicators[1].stage", nullValue())
                .body("regions[0].dimensions[0].indicators[2].scoring", equalTo("band"))
                .body("regions[0].dimensions[0].indicators[2].band.low", equalTo(0.9f))
                .body("regions[0].dimensions[0].indicators[2].achievement", equalTo(0.8f))
                .body("regions[0].dimensions[0].indicators[2].pointsEarned", equalTo(16))
                .body("regions[0].dimensions[1].coveredWeight", equalTo(20))
                .body("regions[0].dimensions[1].score", equalTo(0))
                .body("regions[0].dimensions[1].indicators[0].target.source", equalTo("standard"))
                .body("regions[0].dimensions[1].indicators[0].target.jurisdiction", equalTo("000000"))
                .body("regions[0].dimensions[1].indicators[0].target.appliesFrom", equalTo("national"))
                .body("regions[0].dimensions[1].indicators[0].target.value", equalTo(85))
                .body("regions[0].dimensions[1].indicators[0].achievement", equalTo(0))
                .body("regions[0].dimensions[1].indicators[0].pointsLost", equalTo(20))
                .body("regions[0].dimensions[1].indicators[2].status", equalTo("stage-required"))
                // Jiangning: 20 + 20 + 20 + 20 + 50/55 × 10 = 89.0909 over 90 (rotation needs a stage)
                .body("regions[1].score", equalTo(98.99f))
                .body("regions[1].coveredWeight", equalTo(90));
    }

    @Test
    void aStageScoresPerStageIndicatorsAndPrefersThatStagesBreakdown() {
        // primary: rotation 12 ≥ 10 earns 10; pupil-teacher ratio has no primary breakdown, so all stages (16):
        // 64.5459 / 90 = 71.72
        given().auth().oauth2(Tokens.admin())
                .queryParam("region", "320113").queryParam("period", "2031").queryParam("stage", "primary")
                .when().get(ScoreFixtures.SCORES)
                .then().statusCode(200)
                .body("stage", equalTo("primary"))
                .body("regions[0].score", equalTo(71.72f))
                .body("regions[0].coveredWeight", equalTo(90))
                .body("regions[0].dimensions[1].indicators[2].stage", equalTo("primary"))
                .body("regions[0].dimensions[1].indicators[2].pointsEarned", equalTo(10))
                .body("regions[0].dimensions[0].indicators[1].value", equalTo(16));
        // junior: the junior pupil-teacher ratio 13 ≤ 15 earns 20; rotation has no junior value:
        // 19.7959 + 20 + 16 + 0 = 55.7959 / 80 = 69.74
        given().auth().oauth2(Tokens.admin())
                .queryParam("region", "320113").queryParam("period", "2031").queryParam("stage", "junior")
                .when().get(ScoreFixtures.SCORES)
                .then().statusCode(200)
                .body("regions[0].score", equalTo(69.74f))
                .body("regions[0].dimensions[0].indicators[1].value", equalTo(13))
                .body("regions[0].dimensions[0].indicators[1].stage", equalTo("junior"))
                .body("regions[0].dimensions[1].indicators[2].status", equalTo("no-value"));
    }

    @Test
    void regionsCanAlsoBeRepeatedAndADuplicateCountsOnce() {
        given().auth().oauth2(Tokens.admin())
                .queryParam("region", "320115").queryParam("region", "320113,320115").queryParam("period", "2031")
                .when().get(ScoreFixtures.SCORES)
                .then().statusCode(200)
                .body("regions.region", equalTo(List.of("320115", "320113")));
    }

    @Test
    void viewersAreScoredOnApprovedValuesOnly() {
        // the pupil-teacher ratio of all stages is submitted: 19.7959 + 16 + 0 = 35.7959 / 60 = 59.66
        given().auth().oauth2(Tokens.role("viewer").region("320113").get())
                .queryParam("region", "320113").queryParam("period", "2031")
                .when().get(ScoreFixtures.SCORES)
                .then().statusCode(200)
                .body("regions[0].score", equalTo(59.66f))
                .body("regions[0].missing.indicator", hasItem("ce.pupil_teacher_ratio"));
    }

    @Test
    void regionsOutsideTheCallersScopeAreNotFound() {
        given().auth().oauth2(Tokens.role("bureau-analyst").region("320113").get())
                .queryParam("region", "320113,320115").queryParam("period", "2031")
                .when().get(ScoreFixtures.SCORES)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.role("bureau-analyst").region("320100").get())
                .queryParam("region", "320113,320115").queryParam("period", "2031")
                .when().get(ScoreFixtures.SCORES)
                .then().statusCode(200).body("regions[1].score", equalTo(98.99f));
        given().auth().oauth2(Tokens.role("school-clerk").school("3201130001").get())
                .queryParam("region", "320113").queryParam("period", "2031")
                .when().get(ScoreFixtures.SCORES)
                .then().statusCode(404);
        given().queryParam("region", "320113").queryParam("period", "2031")
                .when().get(ScoreFixtures.SCORES)
                .then().statusCode(401);
    }

    @Test
    void noRegionScoredAtAllHasNoScoreButEveryWeightMissing() {
        given().auth().oauth2(Tokens.admin())
                .queryParam("region", "320116").queryParam("period", "2031")
                .when().get(ScoreFixtures.SCORES)
                .then().statusCode(200)
                .body("regions[0].score", nullValue())
                .body("regions[0].coveredWeight", equalTo(0))
                .body("regions[0].missingWeight", equalTo(100))
                .body("regions[0].missing.size()", equalTo(6));
    }

    @Test
    void parametersAreCheckedAllAtOnce() {
        given().auth().oauth2(Tokens.admin())
                .queryParam("region", "32011").queryParam("period", "2031X").queryParam("version", "20")
                .queryParam("stage", "college")
                .when().get(ScoreFixtures.SCORES)
                .then().statusCode(400)
                .body("errors.pointer", equalTo(List.of("region", "period", "version", "stage")));
        given().auth().oauth2(Tokens.admin())
                .when().get(ScoreFixtures.SCORES)
                .then().statusCode(400)
                .body("errors.pointer", equalTo(List.of("region", "period")));
    }

    @Test
    void unknownFrameworkOrVersionIsNotFound() {
        given().auth().oauth2(Tokens.admin()).queryParam("region", "320113").queryParam("period", "2031")
                .when().get("/indicators/v1/frameworks/zz-no-such-framework/scores")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).queryParam("region", "320113").queryParam("period", "2019")
                .when().get(ScoreFixtures.SCORES)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).queryParam("region", "320113").queryParam("period", "2031")
                .queryParam("version", "2021")
                .when().get(ScoreFixtures.SCORES)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).queryParam("region", "320113").queryParam("period", "2031")
                .queryParam("version", "2020")
                .when().get(ScoreFixtures.SCORES)
                .then().statusCode(200).body("version", equalTo(2020));
    }

    @Test
    void seededJiangsuFrameworkScoresAgainstItsConfirmedTarget() {
        // js-modernization-2013 holds 学前三年毛入园率 at target 98, weight 2: Qixia's 97 earns 2 × 97/98 = 1.9796
        given().auth().oauth2(Tokens.admin())
                .queryParam("region", "320113").queryParam("period", "2031")
                .when().get("/indicators/v1/frameworks/js-modernization-2013/scores")
                .then().statusCode(200)
                .body("version", equalTo(2013))
                .body("regions[0].dimensions[0].indicators[0].indicator", equalTo("pre.gross_enrollment_rate"))
                .body("regions[0].dimensions[0].indicators[0].pointsEarned", equalTo(1.9796f));
    }

    @Test
    void jiangsuLeavesPinnedToJuniorScoreWithoutAStageAndWhateverStageIsAsked() {
        // js-modernization-2013 pins 义务教育巩固率 (weight 6, ratio 99) and 交流轮岗教师比例 (weight 5, ratio 10) to
        // junior. Qixia 2033 reports both per stage; junior: retention 98.01 earns 6 × 98.01/99 = 5.94, rotation 5
        // earns 5 × 5/10 = 2.5. The primary values (99.5, 20) would earn full points: they are not read.
        String csv = "indicator,unit,region,period,stage,value,numerator,denominator,status,source,comment\n"
                + "ce.retention_rate,320113,,2033,primary,99.5,,,approved,test,\n"
                + "ce.retention_rate,320113,,2033,junior,98.01,,,approved,test,\n"
                + "qb.teacher_rotation_rate,320113,,2033,primary,20,,,approved,test,\n"
                + "qb.teacher_rotation_rate,320113,,2033,junior,5,,,approved,test,\n";
        given().auth().oauth2(Tokens.admin()).contentType("text/csv").body(csv)
                .when().post("/indicators/v1/imports").then().statusCode(200).body("rejected", equalTo(0));
        for (String stage : new String[] { null, "primary" }) {
            var request = given().auth().oauth2(Tokens.admin()).queryParam("region", "320113").queryParam("period", "2033");
            if (stage != null) {
                request.queryParam("stage", stage);
            }
            request.when().get("/indicators/v1/frameworks/js-modernization-2013/scores")
                    .then().statusCode(200)
                    .body("regions[0].missing.indicator", not(hasItem("ce.retention_rate")))
                    .body("regions[0].missing.indicator", not(hasItem("qb.teacher_rotation_rate")))
                    .body(leaf("ce.retention_rate") + ".stage", equalTo("junior"))
                    .body(leaf("ce.retention_rate") + ".status", equalTo("scored"))
                    .body(leaf("ce.retention_rate") + ".value", equalTo(98.01f))
                    .body(leaf("ce.retention_rate") + ".pointsEarned", equalTo(5.94f))
                    .body(leaf("qb.teacher_rotation_rate") + ".stage", equalTo("junior"))
                    .body(leaf("qb.teacher_rotation_rate") + ".pointsEarned", equalTo(2.5f));
        }
    }

    /** The GPath of a leaf's score anywhere in the first region's dimension tree (these leaves sit at level 2). */
    private static String leaf(String indicator) {
        return "regions[0].dimensions.collectMany { it.indicators ?: [] }.find { it.indicator == '" + indicator + "' }";
    }
}
