package io.dengta.gateway.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.dengta.gateway.InjectDownstream;
import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** A 304 revalidation passes through as the service gave it: no body, and no body framing announced. */
@QuarkusTest
class BodilessAnswersTest {

    @InjectDownstream
    WireMockServer downstream;

    @BeforeEach
    void resetDownstream() {
        downstream.resetAll();
    }

    @Test
    void notModifiedKeepsItsETagAndAnnouncesNoChunkedBody() {
        downstream.stubFor(get(urlPathEqualTo("/targets/v1/plans/p1/progress"))
                .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"abc\"")));

        given().auth().oauth2(Tokens.role("viewer").region("320113").get()).header("If-None-Match", "\"abc\"")
                .get("/targets/v1/plans/p1/progress")
                .then().statusCode(304)
                .header("ETag", "\"abc\"")
                .header("Transfer-Encoding", nullValue())
                .body(emptyString());
    }
}
