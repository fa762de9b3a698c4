package io.dengta.gateway.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

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
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * A failing service trips its route's breaker (10 calls, half failed, in the default configuration): the
 * gateway then answers 503 at once and spares the service; other routes are not affected. Reads are tried
 * again when a service cannot be reached, writes never.
 */
@QuarkusTest
class CircuitBreakerTest {

    @InjectDownstream
    WireMockServer downstream;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    @AfterEach
    void closeBreakers() {
        downstream.resetAll();
        breakers.resetAll();
    }

    private static String token() {
        return Tokens.role("bureau-analyst").region("320113").client("breaker-test").get();
    }

    @Test
    void serviceThatKeepsFailingTripsItsBreakerAndIsNoLongerCalled() {
        downstream.stubFor(get(urlPathEqualTo("/targets/v1/targets"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        for (int i = 0; i < 10; i++) {
            given().auth().oauth2(token()).get("/targets/v1/targets")
                    .then().statusCode(502)
                    .contentType("application/problem+json");
        }
        assertEquals(CircuitBreakerState.OPEN, breakers.currentState(ServiceProxy.breakerName("targets")));

        given().auth().oauth2(token()).get("/targets/v1/targets")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("type", is("urn:dengta:problem:dependency-unavailable"))
                .body("detail", is("targets-service is unavailable; retry later"));
        downstream.verify(10, getRequestedFor(urlPathEqualTo("/targets/v1/targets")));
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(ServiceProxy.breakerName("schools")));
    }

    @Test
    void openBreakerOfOneServiceLeavesOtherServicesReachable() {
        downstream.stubFor(get(urlPathEqualTo("/targets/v1/targets"))
                .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        downstream.stubFor(get(urlPathEqualTo("/schools/v1/schools"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"items\":[]}")));
        for (int i = 0; i < 10; i++) {
            given().auth().oauth2(token()).get("/targets/v1/targets").then().statusCode(502);
        }

        given().auth().oauth2(token()).get("/schools/v1/schools").then().statusCode(200);
    }

    @Test
    void readsAreRetriedOnConnectionFailureButWritesAreNot() {
        BlockingQueue<String> retries = new LinkedBlockingQueue<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getMessage() != null && record.getMessage().startsWith("Retrying")) {
                    retries.add(String.valueOf(record.getParameters() == null ? record.getMessage()
                            : java.text.MessageFormat.format(record.getMessage(), record.getParameters())));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(ServiceProxy.class.getName());
        logger.addHandler(capture);
        try {
            // indicators-service is down (nothing listens on its port)
            given().auth().oauth2(token()).get("/indicators/v1/indicators").then().statusCode(503);
            assertEquals(2, retries.size(), "a read is tried 1 + 2 times: " + retries);

            retries.clear();
            given().auth().oauth2(token()).contentType("application/json").body("{}")
                    .post("/indicators/v1/frameworks").then().statusCode(503);
            assertTrue(retries.isEmpty(), "a write was retried: " + retries);
        } finally {
            logger.removeHandler(capture);
        }
    }
}
