package io.dengta.indicators.observation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class ObservationImportJobTest {

    static final String IMPORTS = "/indicators/v1/imports";
    static final String HEADER = ObservationImportTest.HEADER;

    /** Posts as a job; returns the job's path after checking the 202. */
    private static String submit(String token, String csv, String idempotencyKey, String mode) {
        var request = given().auth().oauth2(token).contentType("text/csv").header("Prefer", "respond-async").body(csv);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        if (mode != null) {
            request = request.queryParam("mode", mode);
        }
        Response accepted = request.when().post(IMPORTS);
        accepted.then().statusCode(202)
                .header("Location", containsString("/indicators/v1/imports/"))
                .body("resourceType", equalTo("observation"));
        String location = accepted.header("Location");
        return location.substring(location.indexOf("/indicators/v1/"));
    }

    private static void awaitFinished(String token, String path) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(token).get(path)
                .then().statusCode(200).body("status", org.hamcrest.Matchers.oneOf("completed", "failed")));
    }

    @Test
    void aRespondAsyncImportAnswers202AndItsJobEndsWithTheReport() {
        String csv = HEADER
                + "cap.seats_added,320113,,2001,,300,,,approved,job-feed,\n"
                + "qb.key_teachers_per100,3201137701,320113,2024Sep,primary,2.5,25,1000,submitted,job-feed,\n";
        String token = ObservationResourceTest.feed();
        String path = submit(token, csv, "indicators-job-1", null);
        awaitFinished(token, path);
        given().auth().oauth2(token).get(path).then()
                .body("status", equalTo("completed"))
                .body("rowsRead", equalTo(2))
                .body("report.created", equalTo(2))
                .body("report.rejected", equalTo(0));
        given().auth().oauth2(Tokens.admin()).get(ObservationResourceTest.BASE + "cap.seats_added/320113/2001")
                .then().statusCode(200).body("value", equalTo(300));
        // the job wrote as its caller: the audit names the feed, not a worker thread
        given().auth().oauth2(Tokens.admin()).queryParam("resourceType", "observation")
                .queryParam("key", "cap.seats_added/320113/2001").get("/indicators/v1/audit")
                .then().statusCode(200).body("[0].subject", equalTo("nanjing-feed"))
                .body("[0].client", equalTo("nanjing-city-feed"));
        // the same key and file replay the same job
        given().auth().oauth2(token).contentType("text/csv").header("Prefer", "respond-async")
                .header("Idempotency-Key", "indicators-job-1").body(csv)
                .when().post(IMPORTS)
                .then().statusCode(202).header("Location", containsString(path));
    }

    @Test
    void aReplayedFeedAsAJobChangesNothing() {
        String csv = HEADER + "cap.seats_added,320113,,2002,,410,,,approved,job-feed,\n"
                + "cap.seats_added,320113,,2003,,420,,,approved,job-feed,\n";
        String token = ObservationResourceTest.feed();
        awaitFinished(token, submit(token, csv, null, null));
        long before = ChangeFeedTest.head();
        String replay = submit(token, csv, null, null);
        awaitFinished(token, replay);
        given().auth().oauth2(token).get(replay).then()
                .body("status", equalTo("completed"))
                .body("report.unchanged", equalTo(2))
                .body("report.created", equalTo(0))
                .body("report.updated", equalTo(0));
        org.junit.jupiter.api.Assertions.assertEquals(before, ChangeFeedTest.head(), "a replay writes nothing");
    }

    @Test
    void aJobChecksScopeLikeASynchronousImport() {
        String csv = HEADER
                + "cap.seats_added,320113,,2004,,500,,,approved,job-feed,\n"
                + "cap.seats_added,320214,,2004,,600,,,approved,job-feed,\n";
        String token = ObservationResourceTest.feed();
        String atomic = submit(token, csv, null, null);
        awaitFinished(token, atomic);
        given().auth().oauth2(token).get(atomic).then()
                .body("status", equalTo("completed"))
                .body("report.status", equalTo("rejected"))
                .body("report.rejected", equalTo(1))
                .body("report.errors[0].row", equalTo(2))
                .body("report.errors[0].code", equalTo("out_of_scope"));
        given().auth().oauth2(Tokens.admin()).get(ObservationResourceTest.BASE + "cap.seats_added/320113/2004")
                .then().statusCode(404);

        String bestEffort = submit(token, csv, null, "best-effort");
        awaitFinished(token, bestEffort);
        given().auth().oauth2(token).get(bestEffort).then()
                .body("report.created", equalTo(1))
                .body("report.errors[0].code", equalTo("out_of_scope"));
        given().auth().oauth2(Tokens.admin()).get(ObservationResourceTest.BASE + "cap.seats_added/320214/2004")
                .then().statusCode(404);
    }

    @Test
    void onlyTheCallerWhoStartedAJobSeesIt() {
        String token = ObservationResourceTest.feed();
        String path = submit(token, HEADER + "cap.seats_added,320113,,2005,,700,,,approved,job-feed,\n", null, null);
        awaitFinished(token, path);
        given().auth().oauth2(Tokens.role("data-feed").region("320100").client("another-feed").subject("other").get())
                .get(path).then().statusCode(404);
        given().auth().oauth2(Tokens.role("bureau-analyst").region("320100").get()).get(path).then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).get(path).then().statusCode(200).body("status", equalTo("completed"));
        given().auth().oauth2(token).get(IMPORTS + "/not-a-job").then().statusCode(400);
    }
}
