package io.dengta.gateway.edge;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.either;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.dengta.gateway.InjectDownstream;
import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Browsers may call the gateway from the configured front-end origins only (test profile: app. and admin.dengta.example). */
@QuarkusTest
class CorsTest {

    private static final String FRONT_END = "https://app.dengta.example";

    @InjectDownstream
    WireMockServer downstream;

    @BeforeEach
    void serviceAnswersAnything() {
        downstream.resetAll();
        downstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("ETag", "\"3\"").withBody("{}")));
    }

    @Test
    void preflightFromConfiguredOriginIsAllowedWithoutCredentialsAndNeverReachesService() {
        given().header("Origin", FRONT_END)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,if-match,content-type")
                .options("/schools/v1/schools/3201130001")
                .then().statusCode(either(is(200)).or(is(204)))
                .header("Access-Control-Allow-Origin", FRONT_END)
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("If-Match"))
                .header("Access-Control-Allow-Credentials", not("true"));

        downstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void preflightFromOtherOriginIsForbiddenProblemWithoutCorsHeaders() {
        given().header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "DELETE")
                .options("/schools/v1/schools/3201130001")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue())
                .body("type", is("urn:dengta:problem:forbidden"));

        downstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void requestFromConfiguredOriginGetsItsOriginBackNeverWildcardAndSeesApiHeaders() {
        given().auth().oauth2(Tokens.role("viewer").region("320113").get())
                .header("Origin", FRONT_END)
                .get("/schools/v1/schools/3201130001")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", FRONT_END)
                .header("Access-Control-Expose-Headers", containsStringIgnoringCase("ETag"))
                .header("Access-Control-Expose-Headers", containsStringIgnoringCase("X-Request-Id"))
                .header("Access-Control-Expose-Headers", containsStringIgnoringCase("RateLimit-Remaining"))
                .header("Access-Control-Expose-Headers", containsStringIgnoringCase("Retry-After"));
    }

    @Test
    void requestWithTokenFromOtherOriginIsForbiddenAndNeverReachesService() {
        for (String origin : List.of("https://evil.example.com", "null", "https://app.dengta.example.evil.com",
                "http://app.dengta.example")) {
            given().auth().oauth2(Tokens.role("platform-admin").get())
                    .header("Origin", origin)
                    .get("/schools/v1/schools")
                    .then().statusCode(403)
                    .contentType("application/problem+json")
                    .header("Access-Control-Allow-Origin", nullValue());
        }
        downstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void requestWithoutOriginIsNotACorsRequest() {
        given().auth().oauth2(Tokens.role("viewer").region("320113").get())
                .get("/schools/v1/schools")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void wildcardOrPatternOriginsAreRefusedAtStartup() {
        assertThrows(IllegalStateException.class, () -> CorsOrigins.requireExplicit(List.of(FRONT_END, "*")));
        assertThrows(IllegalStateException.class, () -> CorsOrigins.requireExplicit(List.of("/https://.*/")));
        assertThrows(IllegalStateException.class, () -> CorsOrigins.requireExplicit(List.of("https://*.example.com")));
        assertDoesNotThrow(() -> CorsOrigins.requireExplicit(List.of(FRONT_END, "https://admin.dengta.example")));
    }
}
