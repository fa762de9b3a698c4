package io.dengta.commons.problem;

import static io.dengta.commons.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;

/** Missing or bad tokens are 401 problems with a Bearer challenge; a role that does not fit is a 403 problem. */
@QuarkusTest
class AuthenticationProblemsTest {

    private static final String THINGS = "/test/v1/things";

    @Test
    void validTokenWithTheRightRolePasses() {
        given().auth().oauth2(Tokens.role("bureau-analyst").region("320113").get()).get(THINGS).then()
                .statusCode(200);
    }

    @Test
    void missingTokenIs401WithBearerChallenge() {
        Response r = given().get(THINGS);
        assertProblem(r, 401, "unauthorized", THINGS);
        assertThat(r.header("WWW-Authenticate"), startsWith("Bearer"));
    }

    @Test
    void expiredTokenIs401() {
        Response r = given().auth().oauth2(Tokens.role("bureau-analyst").expiresIn(-3600).get()).get(THINGS);
        assertProblem(r, 401, "unauthorized", THINGS);
        assertThat(r.header("WWW-Authenticate"), startsWith("Bearer"));
    }

    @Test
    void garbageTokenIs401() {
        Response r = given().auth().oauth2("not.a.jwt").get(THINGS);
        assertProblem(r, 401, "unauthorized", THINGS);
        assertThat(r.header("WWW-Authenticate"), startsWith("Bearer"));
    }

    @Test
    void tokenFromAnotherIssuerIs401() {
        Response r = given().auth().oauth2(Tokens.role("bureau-analyst").issuer("https://evil.example.com").get())
                .get(THINGS);
        assertProblem(r, 401, "unauthorized", THINGS);
    }

    @Test
    void tokenWithATamperedSignatureIs401() {
        String token = Tokens.role("platform-admin").get();
        String[] parts = token.split("\\.");
        String forged = Jwt.claims().issuer(Tokens.ISSUER).subject("mallory").groups("platform-admin")
                .expiresIn(300).jws().keyId("1").sign("privateKey.jwk").split("\\.")[1];
        Response r = given().auth().oauth2(parts[0] + "." + forged + "." + parts[2]).get(THINGS);
        assertProblem(r, 401, "unauthorized", THINGS);
    }

    @Test
    void wrongRoleIs403() {
        Response r = given().auth().oauth2(Tokens.role("viewer").region("320113").get()).get(THINGS);
        assertProblem(r, 403, "forbidden", THINGS);
    }

    @Test
    void tokenWithoutRolesIs403() {
        Response r = given().auth().oauth2(Tokens.role().get()).get(THINGS);
        assertProblem(r, 403, "forbidden", THINGS);
    }

    @Test
    void endpointWithoutSecurityAnnotationIsDenied() {
        assertProblem(given().get(THINGS + "/unannotated"), 401, "unauthorized", THINGS + "/unannotated");
        Response r = given().auth().oauth2(Tokens.admin()).get(THINGS + "/unannotated");
        assertProblem(r, 403, "forbidden", THINGS + "/unannotated");
        assertThat(r.jsonPath().getString("detail"), equalTo("Your role does not allow this operation"));
    }
}
