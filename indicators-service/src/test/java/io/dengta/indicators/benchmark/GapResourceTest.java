package io.dengta.indicators.benchmark;

import static io.dengta.indicators.benchmark.BenchmarkFixtures.COLLECTION;
import static io.dengta.indicators.benchmark.BenchmarkFixtures.seedGroup;
import static io.dengta.indicators.benchmark.BenchmarkFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dengta.indicators.score.ScoreFixtures;
import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Gaps of the seed-000 group (Qixia; Longgang lighthouse; Xinwu, Taicang catch-up) on zz-score-test for 2032 over
 * imported observations (see ScoreFixtures):
 * <pre>
 *                         Qixia   Longgang  Xinwu  Taicang   Qixia loses
 * pre.gross_enrollment     96*     99       97.5    95*      20 − 20 × 96/98 = 0.4082   (* submitted)
 * ce.pupil_teacher_ratio   16      14       17      16       20 − 20 × 15/16 = 1.25
 * sec.vocational_general   0.7     1.0      1.25    –        0.2 below the band: 20 × 0.4 = 8
 * qb.social_recognition    80      90       –       88       misses ≥ 85: 20
 * health.myopia_rate       –       48       50      52       not scored
 * qb.teacher_rotation_rate needs a stage                     not scored
 * </pre>
 */
@QuarkusTest
class GapResourceTest {

    private static String groupId;

    @BeforeEach
    void fixture() {
        ScoreFixtures.load();
        if (groupId == null) {
            groupId = BenchmarkFixtures.create(seedGroup(unique("gaps")));
        }
    }

    private static io.restassured.response.ValidatableResponse gaps(String token) {
        return given().auth().oauth2(token).queryParam("framework", ScoreFixtures.FRAMEWORK).queryParam("period", "2032")
                .when().get(COLLECTION + "/" + groupId + "/gaps").then();
    }

    @Test
    void rowsComeWhereTheOwnerLosesMostWithSignedGapsRanksAndRoles() {
        gaps(Tokens.admin()).statusCode(200)
                .body("owner", equalTo("320113"))
                .body("framework", equalTo(ScoreFixtures.FRAMEWORK))
                .body("version", equalTo(2020))
                .body("indicators.indicator", equalTo(List.of("qb.social_recognition", "sec.vocational_general_ratio",
                        "ce.pupil_teacher_ratio", "pre.gross_enrollment_rate", "health.myopia_rate",
                        "qb.teacher_rotation_rate")))
                .body("indicators.pointsLost", equalTo(Arrays.asList(20, 8, 1.25f, 0.4082f, null, null)))
                // threshold: Longgang 90 and Taicang 88 are 10 and 8 ahead; Xinwu has no value
                .body("indicators[0].owner.value", equalTo(80))
                .body("indicators[0].owner.target.value", equalTo(85))
                .body("indicators[0].peers.gap", equalTo(Arrays.asList(10, null, 8)))
                .body("indicators[0].peers.rank", equalTo(Arrays.asList(1, null, 2)))
                .body("indicators[0].peers[1].status", equalTo("no-value"))
                .body("indicators[0].best.region", equalTo("440307"))
                .body("indicators[0].best.gap", equalTo(10))
                .body("indicators[0].roles.role", equalTo(List.of("lighthouse", "catch-up")))
                .body("indicators[0].roles.region", equalTo(List.of("440307", "320585")))
                .body("indicators[0].roles.gap", equalTo(List.of(10, 8)))
                .body("indicators[0].rank", equalTo(3))
                .body("indicators[0].rankedOf", equalTo(3))
                // band: distances outside 0.9–1.1 are 0.2 (Qixia), 0 (Longgang), 0.15 (Xinwu)
                .body("indicators[1].peers.gap", equalTo(Arrays.asList(0.2f, 0.05f, null)))
                .body("indicators[1].rank", equalTo(3))
                // lower-better: owner − peer; Qixia and Taicang share rank 2
                .body("indicators[2].peers.gap", equalTo(Arrays.asList(2, -1, 0)))
                .body("indicators[2].peers.rank", equalTo(Arrays.asList(1, 4, 2)))
                .body("indicators[2].rank", equalTo(2))
                .body("indicators[2].roles[1].region", equalTo("320585"))
                .body("indicators[2].roles[1].gap", equalTo(0))
                // higher-better: peer − owner; the admin sees the submitted values too
                .body("indicators[3].peers.gap", equalTo(Arrays.asList(3, 1.5f, -1)))
                .body("indicators[3].rank", equalTo(3))
                .body("indicators[3].rankedOf", equalTo(4))
                // missing data is reported, not dropped
                .body("indicators[4].owner.status", equalTo("no-value"))
                .body("indicators[4].best.region", equalTo("440307"))
                .body("indicators[4].best.gap", nullValue())
                .body("indicators[4].rank", nullValue())
                .body("indicators[4].rankedOf", equalTo(3))
                .body("indicators[5].owner.status", equalTo("stage-required"))
                .body("indicators[5].rankedOf", equalTo(0))
                // scores: Qixia 19.5918 + 18.75 + 12 + 0 = 50.3418 / 80 = 62.93; Longgang everything but rotation
                .body("regions.region", equalTo(List.of("320113", "440307", "320214", "320585")))
                .body("regions.role", equalTo(List.of("owner", "lighthouse", "catch-up", "catch-up")))
                .body("regions[0].score", equalTo(62.93f))
                .body("regions[1].score", equalTo(100))
                .body("regions[1].coveredWeight", equalTo(90))
                .body("regions[1].name", equalTo("深圳市龙岗区"));
    }

    @Test
    void peersOutsideTheCallersScopeCountWithApprovedValuesOnly() {
        // Qixia's own submitted 96 counts for its analyst; Taicang's submitted 95 does not
        gaps(Tokens.role("bureau-analyst").region("320113").get()).statusCode(200)
                .body("indicators[3].indicator", equalTo("pre.gross_enrollment_rate"))
                .body("indicators[3].owner.value", equalTo(96))
                .body("indicators[3].peers.gap", equalTo(Arrays.asList(3, 1.5f, null)))
                .body("indicators[3].peers[2].status", equalTo("no-value"))
                .body("indicators[3].rankedOf", equalTo(3));
        // a viewer sees Qixia's approved values only: its enrolment rate drops to the unscored rows
        gaps(Tokens.role("viewer").region("320113").get()).statusCode(200)
                .body("indicators.indicator", equalTo(List.of("qb.social_recognition", "sec.vocational_general_ratio",
                        "ce.pupil_teacher_ratio", "pre.gross_enrollment_rate", "health.myopia_rate",
                        "qb.teacher_rotation_rate")))
                .body("indicators[3].owner.status", equalTo("no-value"));
    }

    @Test
    void parametersAreCheckedAndUnknownFrameworksAreNotFound() {
        given().auth().oauth2(Tokens.admin()).queryParam("period", "2032X").queryParam("stage", "college")
                .when().get(COLLECTION + "/" + groupId + "/gaps")
                .then().statusCode(400)
                .body("errors.pointer", equalTo(List.of("framework", "period", "stage")));
        given().auth().oauth2(Tokens.admin()).queryParam("framework", "zz-nothing").queryParam("period", "2032")
                .when().get(COLLECTION + "/" + groupId + "/gaps")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).queryParam("framework", ScoreFixtures.FRAMEWORK).queryParam("period", "2032")
                .when().get(COLLECTION + "/00000000-0000-0000-0000-000000000000/gaps")
                .then().statusCode(404);
    }
}
