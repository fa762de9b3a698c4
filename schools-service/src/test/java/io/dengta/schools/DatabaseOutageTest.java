package io.dengta.schools;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.dengta.testing.InjectPostgres;
import io.dengta.testing.PostgresCluster;
import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DatabaseOutageTest {

    @InjectPostgres
    PostgresCluster postgres;

    @Test
    void readinessFollowsTheDatabaseAndRequestsRecoverWithoutRestart() {
        String token = Tokens.role("viewer").region("320113").get();
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

        postgres.stop();
        try {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/q/health/ready")
                    .then().statusCode(503).body("status", equalTo("DOWN")));
            given().auth().oauth2(token).when().get("/schools/v1/regions/320113")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("type", equalTo("urn:dengta:problem:dependency-unavailable"));
        } finally {
            postgres.start();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP")));
        given().auth().oauth2(token).when().get("/schools/v1/regions/320113")
                .then().statusCode(200).body("code", equalTo("320113"));
    }
}
