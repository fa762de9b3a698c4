package io.dengta.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A service that is down or too slow answers problem+json, never the proxy's bare 502: indicators-service
 * is a closed port, targets-service may take two seconds (see {@link DownstreamServices}).
 */
@QuarkusTest
class DependencyFailuresTest {

    @InjectDownstream
    WireMockServer downstream;

    @BeforeEach
    void resetDownstream() {
        downstream.resetAll();
    }

    private static String token() {
        return Tokens.role("bureau-analyst").region("320113").get();
    }

    @Test
    void serviceDownIsDependencyUnavailableProblemWithRetryAfter() {
        Response response = given().auth().oauth2(token())
                .get("/indicators/v1/indicators")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("type", is("urn:dengta:problem:dependency-unavailable"))
                .body("status", is(503))
                .body("instance", is("/indicators/v1/indicators"))
                .extract().response();

        assertEquals(1, response.headers().getValues("X-Request-Id").size());
        assertEquals(response.header("X-Request-Id"), response.path("requestId"));
    }

    @Test
    void serviceDownKeepsCallerRequestIdInProblem() {
        given().auth().oauth2(token())
                .header("X-Request-Id", "import-retry-7")
                .contentType("text/csv")
                .body("school_code,indicator,value\n3201130001,enrolment-rate,0.9\n")
                .post("/indicators/v1/imports")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .header("X-Request-Id", "import-retry-7")
                .body("type", is("urn:dengta:problem:dependency-unavailable"))
                .body("requestId", is("import-retry-7"));
    }

    @Test
    void slowServiceIsDependencyTimeoutProblem() {
        downstream.stubFor(get(urlPathEqualTo("/targets/v1/targets"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(6000).withBody("{\"items\":[]}")));

        Response response = given().auth().oauth2(token())
                .get("/targets/v1/targets")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("type", is("urn:dengta:problem:dependency-timeout"))
                .body("status", is(504))
                .body("instance", is("/targets/v1/targets"))
                .extract().response();

        assertEquals(response.header("X-Request-Id"), response.path("requestId"));
        downstream.verify(1, getRequestedFor(urlPathEqualTo("/targets/v1/targets")));
    }
}
