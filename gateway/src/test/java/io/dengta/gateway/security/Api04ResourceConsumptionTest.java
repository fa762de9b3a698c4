package io.dengta.gateway.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.dengta.gateway.InjectDownstream;
import io.dengta.gateway.RawHttp;
import io.dengta.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * OWASP API4:2023 Unrestricted Resource Consumption, at the gateway: huge bodies (declared or streamed),
 * deep JSON, a burst of parallel imports. (A huge {@code limit} and deep JSON are refused by the services:
 * schools-service's io.dengta.schools.security.ResourceConsumptionTest; the gateway passes their 400 on.)
 */
@QuarkusTest
class Api04ResourceConsumptionTest {

    private static final int ONE_MB = 1024 * 1024;

    @InjectDownstream
    WireMockServer downstream;

    @TestHTTPResource("/")
    URL gateway;

    @BeforeEach
    void serviceAcceptsEverything() {
        downstream.resetAll();
        downstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody("{\"state\":\"queued\"}")));
    }

    @Test
    void hugeDeclaredBodyIsRefusedBeforeAnyByteReachesService() {
        given().auth().oauth2(Tokens.role("school-clerk").school("3201130001").client("api4-huge").get())
                .contentType("application/json").body(new byte[8 * ONE_MB])
                .put("/schools/v1/schools/3201130001")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", is("urn:dengta:problem:payload-too-large"));
        downstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void endlessChunkedBodyIsCutOffAtTheLimit() throws Exception {
        String answer = RawHttp.sendChunked(gateway, "PUT", "/schools/v1/schools/3201130001",
                Tokens.role("school-clerk").school("3201130001").client("api4-endless").get(), 64 * ONE_MB);

        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("urn:dengta:problem:payload-too-large"), answer);
    }

    @Test
    void deepJsonWithinTheLimitReachesTheServiceUnchangedForItToRefuse() throws Exception {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        // sent as bytes: RestAssured would try to pretty-print it
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(gateway + "targets/v1/targets"))
                .header("Authorization", "Bearer " + Tokens.role("platform-admin").client("api4-deep").get())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(deep.getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(202, response.statusCode());

        assertArrayEquals(deep.getBytes(StandardCharsets.UTF_8), downstream
                .findAll(postRequestedFor(urlPathEqualTo("/targets/v1/targets"))).get(0).getBody());
    }

    @Test
    void hugeLimitRefusedByServiceReachesCallerAsItsValidationProblem() {
        downstream.stubFor(get(urlPathEqualTo("/schools/v1/schools"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"urn:dengta:problem:validation\",\"title\":\"Request is not valid\","
                                + "\"status\":400,\"errors\":[{\"pointer\":\"limit\",\"code\":\"max\"}]}")));

        given().auth().oauth2(Tokens.role("viewer").region("320113").client("api4-limit").get())
                .queryParam("limit", "100000000")
                .get("/schools/v1/schools")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].pointer", is("limit"));
    }

    @Test
    void burstOfParallelImportsFromOneClientIsCutAtItsRateLimit() throws Exception {
        String token = Tokens.role("data-feed").region("320113").client("api4-parallel").get();
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            answers.add(client.sendAsync(HttpRequest.newBuilder(URI.create(gateway + "indicators/v1/imports"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString("indicator,unit,period,value\n"))
                    .build(), HttpResponse.BodyHandlers.ofString()));
        }
        int limited = 0;
        int passed = 0;
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
            if (response.statusCode() == 429) {
                limited++;
                assertTrue(response.headers().firstValue("Retry-After").isPresent());
            } else {
                passed++;
            }
        }

        // 20 imports per period in the test profile: the other 10 never reach indicators-service
        assertEquals(20, passed);
        assertEquals(10, limited);
    }
}
