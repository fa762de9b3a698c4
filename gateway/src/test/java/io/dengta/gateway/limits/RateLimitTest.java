package io.dengta.gateway.limits;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.dengta.gateway.InjectDownstream;
import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Rate limits per client and request class (test profile: 20 imports per hour, so counts are exact; each
 * test uses its own client).
 */
@QuarkusTest
class RateLimitTest {

    private static final String IMPORT = "school_code,name\n3201130001,第一小学\n";

    @InjectDownstream
    WireMockServer downstream;

    @BeforeEach
    void serviceAcceptsEverything() {
        downstream.resetAll();
        downstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody("{\"state\":\"queued\"}")));
    }

    private static String token(String client) {
        return Tokens.role("data-feed").region("320113").client(client).get();
    }

    private static ValidatableResponse importAs(String client) {
        return given().auth().oauth2(token(client)).contentType("text/csv").body(IMPORT)
                .post("/schools/v1/imports/schools").then();
    }

    @Test
    void everyLimitedAnswerTellsLimitRemainingAndReset() {
        importAs("rate-headers").statusCode(202)
                .header("RateLimit-Limit", "20")
                .header("RateLimit-Remaining", "19")
                .header("RateLimit-Reset", matchesPattern("[1-9][0-9]*"))
                .header("Retry-After", nullValue());
        importAs("rate-headers").statusCode(202).header("RateLimit-Remaining", "18");
    }

    @Test
    void clientOverItsImportLimitGetsTooManyRequestsProblemAndServiceIsSpared() {
        for (int i = 0; i < 20; i++) {
            importAs("rate-exhausted").statusCode(202).header("RateLimit-Remaining", Integer.toString(19 - i));
        }

        importAs("rate-exhausted").statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .header("RateLimit-Limit", "20")
                .header("RateLimit-Remaining", "0")
                .header("RateLimit-Reset", matchesPattern("[1-9][0-9]*"))
                .body("type", is("urn:dengta:problem:rate-limited"))
                .body("status", is(429));

        downstream.verify(20, postRequestedFor(urlPathEqualTo("/schools/v1/imports/schools")));
    }

    @Test
    void exhaustedImportsLeaveOtherClientsAndTheClientsReadsAlone() {
        for (int i = 0; i < 20; i++) {
            importAs("rate-neighbour-a").statusCode(202);
        }
        importAs("rate-neighbour-a").statusCode(429);

        importAs("rate-neighbour-b").statusCode(202).header("RateLimit-Remaining", "19");
        given().auth().oauth2(token("rate-neighbour-a")).get("/schools/v1/imports/schools")
                .then().statusCode(202)
                .header("RateLimit-Limit", "5000");
    }

    @Test
    void probesAreNotLimited() {
        given().get("/q/health/ready").then().statusCode(200).header("RateLimit-Limit", nullValue());
    }

    @Test
    void requestsAreClassifiedByMethodAndImportPath() {
        java.util.regex.Pattern imports = java.util.regex.Pattern.compile("/[a-z-]+/v1/imports(/.*)?");
        org.junit.jupiter.api.Assertions.assertEquals(RequestClass.IMPORTS,
                RequestClass.of(io.vertx.core.http.HttpMethod.POST, "/indicators/v1/imports", imports));
        org.junit.jupiter.api.Assertions.assertEquals(RequestClass.IMPORTS,
                RequestClass.of(io.vertx.core.http.HttpMethod.POST, "/schools/v1/imports/teachers", imports));
        org.junit.jupiter.api.Assertions.assertEquals(RequestClass.READS,
                RequestClass.of(io.vertx.core.http.HttpMethod.GET, "/schools/v1/imports/teachers", imports));
        org.junit.jupiter.api.Assertions.assertEquals(RequestClass.WRITES,
                RequestClass.of(io.vertx.core.http.HttpMethod.POST, "/schools/v1/importsx", imports));
        org.junit.jupiter.api.Assertions.assertEquals(RequestClass.WRITES,
                RequestClass.of(io.vertx.core.http.HttpMethod.DELETE, "/schools/v1/imports/7", imports));
        org.junit.jupiter.api.Assertions.assertEquals(RequestClass.WRITES,
                RequestClass.of(io.vertx.core.http.HttpMethod.PUT, "/schools/v1/schools/3201130001", imports));
    }
}
