package io.dengta.gateway.edge;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.dengta.gateway.InjectDownstream;
import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** One access log line per request, with what operations need and nothing of tokens or personal data. */
@QuarkusTest
class AccessLogTest {

    @InjectDownstream
    WireMockServer downstream;

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureAccessLog() {
        downstream.resetAll();
        downstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"items\":[]}")));
        Logger.getLogger(AccessLog.CATEGORY).addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger(AccessLog.CATEGORY).removeHandler(capture);
    }

    @Test
    void proxiedRequestIsLoggedWithClientRequestIdAndQueryNamesButNoValuesOrToken() throws InterruptedException {
        String token = Tokens.role("bureau-analyst").region("320113").client("dengta-web").subject("u-42").get();

        given().auth().oauth2(token)
                .header("X-Request-Id", "access-log-1")
                .queryParam("name", "张三")
                .queryParam("nationalId", "320113199001011234")
                .queryParam("limit", "50")
                .get("/schools/v1/teachers")
                .then().statusCode(200);

        String line = lineOf("access-log-1");
        assertTrue(line.startsWith("method=GET path=/schools/v1/teachers query=name,nationalId,limit status=200 durationMs="),
                line);
        assertTrue(line.contains(" client=dengta-web "), line);
        assertTrue(line.endsWith(" requestId=access-log-1"), line);
        assertFalse(line.contains("320113199001011234"), "a query value was logged: " + line);
        assertFalse(line.contains("%"), "a query value was logged: " + line);
        assertFalse(line.contains(token.substring(0, 20)), "the token was logged: " + line);
        assertFalse(line.contains("u-42"), "the subject was logged although the client is known: " + line);
    }

    @Test
    void tokenWithoutClientIsLoggedBySubject() throws InterruptedException {
        String token = io.smallrye.jwt.build.Jwt.claims().issuer(Tokens.ISSUER).audience(Tokens.ISSUER)
                .subject("svc-7").groups("viewer").claim("region", java.util.List.of("320113"))
                .expiresIn(300).jws().keyId("1").sign("privateKey.jwk");

        given().auth().oauth2(token).header("X-Request-Id", "access-log-2").get("/schools/v1/regions")
                .then().statusCode(200);

        assertTrue(lineOf("access-log-2").contains(" client=svc-7 "));
    }

    @Test
    void refusedRequestsAreLoggedTooWithoutWhoTheyClaimToBe() throws InterruptedException {
        given().auth().oauth2(Tokens.role("platform-admin").client("forged").expiresIn(-600).get())
                .header("X-Request-Id", "access-log-3")
                .get("/schools/v1/schools")
                .then().statusCode(401);
        given().header("X-Request-Id", "access-log-4").get("/nothing/here?secret=x").then().statusCode(404);

        String refused = lineOf("access-log-3");
        assertTrue(refused.contains(" status=401 "), refused);
        assertTrue(refused.contains(" client=- "), refused);
        String unknown = lineOf("access-log-4");
        assertTrue(unknown.startsWith("method=GET path=/nothing/here query=secret status=404 "), unknown);
    }

    @Test
    void queryNamesKeepNoValues() {
        assertEquals("a,b", AccessLog.queryNames("a=1&b=x&a=2"));
        assertEquals("flag", AccessLog.queryNames("flag"));
        assertEquals("", AccessLog.queryNames(null));
        assertEquals("a_b", AccessLog.clean("a\nb"));
    }

    /** The access line of a request; it is written when the answer is complete, which may be just after the client has it. */
    private String lineOf(String requestId) throws InterruptedException {
        for (String line; (line = lines.poll(10, TimeUnit.SECONDS)) != null;) {
            if (line.endsWith("requestId=" + requestId)) {
                return line;
            }
        }
        assertNotNull(null, "no access log line for request " + requestId);
        return null;
    }
}
