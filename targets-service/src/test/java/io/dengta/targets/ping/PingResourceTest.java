package io.dengta.targets.ping;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.dengta.testing.PostgresTestResource;
import io.dengta.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class PingResourceTest {

    @Test
    void answersAuthenticatedCaller() {
        given().auth().oauth2(Tokens.role("data-feed").region("320100").subject("nanjing-city-feed").get())
                .when().get("/targets/v1/ping")
                .then().statusCode(200)
                .header("X-Request-Id", notNullValue())
                .body("service", equalTo("targets-service"))
                .body("subject", equalTo("nanjing-city-feed"));
    }

    @Test
    void rejectsCallerWithoutTokenAsProblem() {
        given().when().get("/targets/v1/ping")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:dengta:problem:unauthorized"));
    }

    @Test
    void isReadyOnceMigrated() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
