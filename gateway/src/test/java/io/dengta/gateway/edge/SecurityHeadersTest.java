package io.dengta.gateway.edge;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.dengta.gateway.InjectDownstream;
import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.MultiMap;

/** Every answer, the services' and the gateway's own, carries the security headers and no software versions. */
@QuarkusTest
class SecurityHeadersTest {

    @InjectDownstream
    WireMockServer downstream;

    @BeforeEach
    void resetDownstream() {
        downstream.resetAll();
    }

    @Test
    void proxiedAnswerHasSecurityHeadersAndNoStoreButNoServerVersion() {
        downstream.stubFor(get(urlPathEqualTo("/schools/v1/regions"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withHeader("Server", "Jetty(11.0.20)").withHeader("X-Powered-By", "Quarkus 3.33.2")
                        .withBody("{\"items\":[]}")));

        assertSecurityHeaders(given().auth().oauth2(Tokens.role("viewer").region("320113").get())
                .get("/schools/v1/regions").then().statusCode(200))
                .header("Cache-Control", "no-store")
                .header("Server", nullValue())
                .header("X-Powered-By", nullValue());
    }

    @Test
    void cachingChosenByServiceIsKept() {
        downstream.stubFor(get(urlPathEqualTo("/schools/v1/regions/320113"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withHeader("Cache-Control", "private, max-age=0").withBody("{}")));

        given().auth().oauth2(Tokens.role("viewer").region("320113").get())
                .get("/schools/v1/regions/320113")
                .then().statusCode(200)
                .header("Cache-Control", "private, max-age=0");
    }

    @Test
    void gatewaysOwnProblemAnswersHaveSecurityHeaders() {
        assertSecurityHeaders(given().get("/no-such-thing").then().statusCode(404));
        assertSecurityHeaders(given().get("/schools/v1/schools").then().statusCode(401))
                .header("Server", nullValue());
    }

    @Test
    void swaggerUiMayRunItsOwnScriptsButNotBeFramed() {
        given().get("/q/swagger-ui/")
                .then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Frame-Options", "DENY");
    }

    @Test
    void plainHttpAnswerHasNoHsts() {
        given().get("/q/health/live").then().statusCode(200).header("Strict-Transport-Security", nullValue());
    }

    @Test
    void httpsAnswerHasHsts() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        SecurityHeaders.apply(headers, "https", "/schools/v1/schools", true, "max-age=31536000; includeSubDomains");
        assertEquals("max-age=31536000; includeSubDomains", headers.get("Strict-Transport-Security"));
        assertEquals("no-store", headers.get("Cache-Control"));
    }

    @Test
    void answerWithoutTokenIsNotMarkedNoStoreByTheGateway() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        SecurityHeaders.apply(headers, "http", "/openapi", false, "max-age=1");
        assertNull(headers.get("Cache-Control"));
        assertNull(headers.get("Strict-Transport-Security"));
    }

    private static ValidatableResponse assertSecurityHeaders(ValidatableResponse response) {
        return response.header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", is("default-src 'none'; frame-ancestors 'none'"));
    }
}
