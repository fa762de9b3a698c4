package io.dengta.gateway.dashboard;

import static io.dengta.gateway.dashboard.RegionStubs.getPath;
import static io.dengta.gateway.dashboard.RegionStubs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.dengta.gateway.DownstreamServices;
import io.dengta.gateway.InjectDownstream;
import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * With the gateway's own downstream setup ({@link DownstreamServices}): indicators-service is a closed port (a
 * service that is down, connection refused), the others answer. The dashboards read the routes' URLs.
 */
@QuarkusTest
class DashboardServiceDownTest {

    @InjectDownstream
    WireMockServer downstream;

    @Inject
    DashboardCache cache;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void schoolsAndTargetsAnswer() {
        downstream.resetAll();
        // every test reads the services afresh
        cache.invalidateAll();
        breakers.resetAll();
        downstream.stubFor(getPath(RegionStubs.REGION).willReturn(json(RegionStubs.REGION_BODY)));
        downstream.stubFor(getPath(RegionStubs.PROGRESS).willReturn(json(RegionStubs.PROGRESS_BODY)));
        downstream.stubFor(getPath(RegionStubs.STATISTICS).willReturn(json(RegionStubs.STATISTICS_BODY)));
    }

    @Test
    void serviceDownMakesItsPartsUnavailableAndTheRestAnswers() {
        given().auth().oauth2(Tokens.role("bureau-analyst").region("320113").get())
                .get("/dashboard/v1/regions/320113?year=2024")
                .then().statusCode(200)
                .contentType("application/json")
                .body("score.status", is("unavailable"))
                .body("score.reason", is("indicators-service is unavailable"))
                .body("gaps.status", is("unavailable"))
                .body("regionInfo.status", is("ok"))
                .body("targets.status", is("ok"))
                .body("targets.data.total", is(4))
                .body("registry.status", is("ok"))
                .body("registry.data.pupils", is(91234));
    }
}
