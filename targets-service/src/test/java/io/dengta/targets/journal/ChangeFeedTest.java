package io.dengta.targets.journal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.dengta.targets.Fixtures;
import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ChangeFeedTest {

    @Test
    void writesAppearInTheFeedInScopeAndInTheAudit() {
        long after = given().auth().oauth2(Tokens.admin()).queryParam("after", "0").queryParam("limit", "1000")
                .get("/targets/v1/changes").then().statusCode(200).extract().jsonPath().getLong("next");
        while (true) {
            long next = given().auth().oauth2(Tokens.admin()).queryParam("after", after).queryParam("limit", "1000")
                    .get("/targets/v1/changes").then().extract().jsonPath().getLong("next");
            if (next == after) {
                break;
            }
            after = next;
        }
        Fixtures.plan("feed-qixia", Fixtures.QIXIA);
        long target = Fixtures.target("feed-qixia", "t1", Fixtures.QIXIA);
        Fixtures.plan("feed-binhu", Fixtures.BINHU);
        given().auth().oauth2(Tokens.admin()).header("If-Match", "*").delete("/targets/v1/targets/" + target)
                .then().statusCode(204);

        given().auth().oauth2(Tokens.role("bureau-analyst").region(Fixtures.QIXIA).get()).queryParam("after", after)
                .queryParam("limit", "1000").get("/targets/v1/changes").then().statusCode(200)
                .body("items.key", hasItem("feed-qixia"))
                .body("items.key", hasItem("feed-qixia/g1"))
                .body("items.findAll { it.resourceType == 'target' }.operation", hasItem("delete"))
                .body("items.key", not(hasItem("feed-binhu")));
        given().auth().oauth2(Tokens.admin()).queryParam("resourceType", "plan").queryParam("key", "feed-qixia")
                .get("/targets/v1/audit").then().statusCode(200)
                .body("operation", hasItem("create"));
        given().auth().oauth2(Tokens.role("viewer").region(Fixtures.QIXIA).get()).get("/targets/v1/changes")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.role("bureau-analyst").region(Fixtures.QIXIA).get()).get("/targets/v1/audit")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).get("/targets/v1/changes?after=x")
                .then().statusCode(400);
    }
}
