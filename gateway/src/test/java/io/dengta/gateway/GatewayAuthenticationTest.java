package io.dengta.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** The gateway checks the bearer token before any service sees the request. */
@QuarkusTest
class GatewayAuthenticationTest {

    @InjectDownstream
    WireMockServer downstream;

    @BeforeEach
    void serviceWouldAnswerAnything() {
        downstream.resetAll();
        downstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
    }

    @AfterEach
    void serviceWasNeverCalled() {
        downstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void requestWithoutTokenIsUnauthorizedProblemAndNeverReachesService() {
        assertUnauthorized(given(), "/schools/v1/schools")
                .body("detail", equalTo("A valid bearer token is required"));
    }

    @Test
    void postWithoutTokenIsUnauthorizedProblemAndBodyNeverReachesService() {
        assertUnauthorized(given().contentType("text/csv").body("school_code,name\n1,a\n"), "/schools/v1/imports",
                "POST");
    }

    @Test
    void expiredTokenIsUnauthorizedProblem() {
        String expired = Tokens.role("bureau-analyst").region("320113").expiresIn(-600).get();
        assertUnauthorized(given().auth().oauth2(expired), "/schools/v1/schools");
    }

    @Test
    void tokenFromAnotherIssuerIsUnauthorizedProblem() {
        String foreign = Tokens.role("bureau-analyst").region("320113").issuer("https://evil.example.com").get();
        assertUnauthorized(given().auth().oauth2(foreign), "/targets/v1/targets");
    }

    @Test
    void malformedTokenIsUnauthorizedProblem() {
        assertUnauthorized(given().auth().oauth2("not-a-jwt"), "/schools/v1/schools");
    }

    @Test
    void tokenIsCheckedBeforeServiceAvailability() {
        // indicators-service is down, yet a caller without a token learns nothing about it
        assertUnauthorized(given(), "/indicators/v1/indicators");
    }

    private static ValidatableResponse assertUnauthorized(RequestSpecification request, String path) {
        return assertUnauthorized(request, path, "GET");
    }

    private static ValidatableResponse assertUnauthorized(RequestSpecification request, String path, String method) {
        return request.header("X-Request-Id", "auth-test-1")
                .request(method, path)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .header("X-Request-Id", "auth-test-1")
                .body("type", is("urn:dengta:problem:unauthorized"))
                .body("status", is(401))
                .body("title", notNullValue())
                .body("instance", is(path))
                .body("requestId", is("auth-test-1"));
    }
}
