package io.dengta.gateway.observability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.dengta.gateway.InjectDownstream;
import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * The services' state in the health details, without failing the gateway's own probes: here schools- and
 * targets-service answer (one WireMock), indicators-service is down (a closed port).
 */
@QuarkusTest
class UpstreamsHealthTest {

    @InjectDownstream
    WireMockServer downstream;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    @AfterEach
    void servicesReady() {
        downstream.resetAll();
        breakers.resetAll();
        downstream.stubFor(get(urlPathEqualTo("/q/health/ready")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"status\": \"UP\"}")));
    }

    @Test
    void upstreamsAreReportedUpOrDownInTheWellnessDetails() {
        given().get("/q/health/well")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.find { it.name == 'upstreams' }.status", is("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.schools", is("up"))
                .body("checks.find { it.name == 'upstreams' }.data.targets", is("up"))
                .body("checks.find { it.name == 'upstreams' }.data.indicators", is("down"));
    }

    @Test
    void livenessAndReadinessStayUpWithAnUpstreamDown() {
        given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"))
                .body("checks.name", org.hamcrest.Matchers.not(hasItem("upstreams")));
        given().get("/q/health").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void upstreamWhoseBreakerIsOpenIsReportedOpenCircuit() {
        String token = Tokens.role("bureau-analyst").region("320113").client("health-breaker").get();
        downstream.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/targets/v1/targets"))
                .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE)));
        for (int i = 0; i < 10; i++) {
            given().auth().oauth2(token).get("/targets/v1/targets").then().statusCode(502);
        }

        given().get("/q/health/well")
                .then().statusCode(200)
                .body("checks.find { it.name == 'upstreams' }.status", is("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.targets", is("open-circuit"))
                .body("checks.find { it.name == 'upstreams' }.data.schools", is("up"));
    }
}
