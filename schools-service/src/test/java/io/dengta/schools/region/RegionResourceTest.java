package io.dengta.schools.region;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.dengta.testing.PostgresTestResource;
import io.dengta.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class RegionResourceTest {

    private static final String PROBLEM = "application/problem+json";

    private static String analyst() {
        return Tokens.role("bureau-analyst").region("320113").get();
    }

    @Test
    void listsQixiaUnderNanjing() {
        given().auth().oauth2(analyst()).queryParam("parent", "320100")
                .when().get("/schools/v1/regions")
                .then().statusCode(200)
                .body("items.code", hasItem("320113"))
                .body("items.parent", everyItem(equalTo("320100")))
                .body("next", nullValue());
        given().auth().oauth2(analyst())
                .when().get("/schools/v1/regions/320100")
                .then().statusCode(200)
                .header("ETag", notNullValue())
                .body("name", equalTo("南京市"))
                .body("parent", equalTo("320000"))
                .body("children.code", hasItem("320113"));
    }

    @Test
    void loadsEveryRegionOfTheSourceDocuments() {
        given().auth().oauth2(Tokens.role("viewer").region("320113").get()).queryParam("includeTotal", "true")
                .when().get("/schools/v1/regions")
                .then().statusCode(200)
                .body("total", is(greaterOrEqual(17)))
                .body("items.code", hasItem("440307"));
    }

    @Test
    void rejectsRequestWithoutToken() {
        given().when().get("/schools/v1/regions")
                .then().statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("urn:dengta:problem:unauthorized"))
                .body("instance", equalTo("/schools/v1/regions"))
                .body("requestId", notNullValue());
    }

    @Test
    void rejectsExpiredAndForeignTokens() {
        given().auth().oauth2(Tokens.role("bureau-analyst").expiresIn(-600).get())
                .when().get("/schools/v1/regions")
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(Tokens.role("platform-admin").issuer("https://evil.example.com").get())
                .when().get("/schools/v1/regions")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void rejectsMalformedJsonAsProblem() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body("{\"name\": ")
                .when().put("/schools/v1/regions/320115")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:dengta:problem:malformed-request"));
    }

    @Test
    void rejectsUnknownFieldWithItsPointer() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"X\",\"level\":\"district\",\"parent\":\"320100\",\"nmae\":\"typo\"}")
                .when().put("/schools/v1/regions/320115")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].pointer", equalTo("/nmae"))
                .body("errors[0].code", equalTo("unknown_field"));
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"\",\"level\":\"town\",\"parent\":\"12\"}")
                .when().put("/schools/v1/regions/320115")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:dengta:problem:validation"))
                .body("errors", hasSize(3))
                .body("errors.pointer", hasItem("/name"))
                .body("errors.pointer", hasItem("/level"))
                .body("errors.pointer", hasItem("/parent"));
    }

    @Test
    void rejectsRegionWhoseParentDoesNotNest() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"X\",\"level\":\"district\",\"parent\":\"440300\"}")
                .when().put("/schools/v1/regions/320115")
                .then().statusCode(400)
                .body("errors.code", hasItem("inconsistent_with_code"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"X\",\"level\":\"city\",\"parent\":\"320100\"}")
                .when().put("/schools/v1/regions/320115")
                .then().statusCode(400)
                .body("errors.pointer", hasItem("/level"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"X\",\"level\":\"district\",\"parent\":\"320900\"}")
                .when().put("/schools/v1/regions/320915")
                .then().statusCode(400)
                .body("errors.code", hasItem("unknown_region"));
    }

    @Test
    void createsThenReplacesRegionUnderOptimisticConcurrency() {
        String body = "{\"name\":\"玄武区\",\"nameEn\":\"Xuanwu District\",\"level\":\"district\",\"parent\":\"320100\"}";
        String etag = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .when().put("/schools/v1/regions/320102")
                .then().statusCode(201)
                .header("Location", containsString("/schools/v1/regions/320102"))
                .body("version", equalTo(0))
                .extract().header("ETag");

        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(body.replace("玄武区", "玄武区 (renamed)"))
                .when().put("/schools/v1/regions/320102")
                .then().statusCode(200)
                .body("name", equalTo("玄武区 (renamed)"))
                .body("version", equalTo(1));

        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .when().put("/schools/v1/regions/320102")
                .then().statusCode(412)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:dengta:problem:precondition-failed"));
    }

    @Test
    void answersNotModifiedForCurrentEtag() {
        String etag = given().auth().oauth2(analyst()).when().get("/schools/v1/regions/320113")
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(analyst()).header("If-None-Match", etag)
                .when().get("/schools/v1/regions/320113")
                .then().statusCode(304);
    }

    @Test
    void onlyPlatformAdminsWriteRegions() {
        given().auth().oauth2(analyst()).contentType(ContentType.JSON)
                .body("{\"name\":\"X\",\"level\":\"district\",\"parent\":\"320100\"}")
                .when().put("/schools/v1/regions/320116")
                .then().statusCode(403)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:dengta:problem:forbidden"));
    }

    @Test
    void pagesThroughAllRegionsWithoutGapsOrRepeats() {
        int total = given().auth().oauth2(analyst()).queryParam("includeTotal", "true")
                .when().get("/schools/v1/regions").then().statusCode(200).extract().path("total");
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Response page = given().auth().oauth2(analyst()).queryParam("limit", 4).queryParam("sort", "-name")
                    .queryParam("cursor", cursor == null ? "" : cursor)
                    .when().get("/schools/v1/regions");
            page.then().statusCode(200);
            seen.addAll(page.path("items.code"));
            cursor = page.path("next");
        } while (cursor != null);
        assertEquals(total, seen.size());
        assertEquals(total, new HashSet<>(seen).size());
    }

    @Test
    void rejectsBadPagingParameters() {
        given().auth().oauth2(analyst()).queryParam("limit", 5000)
                .when().get("/schools/v1/regions")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].pointer", equalTo("limit"));
        given().auth().oauth2(analyst()).queryParam("limit", "abc")
                .when().get("/schools/v1/regions")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].pointer", equalTo("limit"));
        given().auth().oauth2(analyst()).queryParam("sort", "population")
                .when().get("/schools/v1/regions")
                .then().statusCode(400).body("errors[0].pointer", equalTo("sort"));
        given().auth().oauth2(analyst()).queryParam("cursor", "not-a-cursor")
                .when().get("/schools/v1/regions")
                .then().statusCode(400).body("errors[0].pointer", equalTo("cursor"));
        given().auth().oauth2(analyst()).queryParam("updatedSince", "yesterday")
                .when().get("/schools/v1/regions")
                .then().statusCode(400).body("errors[0].pointer", equalTo("updatedSince"));
    }

    @Test
    void filtersByLevel() {
        given().auth().oauth2(analyst()).queryParam("level", "province")
                .when().get("/schools/v1/regions")
                .then().statusCode(200)
                .body("items.level", everyItem(equalTo("province")))
                .body("items.code", hasItem("320000"));
        given().auth().oauth2(analyst()).queryParam("level", "town")
                .when().get("/schools/v1/regions")
                .then().statusCode(400).body("errors[0].pointer", equalTo("level"));
    }

    @Test
    void answersMalformedAndUnknownCodes() {
        given().auth().oauth2(analyst()).when().get("/schools/v1/regions/32011")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].pointer", equalTo("regionCode"));
        given().auth().oauth2(analyst()).when().get("/schools/v1/regions/999999")
                .then().statusCode(404).contentType(PROBLEM).body("type", equalTo("urn:dengta:problem:not-found"));
    }

    @Test
    void answersFrameworkErrorsAsProblems() {
        given().auth().oauth2(Tokens.admin()).when().delete("/schools/v1/regions/320113")
                .then().statusCode(405).contentType(PROBLEM);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.TEXT).body("hello")
                .when().put("/schools/v1/regions/320113")
                .then().statusCode(415).contentType(PROBLEM);
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/no-such-thing")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void echoesOrGeneratesRequestIds() {
        given().auth().oauth2(analyst()).header("X-Request-Id", "feed-42")
                .when().get("/schools/v1/regions/999999")
                .then().header("X-Request-Id", "feed-42").body("requestId", equalTo("feed-42"));
        given().auth().oauth2(analyst()).when().get("/schools/v1/regions")
                .then().header("X-Request-Id", notNullValue());
    }

    private static org.hamcrest.Matcher<Integer> greaterOrEqual(int n) {
        return org.hamcrest.Matchers.greaterThanOrEqualTo(n);
    }
}
