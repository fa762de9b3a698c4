package io.dengta.targets.checkin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.dengta.targets.Fixtures;
import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ProgressReportResourceTest {

    private static final String CLERK_SCHOOL = "3201139101";

    private static String clerk() {
        return Tokens.role("school-clerk").school(CLERK_SCHOOL).subject("clerk-9101").get();
    }

    private static String qixiaAnalyst() {
        return Tokens.role("bureau-analyst").region(Fixtures.QIXIA).subject("analyst-qixia").get();
    }

    @Test
    void clerkReportsOnTheirSchoolAndAnalystAccepts() {
        Fixtures.plan("pr-accept", Fixtures.QIXIA);
        long target = Fixtures.schoolTarget("pr-accept", "parent-school", CLERK_SCHOOL, Fixtures.QIXIA);
        var created = given().auth().oauth2(clerk()).contentType(ContentType.JSON)
                .body("{\"period\": \"2024\", \"done\": true, \"comment\": \"已挂牌\", \"evidenceUrl\": \"https://example.org/p.jpg\"}")
                .post("/targets/v1/targets/" + target + "/reports")
                .then().statusCode(201)
                .body("status", equalTo("submitted"))
                .body("reporter", equalTo("clerk-9101"))
                .body("evidenceUrl", equalTo("https://example.org/p.jpg"))
                .extract();
        long report = created.jsonPath().getLong("id");
        given().auth().oauth2(qixiaAnalyst()).queryParam("status", "submitted").queryParam("region", Fixtures.QIXIA)
                .get("/targets/v1/reports").then().statusCode(200).body("items.id", hasItem((int) report));
        given().auth().oauth2(qixiaAnalyst()).contentType(ContentType.JSON).header("If-Match", "\"7\"")
                .body("{\"decision\": \"accepted\"}")
                .post("/targets/v1/reports/" + report + "/review").then().statusCode(412);
        given().auth().oauth2(qixiaAnalyst()).contentType(ContentType.JSON).header("If-Match", created.header("ETag"))
                .body("{\"decision\": \"accepted\"}")
                .post("/targets/v1/reports/" + report + "/review").then().statusCode(200)
                .body("status", equalTo("accepted"))
                .body("reviewedBy", equalTo("analyst-qixia"));
        given().auth().oauth2(qixiaAnalyst()).contentType(ContentType.JSON).body("{\"decision\": \"returned\", \"comment\": \"x\"}")
                .post("/targets/v1/reports/" + report + "/review").then().statusCode(409);
    }

    @Test
    void returnedReportNeedsAReasonAndCanBeRevised() {
        Fixtures.plan("pr-return", Fixtures.QIXIA);
        long target = Fixtures.target("pr-return", "net", Fixtures.QIXIA);
        long report = given().auth().oauth2(qixiaAnalyst()).contentType(ContentType.JSON)
                .body("{\"period\": \"2023\", \"value\": 98.2}")
                .post("/targets/v1/targets/" + target + "/reports").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        given().auth().oauth2(qixiaAnalyst()).contentType(ContentType.JSON).body("{\"decision\": \"returned\"}")
                .post("/targets/v1/reports/" + report + "/review").then().statusCode(400);
        given().auth().oauth2(qixiaAnalyst()).contentType(ContentType.JSON)
                .body("{\"decision\": \"returned\", \"comment\": \"请附统计报表\"}")
                .post("/targets/v1/reports/" + report + "/review").then().statusCode(200)
                .body("status", equalTo("returned"));
        given().auth().oauth2(qixiaAnalyst()).contentType(ContentType.JSON)
                .body("{\"period\": \"2023\", \"value\": 98.4, \"evidenceUrl\": \"https://example.org/stat.xlsx\"}")
                .put("/targets/v1/reports/" + report).then().statusCode(200)
                .body("status", equalTo("submitted"))
                .body("value", equalTo(98.4f));
    }

    @Test
    void reportCarriesWhatItsTargetNeeds() {
        Fixtures.plan("pr-rules", Fixtures.QIXIA);
        long numeric = Fixtures.target("pr-rules", "net", Fixtures.QIXIA);
        long milestone = Fixtures.schoolTarget("pr-rules", "ms", CLERK_SCHOOL, Fixtures.QIXIA);
        given().auth().oauth2(qixiaAnalyst()).contentType(ContentType.JSON).body("{\"period\": \"2023\", \"done\": true}")
                .post("/targets/v1/targets/" + numeric + "/reports").then().statusCode(400)
                .body("errors.pointer", hasItem("/value")).body("errors.pointer", hasItem("/done"));
        given().auth().oauth2(qixiaAnalyst()).contentType(ContentType.JSON).body("{\"period\": \"2023\", \"value\": 1}")
                .post("/targets/v1/targets/" + milestone + "/reports").then().statusCode(400)
                .body("errors.pointer", hasItem("/done"));
        given().auth().oauth2(qixiaAnalyst()).contentType(ContentType.JSON).body("{\"period\": \"2099\", \"value\": 1}")
                .post("/targets/v1/targets/" + numeric + "/reports").then().statusCode(400)
                .body("errors.code", hasItem("in_future"));
        given().auth().oauth2(qixiaAnalyst()).contentType(ContentType.JSON)
                .body("{\"period\": \"2023\", \"value\": 1, \"evidenceUrl\": \"file:///etc/passwd\"}")
                .post("/targets/v1/targets/" + numeric + "/reports").then().statusCode(400);
    }

    @Test
    void onlyTheSchoolsClerksAndTheRegionsAnalystsReport() {
        Fixtures.plan("pr-access", Fixtures.QIXIA);
        long schoolTarget = Fixtures.schoolTarget("pr-access", "ms", CLERK_SCHOOL, Fixtures.QIXIA);
        long regionTarget = Fixtures.target("pr-access", "net", Fixtures.QIXIA);
        String body = "{\"period\": \"2024\", \"done\": true}";
        given().auth().oauth2(Tokens.role("school-clerk").school("3201139102").get()).contentType(ContentType.JSON)
                .body(body).post("/targets/v1/targets/" + schoolTarget + "/reports").then().statusCode(403);
        given().auth().oauth2(clerk()).contentType(ContentType.JSON).body("{\"period\": \"2024\", \"value\": 1}")
                .post("/targets/v1/targets/" + regionTarget + "/reports").then().statusCode(403);
        given().auth().oauth2(Tokens.role("viewer").region(Fixtures.QIXIA).get()).contentType(ContentType.JSON)
                .body(body).post("/targets/v1/targets/" + schoolTarget + "/reports").then().statusCode(403);
        given().auth().oauth2(Tokens.role("bureau-analyst").region(Fixtures.BINHU).get()).contentType(ContentType.JSON)
                .body(body).post("/targets/v1/targets/" + schoolTarget + "/reports").then().statusCode(403);
        long report = given().auth().oauth2(clerk()).contentType(ContentType.JSON).body(body)
                .post("/targets/v1/targets/" + schoolTarget + "/reports").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        // a clerk does not review, nor does another region's analyst
        given().auth().oauth2(clerk()).contentType(ContentType.JSON).body("{\"decision\": \"accepted\"}")
                .post("/targets/v1/reports/" + report + "/review").then().statusCode(403);
        given().auth().oauth2(Tokens.role("bureau-analyst").region(Fixtures.BINHU).get()).contentType(ContentType.JSON)
                .body("{\"decision\": \"accepted\"}")
                .post("/targets/v1/reports/" + report + "/review").then().statusCode(403);
        given().auth().oauth2(Tokens.role("bureau-analyst").region(Fixtures.BINHU).get())
                .get("/targets/v1/reports/" + report).then().statusCode(404);
        given().auth().oauth2(Tokens.role("bureau-analyst").region(Fixtures.BINHU).get()).queryParam("limit", "1000")
                .get("/targets/v1/reports").then().statusCode(200).body("items.id", not(hasItem((int) report)));
    }

    @Test
    void retriedSubmissionWithIdempotencyKeyIsAnsweredOnce() {
        Fixtures.plan("pr-idem", Fixtures.QIXIA);
        long target = Fixtures.target("pr-idem", "net", Fixtures.QIXIA);
        String body = "{\"period\": \"2023\", \"value\": 97.9}";
        long first = given().auth().oauth2(qixiaAnalyst()).contentType(ContentType.JSON).header("Idempotency-Key", "k-1")
                .body(body).post("/targets/v1/targets/" + target + "/reports").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        given().auth().oauth2(qixiaAnalyst()).contentType(ContentType.JSON).header("Idempotency-Key", "k-1")
                .body(body).post("/targets/v1/targets/" + target + "/reports").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo((int) first));
    }
}
