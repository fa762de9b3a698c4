package io.dengta.gateway.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.dengta.gateway.InjectDownstream;
import io.dengta.gateway.routing.GatewayConfig;
import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * OWASP API9:2023 Improper Inventory Management: the gateway serves the documented prefixes of
 * api-conventions.md and its own documented endpoints, nothing else; old or unknown versions, admin
 * consoles and debug paths are 404 problems that never reach a service.
 */
@QuarkusTest
class Api09ImproperInventoryTest {

    /** What docs/security.md and api-conventions.md say the gateway serves (uploads: the tests' own route). */
    static final Set<String> DOCUMENTED_PREFIXES = Set.of("/schools/v1", "/indicators/v1", "/targets/v1",
            "/dashboard/v1", "/openapi", "/uploads/v1");

    @InjectDownstream
    WireMockServer downstream;

    @Inject
    GatewayConfig config;

    @BeforeEach
    void serviceWouldAnswerAnything() {
        downstream.resetAll();
        downstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
    }

    @Test
    void everyRouteTheGatewayServesIsDocumented() {
        List<String> undocumented = new ArrayList<>();
        RouterCapture.router().getRoutes().forEach(route -> {
            String path = route.getPath();
            if (path == null || path.equals("/") || path.startsWith("/q/")) {
                // filters that run for every request, the root of the JAX-RS resources (checked through the
                // contract below) and Quarkus' operational endpoints
                return;
            }
            String prefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            if (DOCUMENTED_PREFIXES.stream().noneMatch(p -> prefix.equals(p) || prefix.startsWith(p + "/"))) {
                undocumented.add(path);
            }
        });
        config.routes().values().forEach(route -> {
            if (!DOCUMENTED_PREFIXES.contains(route.prefix())) {
                undocumented.add(route.prefix() + " (configured route)");
            }
        });

        // the gateway's own JAX-RS endpoints, as its contract lists them
        Map<String, Object> paths = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        if (paths != null) {
            paths.keySet().stream()
                    .filter(path -> DOCUMENTED_PREFIXES.stream().noneMatch(p -> path.equals(p) || path.startsWith(p + "/")))
                    .forEach(path -> undocumented.add(path + " (in the gateway's contract)"));
        }

        assertEquals(List.of(), undocumented);
    }

    @Test
    void unknownVersionsConsolesAndDebugPathsAreNotFoundProblemsAndReachNoService() {
        String admin = Tokens.role("platform-admin").client("api9").get();
        for (String path : List.of("/schools/v0/schools", "/schools/v2/schools", "/schools/schools", "/api/v1/schools",
                "/admin", "/console", "/actuator/env", "/.env", "/.git/config", "/swagger.json", "/v1/schools",
                "/SCHOOLS/v1/schools", "/schools/v1;jsessionid=1/schools", "/q/dev-ui")) {
            given().auth().oauth2(admin).urlEncodingEnabled(false)
                    .get(path)
                    .then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", is("urn:dengta:problem:not-found"));
        }
        downstream.verify(0, anyRequestedFor(anyUrl()));
    }
}
