package io.dengta.schools.school;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SchoolImportTest {

    private static final String HEADER = "code,name,region,stages,ownership,status,capacitySeats,source\n";

    private static String feed() {
        return Tokens.role("data-feed").region("320100").client("nanjing-city-feed").get();
    }

    @Test
    void csvImportCreatesThenReplayReportsUnchanged() {
        String csv = HEADER
                + "3201136001,栖霞导入一小,320113,primary,public,open,1200,synthetic-demo\n"
                + "3201136002,栖霞导入九年制,320113,primary|junior,public,open,2400,synthetic-demo\n";
        given().auth().oauth2(feed()).contentType("text/csv; charset=UTF-8").body(csv)
                .when().post("/schools/v1/imports/schools")
                .then().statusCode(200)
                .body("status", equalTo("applied"))
                .body("rows", equalTo(2))
                .body("created", equalTo(2))
                .body("rejected", equalTo(0));
        given().auth().oauth2(Tokens.admin()).get("/schools/v1/schools/3201136002")
                .then().statusCode(200).body("stages", equalTo(java.util.List.of("primary", "junior")));

        given().auth().oauth2(feed()).contentType("text/csv; charset=UTF-8").body(csv)
                .when().post("/schools/v1/imports/schools")
                .then().statusCode(200)
                .body("unchanged", equalTo(2))
                .body("created", equalTo(0))
                .body("updated", equalTo(0));
    }

    @Test
    void bestEffortKeepsValidRowsAndReportsEachBadOne() {
        String csv = HEADER
                + "3201136101,好的一行,320113,primary,public,open,1000,synthetic-demo\n"
                + "3201136102,,320113,primary,public,open,1000,synthetic-demo\n"
                + "3201136103,坏的学段,320113,primary|senior,public,open,-5,synthetic-demo\n"
                + "3202146104,范围之外,320214,primary,public,open,1000,synthetic-demo\n";
        given().auth().oauth2(feed()).contentType("text/csv").queryParam("mode", "best-effort").body(csv)
                .when().post("/schools/v1/imports/schools")
                .then().statusCode(200)
                .body("status", equalTo("applied"))
                .body("created", equalTo(1))
                .body("rejected", equalTo(3))
                .body("errors.find { it.row == 2 }.field", equalTo("name"))
                .body("errors.findAll { it.row == 3 }.code", hasItem("positive_or_zero"))
                .body("errors.find { it.row == 4 }.code", equalTo("forbidden"));
        given().auth().oauth2(Tokens.admin()).get("/schools/v1/schools/3201136101").then().statusCode(200);
    }

    @Test
    void atomicImportWithABadRowKeepsNothing() {
        String csv = HEADER
                + "3201136201,好的一行,320113,primary,public,open,1000,synthetic-demo\n"
                + "3201136202,坏的一行,320999,primary,public,open,1000,synthetic-demo\n";
        given().auth().oauth2(Tokens.admin()).contentType("text/csv").body(csv)
                .when().post("/schools/v1/imports/schools")
                .then().statusCode(200)
                .body("status", equalTo("rejected"))
                .body("created", equalTo(0))
                .body("rejected", equalTo(1))
                .body("errors[0].row", equalTo(2))
                .body("errors[0].field", equalTo("region"))
                .body("errors[0].code", equalTo("unknown_region"));
        given().auth().oauth2(Tokens.admin()).get("/schools/v1/schools/3201136201").then().statusCode(404);
    }

    @Test
    void dryRunCountsButKeepsNothing() {
        String json = """
                [{"code": "3201136301", "name": "试运行小学", "region": "320113", "stages": ["primary"],
                  "ownership": "public", "status": "open"}]""";
        given().auth().oauth2(Tokens.admin()).contentType("application/json").queryParam("dryRun", "true").body(json)
                .when().post("/schools/v1/imports/schools")
                .then().statusCode(200)
                .body("status", equalTo("dry-run"))
                .body("created", equalTo(1));
        given().auth().oauth2(Tokens.admin()).get("/schools/v1/schools/3201136301").then().statusCode(404);
    }

    @Test
    void rejectsUnknownColumnsAndUnsupportedFormats() {
        given().auth().oauth2(Tokens.admin()).contentType("text/csv").body("code,nmae\n3201136401,x\n")
                .when().post("/schools/v1/imports/schools")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("nmae"))
                .body("errors[0].code", equalTo("unknown_column"));
        given().auth().oauth2(Tokens.admin()).contentType("application/xml").body("<schools/>")
                .when().post("/schools/v1/imports/schools")
                .then().statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(Tokens.role("viewer").region("320113").get()).contentType("text/csv").body(HEADER)
                .when().post("/schools/v1/imports/schools")
                .then().statusCode(403);
    }

    @Test
    void replaysTheFirstReportForTheSameIdempotencyKey() {
        String csv = HEADER + "3201136501,幂等小学,320113,primary,public,open,900,synthetic-demo\n";
        given().auth().oauth2(feed()).contentType("text/csv").header("Idempotency-Key", "feed-2024-001").body(csv)
                .when().post("/schools/v1/imports/schools")
                .then().statusCode(200).body("created", equalTo(1));
        given().auth().oauth2(feed()).contentType("text/csv").header("Idempotency-Key", "feed-2024-001").body(csv)
                .when().post("/schools/v1/imports/schools")
                .then().statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("created", equalTo(1));
        given().auth().oauth2(feed()).contentType("text/csv").header("Idempotency-Key", "feed-2024-001")
                .body(csv.replace("900", "901"))
                .when().post("/schools/v1/imports/schools")
                .then().statusCode(422)
                .body("type", equalTo("urn:dengta:problem:idempotency-key-reused"));
    }

    @Test
    void asyncImportRunsAsAJobAsTheCallerAndReportsWhenDone() {
        String csv = HEADER
                + "3201136601,作业导入一小,320113,primary,public,open,1200,synthetic-demo\n"
                + "3201136602,作业导入二小,320113,primary,public,open,1300,synthetic-demo\n";
        String token = feed();
        io.restassured.response.Response accepted = given().auth().oauth2(token).contentType("text/csv")
                .header("Prefer", "respond-async").header("Idempotency-Key", "job-feed-1").body(csv)
                .when().post("/schools/v1/imports/schools");
        accepted.then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.containsString("/schools/v1/import-jobs/"))
                .body("resourceType", equalTo("school"));
        String location = accepted.header("Location");
        String path = location.substring(location.indexOf("/schools/v1/"));

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(token).get(path).then().statusCode(200).body("status", equalTo("completed")));
        given().auth().oauth2(token).get(path)
                .then().body("report.created", equalTo(2)).body("rowsRead", equalTo(2));
        // written as the caller: the audit names the feed, not an anonymous worker
        given().auth().oauth2(Tokens.admin()).queryParam("resourceType", "school").queryParam("key", "3201136601")
                .get("/schools/v1/audit")
                .then().body("[0].subject", equalTo("test-user")).body("[0].client", equalTo("nanjing-city-feed"));
        // another caller does not see the job; the same key replays the same job
        given().auth().oauth2(Tokens.role("data-feed").region("320100").client("another-feed").get()).get(path)
                .then().statusCode(404);
        given().auth().oauth2(token).contentType("text/csv").header("Prefer", "respond-async")
                .header("Idempotency-Key", "job-feed-1").body(csv)
                .when().post("/schools/v1/imports/schools")
                .then().statusCode(202).header("Location", location);
    }
}
