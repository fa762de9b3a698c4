package io.dengta.indicators.benchmark;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The demo files run.sh loads: the seed-000 group (loading it twice leaves one) and its synthetic observations. */
@QuarkusTest
class BenchmarkSampleTest {

    @Test
    void seedGroupSampleLoadsOnceThroughTheApi() throws IOException {
        String body;
        try (InputStream in = getClass().getResourceAsStream("/samples/benchmark-groups.json")) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .when().post(BenchmarkFixtures.COLLECTION)
                .then().statusCode(201)
                .body("owner", equalTo("320113"))
                .body("peers.region", equalTo(List.of("440307", "320214", "320585")))
                .body("peers.role", equalTo(List.of("lighthouse", "catch-up", "catch-up")));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .when().post(BenchmarkFixtures.COLLECTION)
                .then().statusCode(409);
        int count = given().auth().oauth2(Tokens.role("viewer").region("320113").get())
                .queryParam("q", "学龙岗").queryParam("peer", "440307").queryParam("includeTotal", "true")
                .when().get(BenchmarkFixtures.COLLECTION).then().statusCode(200).extract().path("total");
        assertEquals(1, count);
    }

    @Test
    void seedGroupObservationsSampleImportsWithoutRejections() throws IOException {
        String csv;
        try (InputStream in = getClass().getResourceAsStream("/samples/benchmark-observations.csv")) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        given().auth().oauth2(Tokens.admin()).contentType("text/csv").queryParam("dryRun", "true").body(csv)
                .when().post("/indicators/v1/imports")
                .then().statusCode(200)
                .body("rows", equalTo(72))
                .body("rejected", equalTo(0));
    }
}
