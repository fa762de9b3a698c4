package io.dengta.indicators.score;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.dengta.indicators.benchmark.BenchmarkFixtures;
import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** The analyses' business meters (issue 7) are on /q/metrics after a call, tagged by framework or stage. */
@QuarkusTest
class AnalysisMetersTest {

    @Test
    void scoreGapsAndBalanceComputationsAreTimedOnTheMetricsEndpoint() {
        ScoreFixtures.load();
        given().auth().oauth2(Tokens.admin()).queryParam("region", "320113").queryParam("period", "2031")
                .when().get(ScoreFixtures.SCORES).then().statusCode(200);
        String group = BenchmarkFixtures.create(BenchmarkFixtures.seedGroup(BenchmarkFixtures.unique("meters")));
        given().auth().oauth2(Tokens.admin()).queryParam("framework", ScoreFixtures.FRAMEWORK).queryParam("period", "2032")
                .when().get(BenchmarkFixtures.COLLECTION + "/" + group + "/gaps").then().statusCode(200);
        given().auth().oauth2(Tokens.admin()).queryParam("region", "320113").queryParam("stage", "junior")
                .queryParam("period", "2024Sep").when().get("/indicators/v1/balance").then().statusCode(200);

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("dengta_score_computation_seconds_count{framework=\"zz-score-test\""))
                .body(containsString("dengta_gaps_computation_seconds_count{framework=\"zz-score-test\""))
                .body(containsString("dengta_balance_computation_seconds_count{stage=\"junior\""));
    }
}
