package io.dengta.schools.statistics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** indicators-service's state is reported in the health details, and never fails the registry's own probes. */
@QuarkusTest
@QuarkusTestResource(IndicatorsStub.class)
class IndicatorsHealthCheckTest {

    private static final String STATE = "checks.find { it.name == 'upstreams' }.data.indicators-service";

    @InjectIndicatorsStub
    WireMockServer indicators;

    @AfterEach
    void reset() {
        indicators.resetAll();
    }

    @Test
    void reportsIndicatorsServiceUpWhenItsReadinessAnswers200() {
        indicators.stubFor(get(urlPathEqualTo("/q/health/ready")).willReturn(aResponse().withStatus(200)));
        given().get("/q/health/well").then().statusCode(200).body("status", equalTo("UP")).body(STATE, equalTo("up"));
    }

    @Test
    void reportsIndicatorsServiceDegradedWithoutFailingLivenessOrReadiness() {
        indicators.stubFor(get(urlPathEqualTo("/q/health/ready")).willReturn(aResponse().withStatus(503)));
        given().get("/q/health/well").then().statusCode(200).body("status", equalTo("UP"))
                .body(STATE, equalTo("degraded"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
