package io.dengta.targets.target;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.dengta.targets.Fixtures;
import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class TargetResourceTest {

    private static String qixiaAnalyst() {
        return Tokens.role("bureau-analyst").region(Fixtures.QIXIA).get();
    }

    @Test
    void createsVerifiedTargetWithIndicatorDirection() {
        Fixtures.plan("tg-verified", Fixtures.QIXIA);
        String etag = given().auth().oauth2(qixiaAnalyst()).contentType(ContentType.JSON)
                .body(Fixtures.indicatorTarget("pre.net_enrollment_rate", Fixtures.QIXIA, ">=", "99"))
                .when().put("/targets/v1/plans/tg-verified/targets/net-enrollment")
                .then().statusCode(201)
                .header("Location", containsString("/targets/v1/targets/"))
                .body("verification", equalTo("verified"))
                .body("verificationNote", nullValue())
                .body("indicatorDirection", equalTo("higher-better"))
                .body("value", equalTo(99))
                .body("actualSource", equalTo("indicators"))
                .body("warnings", emptyIterable())
                .extract().header("ETag");
        given().auth().oauth2(qixiaAnalyst()).contentType(ContentType.JSON).header("If-Match", "\"41\"")
                .body(Fixtures.indicatorTarget("pre.net_enrollment_rate", Fixtures.QIXIA, ">=", "98"))
                .put("/targets/v1/plans/tg-verified/targets/net-enrollment").then().statusCode(412);
        given().auth().oauth2(qixiaAnalyst()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Fixtures.indicatorTarget("pre.net_enrollment_rate", Fixtures.QIXIA, ">=", "98"))
                .put("/targets/v1/plans/tg-verified/targets/net-enrollment").then().statusCode(200)
                .body("value", equalTo(98));
        given().auth().oauth2(qixiaAnalyst()).get("/targets/v1/plans/tg-verified/targets/net-enrollment")
                .then().statusCode(200).body("value", equalTo(98));
    }

    @Test
    void replacingWithTheSameIndicatorDoesNotAskAgain() {
        Fixtures.plan("tg-cached", Fixtures.QIXIA);
        Fixtures.target("tg-cached", "t1", Fixtures.QIXIA);
        int before = IndicatorsStub.requestsFor("pre.net_enrollment_rate");
        Fixtures.target("tg-cached", "t1", Fixtures.QIXIA);
        assertEquals(before, IndicatorsStub.requestsFor("pre.net_enrollment_rate"));
    }

    @Test
    void rejectsUnknownIndicatorCode() {
        Fixtures.plan("tg-unknown", Fixtures.QIXIA);
        given().auth().oauth2(qixiaAnalyst()).contentType(ContentType.JSON)
                .body(Fixtures.indicatorTarget("pre.no_such_indicator", Fixtures.QIXIA, ">=", "99"))
                .put("/targets/v1/plans/tg-unknown/targets/t1")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.code", hasItem("unknown_indicator"))
                .body("errors.pointer", hasItem("/indicator"));
    }

    @Test
    void reportsEveryRuleBrokenAtOnce() {
        Fixtures.plan("tg-many", Fixtures.QIXIA);
        given().auth().oauth2(qixiaAnalyst()).contentType(ContentType.JSON)
                .body("""
                        {"goal": "g1", "title": "x", "kind": "indicator", "indicator": "pre.no_such_indicator",
                         "unit": "320211", "comparator": "between", "low": 5, "high": 1, "deadline": "2030",
                         "baselineValue": 1, "baselinePeriod": "2031"}""")
                .put("/targets/v1/plans/tg-many/targets/t1")
                .then().statusCode(400)
                .body("errors.code", hasItem("unknown_indicator"))
                .body("errors.code", hasItem("outside_plan_region"))
                .body("errors.code", hasItem("low_above_high"))
                .body("errors.code", hasItem("outside_plan_years"))
                .body("errors.code", hasItem("not_before_deadline"));
    }

    @Test
    void warnsButAcceptsComparatorAgainstIndicatorDirection() {
        Fixtures.plan("tg-warn", Fixtures.QIXIA);
        given().auth().oauth2(qixiaAnalyst()).contentType(ContentType.JSON)
                .body(Fixtures.indicatorTarget("health.myopia_rate", Fixtures.QIXIA, ">=", "50"))
                .put("/targets/v1/plans/tg-warn/targets/myopia")
                .then().statusCode(201)
                .body("warnings.code", hasItem("direction_mismatch"))
                .body("warnings.pointer", hasItem("/comparator"));
    }

    @Test
    void acceptsChangeBandOnLowerBetterIndicator() {
        Fixtures.plan("tg-change", Fixtures.QIXIA);
        given().auth().oauth2(qixiaAnalyst()).contentType(ContentType.JSON)
                .body("""
                        {"goal": "g1", "title": "近视率下降0.5-1个百分点", "kind": "change", "indicator": "health.myopia_rate",
                         "unit": "320113", "comparator": "between", "low": -1, "high": -0.5, "deadline": "2023",
                         "baselinePeriod": "2022"}""")
                .put("/targets/v1/plans/tg-change/targets/myopia-down")
                .then().statusCode(201).body("warnings", emptyIterable()).body("low", equalTo(-1));
    }

    @Test
    void acceptsUnverifiedWhenIndicatorsServiceIsDownAndVerifiesLater() {
        Fixtures.plan("tg-down", Fixtures.QIXIA);
        IndicatorsStub.takeDown();
        long id;
        try {
            id = given().auth().oauth2(qixiaAnalyst()).contentType(ContentType.JSON)
                    .body(Fixtures.indicatorTarget("cap.seats_added", Fixtures.QIXIA, ">=", "4500"))
                    .put("/targets/v1/plans/tg-down/targets/seats")
                    .then().statusCode(201)
                    .body("verification", equalTo("unverified"))
                    .body("verificationNote", containsString("could not be checked"))
                    .extract().jsonPath().getLong("id");
        } finally {
            IndicatorsStub.bringBack();
        }
        given().auth().oauth2(qixiaAnalyst()).queryParam("verification", "unverified").get("/targets/v1/targets")
                .then().body("items.id", hasItem((int) id));
        given().auth().oauth2(qixiaAnalyst()).post("/targets/v1/targets/recheck")
                .then().statusCode(200).body("verified", greaterThanOrEqualTo(1));
        given().auth().oauth2(qixiaAnalyst()).get("/targets/v1/targets/" + id)
                .then().statusCode(200)
                .body("verification", equalTo("verified"))
                .body("indicatorDirection", equalTo("higher-better"));
    }

    @Test
    void milestoneIsReportedAndVerifiedWithoutIndicator() {
        Fixtures.plan("tg-milestone", Fixtures.QIXIA);
        given().auth().oauth2(qixiaAnalyst()).contentType(ContentType.JSON)
                .body("""
                        {"goal": "g1", "title": "建成区家庭教育指导中心", "kind": "milestone", "unit": "320113", "deadline": "2024"}""")
                .put("/targets/v1/plans/tg-milestone/targets/family-centre")
                .then().statusCode(201)
                .body("verification", equalTo("verified"))
                .body("actualSource", equalTo("reports"));
    }

    @Test
    void targetsOfAnotherRegionAreInvisibleAndReadOnlyForViewers() {
        Fixtures.plan("tg-binhu", Fixtures.BINHU);
        long id = Fixtures.target("tg-binhu", "t1", Fixtures.BINHU);
        given().auth().oauth2(qixiaAnalyst()).get("/targets/v1/targets/" + id).then().statusCode(404);
        given().auth().oauth2(qixiaAnalyst()).get("/targets/v1/plans/tg-binhu/targets").then().statusCode(404);
        given().auth().oauth2(qixiaAnalyst()).queryParam("limit", "1000").get("/targets/v1/targets")
                .then().statusCode(200).body("items.plan", not(hasItem("tg-binhu")));
        given().auth().oauth2(qixiaAnalyst()).contentType(ContentType.JSON)
                .body(Fixtures.indicatorTarget("pre.net_enrollment_rate", Fixtures.BINHU, ">=", "99"))
                .put("/targets/v1/plans/tg-binhu/targets/t1").then().statusCode(403);
        given().auth().oauth2(qixiaAnalyst()).delete("/targets/v1/targets/" + id).then().statusCode(403);
        String binhuViewer = Tokens.role("viewer").region(Fixtures.BINHU).get();
        given().auth().oauth2(binhuViewer).get("/targets/v1/targets/" + id).then().statusCode(200);
        given().auth().oauth2(binhuViewer).contentType(ContentType.JSON)
                .body(Fixtures.indicatorTarget("pre.net_enrollment_rate", Fixtures.BINHU, ">=", "99"))
                .put("/targets/v1/plans/tg-binhu/targets/t1").then().statusCode(403);
    }

    @Test
    void schoolClerkSeesTargetsAboutTheirSchoolOnly() {
        Fixtures.plan("tg-school", Fixtures.QIXIA);
        long mine = Fixtures.schoolTarget("tg-school", "school-a", "3201139001", Fixtures.QIXIA);
        long other = Fixtures.schoolTarget("tg-school", "school-b", "3201139002", Fixtures.QIXIA);
        String clerk = Tokens.role("school-clerk").school("3201139001").get();
        given().auth().oauth2(clerk).get("/targets/v1/targets/" + mine).then().statusCode(200);
        given().auth().oauth2(clerk).get("/targets/v1/targets/" + other).then().statusCode(404);
        given().auth().oauth2(clerk).get("/targets/v1/targets").then().statusCode(200)
                .body("items.unit", hasItem("3201139001")).body("items.unit", not(hasItem("3201139002")));
    }
}
