package io.dengta.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.dengta.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;

/** What the gateway does with a caller's request that has a valid token: the service gets it, the caller gets the answer. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(DownstreamServices.class)
class GatewayRoutingTest {

    private static final String SCHOOL_JSON = "{\"code\":\"3201130001\",\"name\":\"南京市第一中学\",\"region\":\"320113\"}";

    @InjectDownstream
    WireMockServer downstream;

    @TestHTTPResource("/")
    URL gateway;

    @BeforeEach
    void resetDownstream() {
        downstream.resetAll();
    }

    private static String token() {
        return Tokens.role("bureau-analyst").region("320113").get();
    }

    @Test
    void requestWithValidTokenReachesServiceAndAnswerPassesThroughUnchanged() {
        downstream.stubFor(get(urlPathEqualTo("/schools/v1/schools/3201130001"))
                .willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json; charset=UTF-8")
                        .withHeader("ETag", "\"v7\"")
                        .withHeader("Cache-Control", "private, max-age=0")
                        // a service echoes the request id it was given
                        .withHeader("X-Request-Id", "{{request.headers.X-Request-Id}}")
                        .withBody(SCHOOL_JSON)
                        .withTransformers("response-template")));
        String token = token();

        Response response = given().auth().oauth2(token)
                .queryParam("fields", "code,name")
                .get("/schools/v1/schools/3201130001")
                .then().statusCode(200)
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("ETag", "\"v7\"")
                .header("Cache-Control", "private, max-age=0")
                .extract().response();

        assertArrayEquals(SCHOOL_JSON.getBytes(StandardCharsets.UTF_8), response.asByteArray());
        List<String> requestIds = response.headers().getValues("X-Request-Id");
        assertEquals(1, requestIds.size(), "exactly one X-Request-Id on the answer: " + requestIds);
        String requestId = requestIds.get(0);
        assertFalse(requestId.isBlank());
        downstream.verify(1, getRequestedFor(urlEqualTo("/schools/v1/schools/3201130001?fields=code%2Cname"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withHeader("X-Request-Id", equalTo(requestId))
                .withHeader("X-Forwarded-Host", equalTo(gateway.getHost() + ":" + gateway.getPort()))
                .withHeader("X-Forwarded-Proto", equalTo("http")));
    }

    @Test
    void callersForwardedHostIsReplacedByTheGatewaysOwn() {
        downstream.stubFor(get(urlPathEqualTo("/schools/v1/regions"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"items\":[]}")));

        given().auth().oauth2(token())
                .header("X-Forwarded-Host", "evil.example.com")
                .get("/schools/v1/regions")
                .then().statusCode(200);

        downstream.verify(1, getRequestedFor(urlPathEqualTo("/schools/v1/regions"))
                .withHeader("X-Forwarded-Host", equalTo(gateway.getHost() + ":" + gateway.getPort())));
    }

    @Test
    void givenRequestIdIsPropagatedToServiceAndReturnedOnce() {
        downstream.stubFor(get(urlPathEqualTo("/targets/v1/targets"))
                .willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("X-Request-Id", "{{request.headers.X-Request-Id}}")
                        .withBody("{\"items\":[]}")
                        .withTransformers("response-template")));

        Response response = given().auth().oauth2(token())
                .header("X-Request-Id", "caller-chosen-id-42")
                .get("/targets/v1/targets")
                .then().statusCode(200)
                .body("items.size()", is(0))
                .extract().response();

        assertEquals(List.of("caller-chosen-id-42"), response.headers().getValues("X-Request-Id"));
        downstream.verify(1, getRequestedFor(urlPathEqualTo("/targets/v1/targets"))
                .withHeader("X-Request-Id", equalTo("caller-chosen-id-42")));
    }

    @Test
    void malformedRequestIdIsReplacedAndServiceGetsTheReplacement() {
        downstream.stubFor(get(urlPathEqualTo("/schools/v1/schools"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"items\":[]}")));

        Response response = given().auth().oauth2(token())
                .header("X-Request-Id", "forged id\twith spaces")
                .get("/schools/v1/schools")
                .then().statusCode(200)
                .extract().response();

        List<String> requestIds = response.headers().getValues("X-Request-Id");
        assertEquals(1, requestIds.size(), "exactly one X-Request-Id on the answer: " + requestIds);
        assertNotEquals("forged id\twith spaces", requestIds.get(0));
        downstream.verify(1, getRequestedFor(urlPathEqualTo("/schools/v1/schools"))
                .withHeader("X-Request-Id", equalTo(requestIds.get(0))));
    }

    @Test
    void pathsThatOnlyStartLikeRoutePrefixAreNotProxied() {
        downstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("from a service")));

        for (String path : List.of("/schools/v10/schools", "/schools/v1evil", "/targets/v1x")) {
            given().auth().oauth2(token())
                    .get(path)
                    .then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", is("urn:dengta:problem:not-found"))
                    .body("instance", is(path));
        }
        downstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void dotSegmentsLeavingRoutePrefixAreNotProxied() {
        downstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("from a service")));

        given().auth().oauth2(token())
                .urlEncodingEnabled(false)
                .get("/schools/v1/../admin")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", is("urn:dengta:problem:not-found"));

        downstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void routePrefixItselfIsProxied() {
        downstream.stubFor(get(urlEqualTo("/schools/v1")).willReturn(aResponse().withStatus(200).withBody("root")));

        given().auth().oauth2(token())
                .get("/schools/v1")
                .then().statusCode(200)
                .body(org.hamcrest.Matchers.equalTo("root"));
    }

    @Test
    void largeCsvUploadArrivesAtServiceByteForByteAndLocationPointsAtGateway() {
        downstream.stubFor(post(urlPathEqualTo("/schools/v1/imports"))
                .willReturn(aResponse().withStatus(202)
                        // the service builds absolute links from X-Forwarded-Host
                        .withHeader("Location", "http://{{request.headers.X-Forwarded-Host}}/schools/v1/imports/42")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":42,\"state\":\"queued\"}")
                        .withTransformers("response-template")));
        byte[] csv = csv(1024 * 1024);

        given().auth().oauth2(token())
                .contentType("text/csv; charset=UTF-8")
                .body(csv)
                .post("/schools/v1/imports")
                .then().statusCode(202)
                .header("Location", "http://" + gateway.getHost() + ":" + gateway.getPort() + "/schools/v1/imports/42")
                .body("id", is(42));

        List<LoggedRequest> received = downstream.findAll(postRequestedFor(urlPathEqualTo("/schools/v1/imports")));
        assertEquals(1, received.size());
        assertEquals("text/csv; charset=UTF-8", received.get(0).getHeader("Content-Type"));
        assertArrayEquals(csv, received.get(0).getBody(), "the body the service received differs from the one sent");
    }

    @Test
    void putBodyAndConditionalHeadersArriveAtServiceUnchanged() {
        downstream.stubFor(put(urlPathEqualTo("/targets/v1/targets/17"))
                .willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("ETag", "\"4\"")
                        .withBody("{\"id\":17,\"value\":0.95}")));
        String body = "{\"indicator\":\"enrolment-rate\",\"value\":0.95,\"note\":\"目标 ✓\"}";

        given().auth().oauth2(token())
                .contentType("application/json")
                .header("If-Match", "\"3\"")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .put("/targets/v1/targets/17")
                .then().statusCode(200)
                .header("ETag", "\"4\"")
                .body(org.hamcrest.Matchers.equalTo("{\"id\":17,\"value\":0.95}"));

        List<LoggedRequest> received = downstream.findAll(putRequestedFor(urlPathEqualTo("/targets/v1/targets/17"))
                .withHeader("If-Match", equalTo("\"3\"")));
        assertEquals(1, received.size());
        assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), received.get(0).getBody());
    }

    @Test
    void serviceValidationProblemPassesThroughUnchanged() {
        String problem = "{\"type\":\"urn:dengta:problem:validation\",\"title\":\"Request is not valid\",\"status\":400,"
                + "\"detail\":\"1 field is not valid\",\"instance\":\"/targets/v1/targets\",\"requestId\":\"r-1\","
                + "\"errors\":[{\"pointer\":\"/value\",\"code\":\"decimal_max\",\"message\":\"must be at most 1\"}]}";
        downstream.stubFor(post(urlPathEqualTo("/targets/v1/targets"))
                .willReturn(aResponse().withStatus(400)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody(problem)));

        Response response = given().auth().oauth2(token())
                .contentType("application/json")
                .body("{\"value\":7}")
                .post("/targets/v1/targets")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .extract().response();

        assertEquals(problem, response.asString());
    }

    @Test
    void serviceNotFoundProblemPassesThroughUnchanged() {
        String problem = "{\"type\":\"urn:dengta:problem:not-found\",\"title\":\"Resource not found\",\"status\":404,"
                + "\"detail\":\"No school 9999\",\"instance\":\"/schools/v1/schools/9999\",\"requestId\":\"r-2\"}";
        downstream.stubFor(get(urlPathEqualTo("/schools/v1/schools/9999"))
                .willReturn(aResponse().withStatus(404)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody(problem)));

        Response response = given().auth().oauth2(token())
                .get("/schools/v1/schools/9999")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .extract().response();

        assertEquals(problem, response.asString());
    }

    /** Valid UTF-8 CSV text of exactly {@code size} bytes, with multi-byte characters. */
    static byte[] csv(int size) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(size);
        out.writeBytes("school_code,name,indicator,value\n".getBytes(StandardCharsets.UTF_8));
        for (int row = 0;; row++) {
            byte[] line = ((3201130000L + row) + ",第" + row + "小学,enrolment-rate," + (row % 100) + "." + (row % 7)
                    + "\n").getBytes(StandardCharsets.UTF_8);
            if (out.size() + line.length > size - 1) {
                break;
            }
            out.writeBytes(line);
        }
        while (out.size() < size - 1) {
            out.write(' ');
        }
        out.write('\n');
        return out.toByteArray();
    }
}
