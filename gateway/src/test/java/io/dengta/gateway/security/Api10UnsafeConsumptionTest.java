package io.dengta.gateway.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

import io.dengta.gateway.InjectDownstream;
import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * OWASP API10:2023 Unsafe Consumption of APIs: the gateway does not trust what a service sends. A service
 * that answers garbage, drops the connection or answers a non-problem 5xx gives a 502 problem; one that
 * hangs a 504 problem in the route's timeout; never a hang, a 500 or the service's own text.
 */
@QuarkusTest
class Api10UnsafeConsumptionTest {

    @InjectDownstream
    WireMockServer downstream;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    @AfterEach
    void resetServicesAndBreakers() {
        downstream.resetAll();
        breakers.resetAll();
    }

    private static String token() {
        return Tokens.role("bureau-analyst").region("320113").client("api10").get();
    }

    @Test
    void serviceAnsweringRandomBytesIsBadGatewayProblem() {
        assertBadGateway(Fault.RANDOM_DATA_THEN_CLOSE);
    }

    @Test
    void serviceClosingWithoutAnswerIsBadGatewayProblem() {
        assertBadGateway(Fault.EMPTY_RESPONSE);
    }

    @Test
    void serviceResettingTheConnectionIsBadGatewayProblem() {
        assertBadGateway(Fault.CONNECTION_RESET_BY_PEER);
    }

    @Test
    void serviceThatHangsIsGatewayTimeoutProblem() {
        downstream.stubFor(get(urlPathEqualTo("/targets/v1/targets"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(6000).withBody("{}")));

        given().auth().oauth2(token()).get("/targets/v1/targets")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("type", is("urn:dengta:problem:dependency-timeout"));
    }

    @Test
    void serviceAnsweringNonProblemServerErrorIsBadGatewayProblemWithoutItsText() {
        downstream.stubFor(get(urlPathEqualTo("/targets/v1/targets"))
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "text/plain")
                        .withBody("upstream connect error or disconnect/reset before headers. envoy internal")));

        String body = given().auth().oauth2(token()).get("/targets/v1/targets")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", is("urn:dengta:problem:bad-gateway"))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(body.contains("envoy"), body);
    }

    @Test
    void servicesOwnProblemServerErrorPassesThrough() {
        downstream.stubFor(get(urlPathEqualTo("/targets/v1/targets"))
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/problem+json")
                        .withHeader("Retry-After", "30")
                        .withBody("{\"type\":\"urn:dengta:problem:dependency-unavailable\",\"title\":\"t\",\"status\":503}")));

        given().auth().oauth2(token()).get("/targets/v1/targets")
                .then().statusCode(503)
                .header("Retry-After", "30")
                .body("type", is("urn:dengta:problem:dependency-unavailable"));
    }

    private void assertBadGateway(Fault fault) {
        downstream.stubFor(get(urlPathEqualTo("/targets/v1/targets")).willReturn(aResponse().withFault(fault)));

        String body = given().auth().oauth2(token()).get("/targets/v1/targets")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("type", is("urn:dengta:problem:bad-gateway"))
                .body("status", is(502))
                .body("instance", is("/targets/v1/targets"))
                .extract().asString();
        Api08SecurityMisconfigurationTest.assertNoInternals(body);
    }
}
