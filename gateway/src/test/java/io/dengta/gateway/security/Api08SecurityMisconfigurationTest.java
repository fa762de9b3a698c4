package io.dengta.gateway.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.dengta.gateway.InjectDownstream;
import io.dengta.gateway.RawHttp;
import io.dengta.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * OWASP API8:2023 Security Misconfiguration: no stack traces or internals in any error body (the gateway's
 * own, or a service's that is not a problem), no software versions in headers, CORS never {@code *}, no
 * TRACE, no development endpoints, the security headers (SecurityHeadersTest) and no default credentials
 * (Api02BrokenAuthenticationTest).
 */
@QuarkusTest
class Api08SecurityMisconfigurationTest {

    @InjectDownstream
    WireMockServer downstream;

    @TestHTTPResource("/")
    URL gateway;

    @BeforeEach
    void resetDownstream() {
        downstream.resetAll();
    }

    private static String token() {
        return Tokens.role("bureau-analyst").region("320113").client("api8").get();
    }

    @Test
    void serviceCrashPageWithStackTraceNeverReachesTheCaller() {
        downstream.stubFor(get(urlPathEqualTo("/schools/v1/schools"))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "text/html")
                        .withHeader("Server", "Jetty(9.4.1)")
                        .withBody("<html><pre>java.lang.NullPointerException\n\tat io.dengta.schools.SchoolService"
                                + ".find(SchoolService.java:42)\n\tat org.postgresql.jdbc.PgStatement (SELECT * FROM school)</pre>")));

        String body = given().auth().oauth2(token()).get("/schools/v1/schools")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .header("Server", nullValue())
                .body("type", is("urn:dengta:problem:bad-gateway"))
                .extract().asString();

        assertNoInternals(body);
    }

    @Test
    void malformedRequestsGetProblemsWithoutInternals() throws IOException {
        String smuggled = RawHttp.exchange(gateway, "POST /schools/v1/schools HTTP/1.1\r\nHost: localhost"
                + "\r\nAuthorization: Bearer " + token() + "\r\nContent-Length: 4\r\nTransfer-Encoding: chunked"
                + "\r\n\r\n0\r\n");
        assertFalse(smuggled.startsWith("HTTP/1.1 2"), smuggled);
        assertNoInternals(smuggled);

        for (String path : List.of("/schools/v1/%", "/%00", "/schools/v1/schools/%E0%A4%A")) {
            String answer = RawHttp.exchange(gateway, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + token());
            assertNoInternals(answer);
        }
        downstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void traceAndOtherNonApiMethodsAreRefusedAndNeverProxied() {
        downstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("echo")));
        for (String method : List.of("TRACE", "CONNECT", "PROPFIND")) {
            given().auth().oauth2(token()).request(method, "/schools/v1/schools")
                    .then().statusCode(405)
                    .contentType("application/problem+json")
                    .body("type", is("urn:dengta:problem:method-not-allowed"));
        }
        downstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void corsIsNeverOpenToEveryOrigin() {
        List<String> origins = ConfigProvider.getConfig()
                .getOptionalValues("quarkus.http.cors.origins", String.class).orElse(List.of());
        assertFalse(origins.stream().anyMatch(o -> o.contains("*")), origins.toString());
        given().header("Origin", "https://evil.example.com").get("/q/health/live")
                .then().header("Access-Control-Allow-Origin", not(is("*")));
    }

    @Test
    void developmentEndpointsAreNotServed() {
        for (String path : List.of("/q/dev-ui", "/q/dev", "/q/arc", "/q/arc/beans", "/q/dev-ui/configuration-form-editor")) {
            given().get(path).then().statusCode(404);
        }
    }

    static void assertNoInternals(String body) {
        for (String leak : List.of("Exception", "\tat ", ".java:", "SELECT ", "org.postgresql", "io.vertx",
                "Jetty", "Quarkus")) {
            assertFalse(body.contains(leak), "an answer tells '" + leak + "': " + body);
        }
        assertTrue(body.length() < 4096, "an unexpectedly long error answer: " + body);
    }
}
