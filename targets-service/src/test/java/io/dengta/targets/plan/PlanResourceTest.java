package io.dengta.targets.plan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.dengta.targets.Fixtures;
import io.dengta.targets.target.IndicatorsStub;
import io.dengta.testing.PostgresTestResource;
import io.dengta.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(IndicatorsStub.class)
class PlanResourceTest {

    private static String qixiaAnalyst() {
        return Tokens.role("bureau-analyst").region(Fixtures.QIXIA).get();
    }

    @Test
    void createsReadsReplacesAndDeletesPlan() {
        String etag = given().auth().oauth2(qixiaAnalyst()).contentType(ContentType.JSON)
                .body(Fixtures.planBody(Fixtures.QIXIA, 2024, 2025))
                .when().put("/targets/v1/plans/plan-crud")
                .then().statusCode(201)
                .header("Location", containsString("/targets/v1/plans/plan-crud"))
                .body("ownerRegion", equalTo(Fixtures.QIXIA))
                .extract().header("ETag");
        given().auth().oauth2(qixiaAnalyst()).when().get("/targets/v1/plans/plan-crud")
                .then().statusCode(200).header("ETag", equalTo(etag)).body("kind", equalTo("five-year"));
        String replaced = given().auth().oauth2(qixiaAnalyst()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Fixtures.planBody(Fixtures.QIXIA, 2024, 2026))
                .when().put("/targets/v1/plans/plan-crud")
                .then().statusCode(200).body("lastYear", equalTo(2026))
                .extract().header("ETag");
        given().auth().oauth2(qixiaAnalyst()).header("If-Match", etag)
                .when().delete("/targets/v1/plans/plan-crud").then().statusCode(412);
        given().auth().oauth2(qixiaAnalyst()).header("If-Match", replaced)
                .when().delete("/targets/v1/plans/plan-crud").then().statusCode(204);
        given().auth().oauth2(qixiaAnalyst()).when().get("/targets/v1/plans/plan-crud").then().statusCode(404);
    }

