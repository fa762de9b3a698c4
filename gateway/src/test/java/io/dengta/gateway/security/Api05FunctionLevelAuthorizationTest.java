package io.dengta.gateway.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.dengta.gateway.InjectDownstream;
import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * OWASP API5:2023 Broken Function Level Authorization. Services decide who may call an operation (the
 * access matrices in their tests, e.g. schools-service's io.dengta.schools.security tests); the gateway
 * must pass a service's 403 on unchanged and must not lend a caller any authority of its own: the service
 * sees exactly the caller's token, and headers a caller adds to claim roles mean nothing.
 */
@QuarkusTest
class Api05FunctionLevelAuthorizationTest {

    private static final String FORBIDDEN = "{\"type\":\"urn:dengta:problem:forbidden\",\"title\":\"Not allowed\","
            + "\"status\":403,\"detail\":\"Your role does not allow this operation\"}";

    @InjectDownstream
    WireMockServer downstream;

    @BeforeEach
    void servicesRefuseViewersOnAdminOperations() {
        downstream.resetAll();
        downstream.stubFor(any(urlPathMatching("/(schools|targets)/v1/.*"))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/problem+json")
                        .withBody(FORBIDDEN)));
    }

    @Test
    void viewerCallingAdminOperationsGetsTheServicesForbiddenProblemUnchanged() {
        String viewer = Tokens.role("viewer").region("320113").client("api5-viewer").get();
        for (String[] call : new String[][] {
                {"DELETE", "/schools/v1/schools/3201130001"},
                {"PUT", "/schools/v1/regions/320113"},
                {"GET", "/schools/v1/audit"},
                {"POST", "/schools/v1/imports/teachers"},
                {"POST", "/targets/v1/plans"}}) {
            Response response = given().auth().oauth2(viewer).contentType("application/json").body("{}")
                    .request(call[0], call[1])
                    .then().statusCode(403)
                    .contentType("application/problem+json")
                    .extract().response();
            assertEquals(FORBIDDEN, response.asString(), call[0] + " " + call[1]);
        }
    }

    @Test
    void serviceSeesOnlyTheCallersOwnTokenWhateverRoleHeadersTheCallerAdds() {
        String viewer = Tokens.role("viewer").region("320113").client("api5-headers").get();

        given().auth().oauth2(viewer)
                .header("X-Roles", "platform-admin")
                .header("X-Forwarded-User", "admin")
                .header("X-Forwarded-Proto", "https")
                .delete("/schools/v1/schools/3201130001")
                .then().statusCode(403);

        downstream.verify(1, anyRequestedFor(urlPathEqualTo("/schools/v1/schools/3201130001"))
                .withHeader("Authorization", equalTo("Bearer " + viewer))
                .withHeader("X-Forwarded-Proto", equalTo("http")));
    }
}
