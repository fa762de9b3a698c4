package io.dengta.commons.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class UpstreamProbesTest {

    @Test
    void anUpstreamThatDoesNotAnswerIsReportedDownWhileTheCheckStaysUp() {
        HealthCheckResponse response = new UpstreamProbes(Map.of("indicators-service", "http://127.0.0.1:1/"),
                Duration.ZERO).response();

        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertEquals("down", response.getData().orElseThrow().get("indicators-service"));
        assertEquals("http://127.0.0.1:1/q/health/ready did not answer",
                response.getData().orElseThrow().get("indicators-service.detail"));
    }
}