    @Test
    void staleIfMatchIsPreconditionFailed() {
        Fixtures.plan("plan-stale", Fixtures.QIXIA);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", "\"999\"")
                .body(Fixtures.planBody(Fixtures.QIXIA, 2021, 2025))
                .when().put("/targets/v1/plans/plan-stale")
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("urn:dengta:problem:precondition-failed"));
    }

    @Test
    void rejectsLastYearBeforeFirstYear() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Fixtures.planBody(Fixtures.QIXIA, 2025, 2021))
                .when().put("/targets/v1/plans/plan-years")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.code", hasItem("before_first_year"));
    }

    @Test
    void rejectsYearsThatWouldLeaveTargetsOutside() {
        Fixtures.plan("plan-shrink", Fixtures.QIXIA);
        Fixtures.target("plan-shrink", "t-2025", Fixtures.QIXIA);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Fixtures.planBody(Fixtures.QIXIA, 2021, 2024))
                .when().put("/targets/v1/plans/plan-shrink")
                .then().statusCode(400).body("errors.code", hasItem("targets_outside_years"));
    }

    @Test
    void analystManagesOnlyPlansOfTheirRegion() {
        Fixtures.plan("plan-qixia", Fixtures.QIXIA);
        Fixtures.plan("plan-binhu", Fixtures.BINHU);
        given().auth().oauth2(qixiaAnalyst()).get("/targets/v1/plans/plan-qixia").then().statusCode(200);
        // another region's plan: invisible on reads, forbidden on writes
        given().auth().oauth2(qixiaAnalyst()).get("/targets/v1/plans/plan-binhu").then().statusCode(404);
        given().auth().oauth2(qixiaAnalyst()).get("/targets/v1/plans/plan-binhu/goals").then().statusCode(404);
        given().auth().oauth2(qixiaAnalyst()).contentType(ContentType.JSON)
                .body(Fixtures.planBody(Fixtures.BINHU, 2021, 2025))
                .put("/targets/v1/plans/plan-binhu").then().statusCode(403);
        given().auth().oauth2(qixiaAnalyst()).contentType(ContentType.JSON).body("{\"title\": \"x\"}")
                .put("/targets/v1/plans/plan-binhu/goals/g2").then().statusCode(403);
        // nor can an analyst move a plan of theirs to another region, or create one there
        given().auth().oauth2(qixiaAnalyst()).contentType(ContentType.JSON)
                .body(Fixtures.planBody(Fixtures.BINHU, 2021, 2025))
                .put("/targets/v1/plans/plan-qixia").then().statusCode(403);
        given().auth().oauth2(qixiaAnalyst()).contentType(ContentType.JSON)
                .body(Fixtures.planBody(Fixtures.BINHU, 2021, 2025))
                .put("/targets/v1/plans/plan-new-binhu").then().statusCode(403);
        given().auth().oauth2(Tokens.role("bureau-analyst").region(Fixtures.BINHU).get())
                .get("/targets/v1/plans/plan-binhu").then().statusCode(200);
    }

    @Test
    void cityAnalystManagesPlansOfItsDistricts() {
        Fixtures.plan("plan-qixia-city", Fixtures.QIXIA);
        given().auth().oauth2(Tokens.role("bureau-analyst").region("320100").get()).contentType(ContentType.JSON)
                .body("{\"title\": \"市级补充目标\"}")
                .put("/targets/v1/plans/plan-qixia-city/goals/g-city").then().statusCode(201);
    }

    @Test
    void viewerReadsButCannotWrite() {
        Fixtures.plan("plan-viewed", Fixtures.QIXIA);
        String viewer = Tokens.role("viewer").region(Fixtures.QIXIA).get();
        given().auth().oauth2(viewer).get("/targets/v1/plans/plan-viewed").then().statusCode(200);
        given().auth().oauth2(viewer).get("/targets/v1/plans/plan-viewed/goals").then().statusCode(200)
                .body("goals.code", hasItem("g1"));
        given().auth().oauth2(viewer).contentType(ContentType.JSON).body(Fixtures.planBody(Fixtures.QIXIA, 2021, 2025))
                .put("/targets/v1/plans/plan-viewed").then().statusCode(403);
        given().auth().oauth2(viewer).delete("/targets/v1/plans/plan-viewed").then().statusCode(403);
        given().auth().oauth2(Tokens.role("viewer").region(Fixtures.BINHU).get())
                .get("/targets/v1/plans/plan-viewed").then().statusCode(404);
    }

    @Test
    void listsOnlyPlansInScopeWithFilters() {
        Fixtures.plan("plan-list-qixia", Fixtures.QIXIA);
        Fixtures.plan("plan-list-binhu", Fixtures.BINHU);
        given().auth().oauth2(qixiaAnalyst()).queryParam("limit", "1000").get("/targets/v1/plans")
                .then().statusCode(200)
                .body("items.code", hasItem("plan-list-qixia"))
                .body("items.code", not(hasItem("plan-list-binhu")))
                .body("items.ownerRegion", everyItem(equalTo(Fixtures.QIXIA)));
        given().auth().oauth2(Tokens.admin()).queryParam("region", Fixtures.BINHU).queryParam("status", "active")
                .queryParam("kind", "five-year").queryParam("limit", "1000").get("/targets/v1/plans")
                .then().statusCode(200)
                .body("items.code", hasItem("plan-list-binhu"))
                .body("items.ownerRegion", everyItem(startsWith("3202")));
        given().auth().oauth2(Tokens.admin()).queryParam("kind", "decade").get("/targets/v1/plans")
                .then().statusCode(400).body("errors.pointer", hasItem("kind"));
    }

    @Test
    void pagesPlansWithCursor() {
        for (int i = 0; i < 3; i++) {
            Fixtures.plan("plan-page-" + i, Fixtures.QIXIA);
        }
        String next = given().auth().oauth2(Tokens.admin()).queryParam("limit", "1").queryParam("region", Fixtures.QIXIA)
                .get("/targets/v1/plans").then().statusCode(200).extract().jsonPath().getString("next");
        given().auth().oauth2(Tokens.admin()).queryParam("limit", "1").queryParam("region", Fixtures.QIXIA)
                .queryParam("cursor", next).get("/targets/v1/plans").then().statusCode(200)
                .body("items.size()", equalTo(1));
    }

    @Test
    void goalsFormATreeWithoutCycles() {
        Fixtures.plan("plan-tree", Fixtures.QIXIA);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"parent\": \"g1\", \"title\": \"子目标\"}")
                .put("/targets/v1/plans/plan-tree/goals/g1-a").then().statusCode(201);
        given().auth().oauth2(Tokens.admin()).get("/targets/v1/plans/plan-tree/goals").then().statusCode(200)
                .body("goals.find { it.code == 'g1' }.children.code", hasItem("g1-a"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"parent\": \"g1-a\", \"title\": \"目标一\"}")
                .put("/targets/v1/plans/plan-tree/goals/g1").then().statusCode(400)
                .body("errors.code", hasItem("cycle"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"parent\": \"nope\", \"title\": \"x\"}")
                .put("/targets/v1/plans/plan-tree/goals/g2").then().statusCode(400)
                .body("errors.code", hasItem("unknown_goal"));
        given().auth().oauth2(Tokens.admin()).delete("/targets/v1/plans/plan-tree/goals/g1").then().statusCode(409);
    }

    @Test
    void actionsLinkToTargetsOfTheirPlan() {
        Fixtures.plan("plan-actions", Fixtures.QIXIA);
        Fixtures.target("plan-actions", "t1", Fixtures.QIXIA);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"kind\": \"project\", \"title\": \"学位扩容工程\", \"goal\": \"g1\", \"targets\": [\"t1\"]}")
                .put("/targets/v1/plans/plan-actions/actions/a1").then().statusCode(201)
                .body("targets", hasItem("t1"));
        given().auth().oauth2(Tokens.admin()).queryParam("target", "t1").get("/targets/v1/plans/plan-actions/actions")
                .then().statusCode(200).body("items.code", hasItem("a1"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"kind\": \"action\", \"title\": \"x\", \"targets\": [\"t9\"], \"firstYear\": 2030}")
                .put("/targets/v1/plans/plan-actions/actions/a2").then().statusCode(400)
                .body("errors.pointer", hasItem("/targets/0"))
                .body("errors.code", hasItem("outside_plan_years"));
    }
}
