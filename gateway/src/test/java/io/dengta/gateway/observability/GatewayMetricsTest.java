package io.dengta.gateway.observability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.dengta.gateway.InjectDownstream;
import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** The gateway's meters in /q/metrics: rate-limit rejections, circuit-breaker states, dashboard part timings. */
@QuarkusTest
class GatewayMetricsTest {

    @InjectDownstream
    WireMockServer downstream;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    @AfterEach
    void reset() {
        downstream.resetAll();
        breakers.resetAll();
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void everyRateLimitRejectionIsCountedByRequestClass() {
        downstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(202)));
        String series = "dengta_rate_limit_rejections_total{route_class=\"imports\"}";
        double before = value(metrics(), series);
        String token = Tokens.role("data-feed").region("320113").client("metrics-rate").get();
        // the test profile allows 20 imports per hour
        for (int i = 0; i < 22; i++) {
            given().auth().oauth2(token).contentType("text/csv").body("a\n1\n").post("/schools/v1/imports/schools");
        }

        assertEquals(before + 2, value(metrics(), series));
        given().get("/q/metrics").then().body(containsString("dengta_rate_limit_rejections_total{route_class=\"reads\"}"));
    }

    @Test
    void circuitBreakerStateIsAGaugePerUpstream() {
        String metrics = metrics();
        assertEquals(1, value(metrics,
                "dengta_circuit_breaker_state{breaker=\"route\",state=\"closed\",upstream=\"schools\"}"));
        assertEquals(0, value(metrics,
                "dengta_circuit_breaker_state{breaker=\"route\",state=\"open\",upstream=\"schools\"}"));
        assertEquals(1, value(metrics,
                "dengta_circuit_breaker_state{breaker=\"dashboard\",state=\"closed\",upstream=\"targets\"}"));

        // ten garbage answers open the route's breaker
        String token = Tokens.role("bureau-analyst").region("320113").client("metrics-breaker").get();
        downstream.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/targets/v1/targets"))
                .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE)));
        for (int i = 0; i < 10; i++) {
            given().auth().oauth2(token).get("/targets/v1/targets").then().statusCode(502);
        }

        metrics = metrics();
        assertEquals(1, value(metrics,
                "dengta_circuit_breaker_state{breaker=\"route\",state=\"open\",upstream=\"targets\"}"));
        assertEquals(0, value(metrics,
                "dengta_circuit_breaker_state{breaker=\"route\",state=\"closed\",upstream=\"targets\"}"));
        assertEquals(1, value(metrics,
                "dengta_circuit_breaker_state{breaker=\"route\",state=\"closed\",upstream=\"schools\"}"));
    }

    @Test
    void proxiedRequestsAreTimedPerRouteNotPerPath() {
        downstream.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(anyUrl())
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
        String token = Tokens.role("bureau-analyst").region("320113").client("metrics-uri").get();
        given().auth().oauth2(token).get("/schools/v1/schools/3201130001").then().statusCode(200);
        given().auth().oauth2(token).get("/schools/v1/schools/3201130002").then().statusCode(200);

        String metrics = metrics();
        assertTrue(metrics.contains("uri=\"/schools/v1/*\""), "the route's uri");
        assertFalse(metrics.contains("/schools/v1/schools/3201130001"), "no series per school");
    }
}
