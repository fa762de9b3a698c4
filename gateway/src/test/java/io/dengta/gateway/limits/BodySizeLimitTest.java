package io.dengta.gateway.limits;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Arrays;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.dengta.gateway.InjectDownstream;
import io.dengta.gateway.RawHttp;
import io.dengta.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Bodies are limited per request class (1 MB for writes and reads, 512 MB for imports): 413 problem+json beyond. */
@QuarkusTest
class BodySizeLimitTest {

    private static final int ONE_MB = 1024 * 1024;

    @InjectDownstream
    WireMockServer downstream;

    @TestHTTPResource("/")
    URL gateway;

    @BeforeEach
    void serviceAcceptsEverything() {
        downstream.resetAll();
        downstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));
    }

    private static String token() {
        return Tokens.role("platform-admin").client("size-limits").get();
    }

    @Test
    void writeDeclaringMoreThanOneMegabyteIsPayloadTooLargeAndNeverReachesService() {
        given().auth().oauth2(token()).contentType("application/json")
                .body(json(ONE_MB + 1))
                .put("/schools/v1/schools/3201130001")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", is("urn:dengta:problem:payload-too-large"))
                .body("instance", is("/schools/v1/schools/3201130001"));

        downstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void writeOfExactlyOneMegabytePasses() {
        given().auth().oauth2(token()).contentType("application/json")
                .body(json(ONE_MB))
                .put("/schools/v1/schools/3201130001")
                .then().statusCode(200);
    }

    @Test
    void importOfTwoMegabytesPasses() {
        given().auth().oauth2(token()).contentType("text/csv")
                .body(new byte[2 * ONE_MB])
                .post("/schools/v1/imports/teachers")
                .then().statusCode(200);
    }

    @Test
    void chunkedWriteGrowingPastOneMegabyteIsCutOffWithPayloadTooLarge() throws Exception {
        String answer = RawHttp.sendChunked(gateway, "POST", "/targets/v1/targets", token(), 3 * ONE_MB);

        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("application/problem+json"), answer);
        assertTrue(answer.contains("urn:dengta:problem:payload-too-large"), answer);
    }

    @Test
    void readWithHugeBodyIsPayloadTooLarge() {
        given().auth().oauth2(token()).contentType("application/json")
                .body(json(2 * ONE_MB))
                .get("/schools/v1/schools")
                .then().statusCode(413)
                .contentType("application/problem+json");
    }

    /** A JSON document of exactly {@code size} bytes. */
    static byte[] json(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[size - 1] = '}';
        return body;
    }
}
