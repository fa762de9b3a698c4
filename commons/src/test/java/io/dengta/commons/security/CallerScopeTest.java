package io.dengta.commons.security;

import static io.dengta.commons.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

/**
 * Organisation scope from the token's region/school claims: reads outside scope are 404, writes 403,
 * lists are filtered, a platform admin sees everything, and the claim may be an array or a string.
 */
@QuarkusTest
class CallerScopeTest {

    private static final String REGIONS = "/test/v1/regions";

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    private static String analystOf(String... regions) {
        return Tokens.role("bureau-analyst").region(regions).get();
    }

    /** A token whose region claim is whatever JSON value the test needs (Tokens always writes an array). */
    private static String tokenWithRegionClaim(Object region) {
        return Jwt.claims().issuer(Tokens.ISSUER).audience(Tokens.ISSUER).subject("single-claim")
                .preferredUserName("single-claim").groups("bureau-analyst").claim("region", region)
                .expiresIn(300).jws().keyId("1").sign("privateKey.jwk");
    }

    @Test
    void cityScopeSeesItsDistrict() {
        as(analystOf("320100")).get(REGIONS + "/320113").then().statusCode(200).body("code", equalTo("320113"));
        as(analystOf("320100")).get(REGIONS + "/320100").then().statusCode(200);
        as(analystOf("320000")).get(REGIONS + "/320211").then().statusCode(200);
    }

    @Test
    void readOutsideScopeIs404SoExistenceDoesNotLeak() {
        assertProblem(as(analystOf("320200")).get(REGIONS + "/320113"), 404, "not-found", REGIONS + "/320113");
        assertProblem(as(analystOf("320113")).get(REGIONS + "/320100"), 404, "not-found", REGIONS + "/320100");
        assertProblem(as(analystOf("320113")).get(REGIONS + "/320115"), 404, "not-found", REGIONS + "/320115");
    }

    @Test
    void writeOutsideScopeIs403() {
        assertProblem(as(analystOf("320200")).put(REGIONS + "/320113"), 403, "forbidden", REGIONS + "/320113");
        as(analystOf("320100")).put(REGIONS + "/320113").then().statusCode(200).body("written", equalTo("true"));
    }

    @Test
    void tokenWithoutScopeSeesNothing() {
        assertProblem(as(Tokens.role("bureau-analyst").get()).get(REGIONS + "/320113"), 404, "not-found",
                REGIONS + "/320113");
        assertThat(as(Tokens.role("bureau-analyst").get()).get(REGIONS).jsonPath().getList(""), empty());
    }

    @Test
    void platformAdminSeesAndWritesEverything() {
        as(Tokens.admin()).get(REGIONS + "/320113").then().statusCode(200);
        as(Tokens.admin()).get(REGIONS + "/110101").then().statusCode(200);
        as(Tokens.admin()).put(REGIONS + "/110101").then().statusCode(200);
        as(Tokens.admin()).get(REGIONS + "/schools/3202110001").then().statusCode(200);
        assertThat(as(Tokens.admin()).get(REGIONS).jsonPath().getList(""), equalTo(List.of("320000", "320100",
                "320113", "320115", "320200", "320211", "110000", "110101")));
    }

    @Test
    void listsAreFilteredToScope() {
        assertThat(as(analystOf("320100")).get(REGIONS).jsonPath().getList(""),
                contains("320100", "320113", "320115"));
        assertThat(as(analystOf("320113", "110000")).get(REGIONS).jsonPath().getList(""),
                contains("320113", "110000", "110101"));
        assertThat(as(analystOf("320000")).get(REGIONS).jsonPath().getList(""),
                contains("320000", "320100", "320113", "320115", "320200", "320211"));
    }

    @Test
    void regionClaimAsJsonArray() {
        String token = tokenWithRegionClaim(List.of("320200", "320100"));
        as(token).get(REGIONS + "/320113").then().statusCode(200);
        as(token).get(REGIONS + "/320211").then().statusCode(200);
        assertProblem(as(token).get(REGIONS + "/110101"), 404, "not-found", REGIONS + "/110101");
        assertThat(as(token).get(REGIONS + "/me").jsonPath().getList("regions"), contains("320100", "320200"));
    }

    @Test
    void regionClaimAsSingleString() {
        String token = tokenWithRegionClaim("320100");
        as(token).get(REGIONS + "/320113").then().statusCode(200);
        assertProblem(as(token).get(REGIONS + "/320211"), 404, "not-found", REGIONS + "/320211");
        assertProblem(as(token).put(REGIONS + "/320211"), 403, "forbidden", REGIONS + "/320211");
        assertThat(as(token).get(REGIONS + "/me").jsonPath().getList("regions"), contains("320100"));
    }

    @Test
    void regionClaimAsSpaceOrCommaSeparatedString() {
        String token = tokenWithRegionClaim("320100, 110000");
        as(token).get(REGIONS + "/320113").then().statusCode(200);
        as(token).get(REGIONS + "/110101").then().statusCode(200);
        assertThat(as(token).get(REGIONS + "/me").jsonPath().getList("regions"), contains("110000", "320100"));
    }

    @Test
    void schoolScopeCoversOnlyThatSchool() {
        String clerk = Tokens.role("school-clerk").school("3201130001").get();
        as(clerk).get(REGIONS + "/schools/3201130001").then().statusCode(200);
        assertProblem(as(clerk).get(REGIONS + "/schools/3201130002"), 404, "not-found",
                REGIONS + "/schools/3201130002");
        assertProblem(as(clerk).get(REGIONS + "/320113"), 404, "not-found", REGIONS + "/320113");
    }

    @Test
    void regionScopeCoversTheSchoolsInIt() {
        as(analystOf("320100")).get(REGIONS + "/schools/3201130002").then().statusCode(200);
        assertProblem(as(analystOf("320100")).get(REGIONS + "/schools/3202110001"), 404, "not-found",
                REGIONS + "/schools/3202110001");
    }

    @Test
    void callerIdentity() {
        JsonPath me = as(Tokens.role("bureau-analyst").subject("li.lei").client("dashboard").region("320113")
                .school("3201130001").get()).get(REGIONS + "/me").then().statusCode(200).extract().jsonPath();
        assertThat(me.getString("subject"), equalTo("li.lei"));
        assertThat(me.getString("clientId"), equalTo("dashboard"));
        assertThat(me.getList("regions"), contains("320113"));
        assertThat(me.getList("schools"), contains("3201130001"));
        assertThat(me.getBoolean("bureauAnalyst"), equalTo(true));
        assertThat(me.getBoolean("platformAdmin"), equalTo(false));
    }

    @Test
    void clientIdFallsBackToTheClientIdClaim() {
        String token = Jwt.claims().issuer(Tokens.ISSUER).subject("svc").preferredUserName("svc").groups("data-feed")
                .claim("client_id", "importer").expiresIn(300).jws().keyId("1").sign("privateKey.jwk");
        assertThat(as(token).get(REGIONS + "/me").jsonPath().getString("clientId"), equalTo("importer"));
    }
}
