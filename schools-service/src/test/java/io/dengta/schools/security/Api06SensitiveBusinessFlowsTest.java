package io.dengta.schools.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.dengta.schools.imports.Imports;
import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * OWASP API6:2023 Unrestricted Access to Sensitive Business Flows: the flow that changes most at once is a
 * bulk import. Replaying an import with the same Idempotency-Key, one after the other or many at once,
 * applies it once: the change feed records one change, the replays get the first report back.
 */
@QuarkusTest
class Api06SensitiveBusinessFlowsTest {

    private static final String HEADER = "code,name,region,stages,ownership,status,capacitySeats,source\n";

    private static String feed() {
        return Tokens.role("data-feed").region("320100").client("replay-attacker").get();
    }

    private static long head() {
        long after = 0;
        while (true) {
            Number next = given().auth().oauth2(Tokens.admin()).queryParam("after", after).queryParam("limit", 1000)
                    .get("/schools/v1/changes").then().statusCode(200).extract().path("next");
            if (next.longValue() == after) {
                return after;
            }
            after = next.longValue();
        }
    }

    private static int changesOf(String code, long after) {
        List<String> keys = given().auth().oauth2(Tokens.admin()).queryParam("after", after).queryParam("limit", 1000)
                .get("/schools/v1/changes").then().statusCode(200).extract().path("items.key");
        return (int) keys.stream().filter(code::equals).count();
    }

    @Test
    void replayingAnImportOneAfterAnotherAppliesItOnce() {
        String csv = HEADER + "3201139501,重放小学,320113,primary,public,open,800,synthetic-demo\n";
        long start = head();

        for (int i = 0; i < 5; i++) {
            Imports.postWithKey(feed(), "schools", Imports.CSV, csv, "replay-seq-1")
                    .then().statusCode(200).body("created", equalTo(1));
        }

        assertEquals(1, changesOf("3201139501", start));
    }

    @Test
    void replayingAnImportManyTimesAtOnceAppliesItOnce() {
        String csv = HEADER + "3201139502,并发重放小学,320113,primary,public,open,800,synthetic-demo\n";
        long start = head();
        String token = feed();

        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(CompletableFuture.supplyAsync(() -> Imports.postWithKey(token, "schools", Imports.CSV, csv,
                    "replay-burst-1").statusCode()));
        }
        List<Integer> statuses = answers.stream().map(CompletableFuture::join).toList();

        // the first applies; the others replay it, or are told it is still running (409): none applies again
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409), statuses.toString());
        assertTrue(statuses.contains(200), statuses.toString());
        assertEquals(1, changesOf("3201139502", start));
    }

    @Test
    void reusingAKeyForAnotherImportIsRefused() {
        String csv = HEADER + "3201139503,换体小学,320113,primary,public,open,800,synthetic-demo\n";
        Imports.postWithKey(feed(), "schools", Imports.CSV, csv, "replay-other-body").then().statusCode(200);

        Imports.postWithKey(feed(), "schools", Imports.CSV, csv.replace("800", "8000"), "replay-other-body")
                .then().statusCode(422)
                .body("type", equalTo("urn:dengta:problem:idempotency-key-reused"));
        given().auth().oauth2(Tokens.admin()).get("/schools/v1/schools/3201139503")
                .then().statusCode(200).body("capacitySeats", equalTo(800));
    }
}
