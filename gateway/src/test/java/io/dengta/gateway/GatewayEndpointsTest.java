package io.dengta.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** What the gateway answers itself: paths outside the routes, health. */
@QuarkusTest
class GatewayEndpointsTest {

    @Test
    void pathOutsideRoutesIsNotFoundProblem() {
        given().auth().oauth2(Tokens.role("bureau-analyst").region("320113").get())
                .get("/nothing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", is("urn:dengta:problem:not-found"))
                .body("status", is(404))
                .body("instance", is("/nothing"));
    }

    @Test
    void pathOutsideRoutesWithoutTokenIsNotFoundProblem() {
        given().get("/nothing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", is("urn:dengta:problem:not-found"));
    }

    @Test
    void readinessIsUpWithoutToken() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"));
    }
}
