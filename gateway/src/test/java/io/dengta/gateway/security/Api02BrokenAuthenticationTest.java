package io.dengta.gateway.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.dengta.gateway.InjectDownstream;
import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * OWASP API2:2023 Broken Authentication. An attacker tries every way to pass the gateway without a valid
 * token of the trusted issuer for Dengta: each is a 401 problem and no service ever sees the request.
 */
@QuarkusTest
class Api02BrokenAuthenticationTest {

    private static final String ADMIN_PATH = "/schools/v1/schools";

    @InjectDownstream
    WireMockServer downstream;

    @BeforeEach
    void serviceWouldAnswerAnything() {
        downstream.resetAll();
        downstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
    }

    @AfterEach
    void serviceWasNeverCalled() {
        downstream.verify(0, anyRequestedFor(anyUrl()));
    }

    private static JwtClaimsBuilder adminClaims() {
        return Jwt.claims().issuer(Tokens.ISSUER).audience(Tokens.ISSUER).subject("attacker")
                .groups("platform-admin").claim("azp", "attacker").expiresIn(300);
    }

    @Test
    void noTokenIsRefused() {
        assertRefused(given());
    }

    @Test
    void editedCopyOfATokenTheGatewayHasAlreadyVerifiedIsRefused() {
        // verified once (the gateway keeps verified tokens): out of scope, so a 404 the gateway answers itself
        String viewer = Tokens.role("viewer").region("320115").get();
        given().auth().oauth2(viewer).get("/dashboard/v1/regions/320113?year=2024").then().statusCode(404);
        given().auth().oauth2(viewer).get("/dashboard/v1/regions/320113?year=2024").then().statusCode(404);
        String[] parts = viewer.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"viewer\"", "\"platform-admin\"");
        String edited = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertRefused(given().auth().oauth2(edited));
        assertRefused(given().auth().oauth2(parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4)
                + (parts[2].endsWith("AAAA") ? "BBBB" : "AAAA")));
    }

    @Test
    void expiredTokenIsRefused() {
        assertRefused(given().auth().oauth2(Tokens.role("platform-admin").expiresIn(-600).get()));
    }

    @Test
    void tokenWhosePayloadWasEditedIsRefused() {
        String viewer = Tokens.role("viewer").region("320113").get();
        String[] parts = viewer.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"viewer\"", "\"platform-admin\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertRefused(given().auth().oauth2(tampered));
    }

    @Test
    void tokenSignedWithAttackersOwnKeyIsRefused() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = adminClaims().jws().keyId("1").sign(generator.generateKeyPair().getPrivate());

        assertRefused(given().auth().oauth2(forged));
    }

    @Test
    void unsignedTokenWithAlgNoneIsRefused() {
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        long now = System.currentTimeMillis() / 1000;
        String payload = base64Url("{\"iss\":\"" + Tokens.ISSUER + "\",\"aud\":\"" + Tokens.ISSUER
                + "\",\"sub\":\"attacker\",\"groups\":[\"platform-admin\"],\"iat\":" + now + ",\"exp\":" + (now + 300) + "}");

        assertRefused(given().auth().oauth2(header + "." + payload + "."));
    }

    @Test
    void tokenSignedWithHmacOverThePublicKeyIsRefused() throws IOException {
        // algorithm confusion: the verifier's public key used as an HMAC secret
        byte[] publicKey;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("publicKey.jwk")) {
            publicKey = in.readAllBytes();
        }
        String forged = adminClaims().jws().algorithm(SignatureAlgorithm.HS256).keyId("1")
                .sign(new SecretKeySpec(publicKey, "HmacSHA256"));

        assertRefused(given().auth().oauth2(forged));
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        String otherAudience = adminClaims().audience("https://another-api.example.com").jws().keyId("1")
                .sign("privateKey.jwk");

        assertRefused(given().auth().oauth2(otherAudience));
    }

    @Test
    void tokenFromAnotherIssuerIsRefused() {
        assertRefused(given().auth().oauth2(Tokens.role("platform-admin").issuer("https://evil.example.com").get()));
    }

    @Test
    void tokenNotYetValidIsRefused() {
        long now = System.currentTimeMillis() / 1000;
        String future = adminClaims().issuedAt(now + 3600).claim("nbf", now + 3600).expiresAt(now + 7200).jws()
                .keyId("1").sign("privateKey.jwk");

        assertRefused(given().auth().oauth2(future));
    }

    @Test
    void tokenInQueryStringOrCookieIsNotAccepted() {
        String admin = Tokens.admin();
        assertRefused(given().queryParam("access_token", admin));
        assertRefused(given().cookie("access_token", admin));
    }

    @Test
    void defaultCredentialsAreNotAccepted() {
        for (List<String> credentials : List.of(List.of("admin", "admin"), List.of("admin", "password"),
                List.of("root", "root"))) {
            assertRefused(given().auth().preemptive().basic(credentials.get(0), credentials.get(1)));
        }
    }

    private static void assertRefused(RequestSpecification request) {
        request.get(ADMIN_PATH)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", is("urn:dengta:problem:unauthorized"));
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
