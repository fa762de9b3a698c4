package io.dengta.indicators.score;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.dengta.indicators.catalog.CatalogFixtures;
import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Scores read the framework, its version, the catalog and the standards from memory (CatalogCache); a write of any
 * of them is seen by the next score, as if nothing were cached. Own framework (zz-cache-test) and period (2033).
 */
@QuarkusTest
class CatalogCacheTest {

    private static final String FRAMEWORK = "zz-cache-test";
    private static final String CATALOG_ADMIN = Tokens.role("catalog-admin").get();

    private static void putVersion(String dimensions) {
        given().auth().oauth2(CATALOG_ADMIN).contentType(ContentType.JSON)
                .body("{\"source\": \"test\", \"dimensions\": " + dimensions + "}")
                .put("/indicators/v1/frameworks/" + FRAMEWORK + "/versions/2020").then().statusCode(oneOf(200, 201));
    }

    private static ValidatableResponse score(String region) {
        return given().auth().oauth2(Tokens.admin()).queryParam("region", region).queryParam("period", "2033")
                .when().get("/indicators/v1/frameworks/" + FRAMEWORK + "/scores").then().statusCode(200);
    }

    private static void observe(String csv) {
        given().auth().oauth2(Tokens.admin()).contentType("text/csv").body(
                "indicator,unit,region,period,stage,value,numerator,denominator,status,source,comment\n" + csv)
                .when().post("/indicators/v1/imports").then().statusCode(200).body("rejected", equalTo(0));
    }

    @Test
    void aScoreSeesTheFrameworkVersionWrittenJustBefore() {
        given().auth().oauth2(CATALOG_ADMIN).contentType(ContentType.JSON)
                .body("{\"name\": \"缓存测试指标体系\", \"source\": \"test\"}")
                .put("/indicators/v1/frameworks/" + FRAMEWORK).then().statusCode(oneOf(200, 201));
        observe("pre.gross_enrollment_rate,320113,,2033,,49,,,approved,test,\n");
        putVersion("""
                [{"code": "access", "name": "普及", "indicators": [
                  {"indicator": "pre.gross_enrollment_rate", "weight": 100, "scoring": "ratio", "target": 98}]}]""");
        score("320113").body("regions[0].score", equalTo(50));
        score("320113").body("regions[0].score", equalTo(50)); // now from the cache
        putVersion("""
                [{"code": "access", "name": "普及", "indicators": [
                  {"indicator": "pre.gross_enrollment_rate", "weight": 100, "scoring": "ratio", "target": 49}]}]""");
        score("320113").body("regions[0].score", equalTo(100))
                .body("regions[0].dimensions[0].indicators[0].target.value", equalTo(49));
    }

    @Test
    void aScoreSeesTheStandardCreatedReplacedAndDeletedJustBefore() {
        // lll.training_rate has no standard in the reference data; this one applies to Jiangning (320115) in 2033 only
        given().auth().oauth2(CATALOG_ADMIN).contentType(ContentType.JSON)
                .body("{\"name\": \"缓存测试指标体系二\", \"source\": \"test\"}")
                .put("/indicators/v1/frameworks/" + FRAMEWORK + "-std").then().statusCode(oneOf(200, 201));
        given().auth().oauth2(CATALOG_ADMIN).contentType(ContentType.JSON).body("""
                {"source": "test", "dimensions": [{"code": "lll", "name": "终身学习", "indicators": [
                  {"indicator": "lll.training_rate", "weight": 100, "scoring": "threshold", "useStandard": true}]}]}""")
                .put("/indicators/v1/frameworks/" + FRAMEWORK + "-std/versions/2020").then().statusCode(oneOf(200, 201));
        observe("lll.training_rate,320115,,2033,,45,,,approved,test,\n");
        String scores = "/indicators/v1/frameworks/" + FRAMEWORK + "-std/scores";
        given().auth().oauth2(Tokens.admin()).queryParam("region", "320115").queryParam("period", "2033")
                .when().get(scores).then().statusCode(200)
                .body("regions[0].missing.reason", equalTo(List.of("no-target")));

        String id = given().auth().oauth2(CATALOG_ADMIN).contentType(ContentType.JSON)
                .body(CatalogFixtures.standard("lll.training_rate", "320115", List.of(), ">=", 50, null, 2033, 2033))
                .when().post("/indicators/v1/standards").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.admin()).queryParam("region", "320115").queryParam("period", "2033")
                .when().get(scores).then().statusCode(200).body("regions[0].score", equalTo(0))
                .body("regions[0].dimensions[0].indicators[0].target.value", equalTo(50));

        String etag = given().auth().oauth2(CATALOG_ADMIN).when().get("/indicators/v1/standards/" + id)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(CATALOG_ADMIN).contentType(ContentType.JSON).header("If-Match", etag)
                .body(CatalogFixtures.standard("lll.training_rate", "320115", List.of(), ">=", 40, null, 2033, 2033))
                .when().put("/indicators/v1/standards/" + id).then().statusCode(200);
        given().auth().oauth2(Tokens.admin()).queryParam("region", "320115").queryParam("period", "2033")
                .when().get(scores).then().statusCode(200).body("regions[0].score", equalTo(100))
                .body("regions[0].dimensions[0].indicators[0].target.value", equalTo(40));

        etag = given().auth().oauth2(CATALOG_ADMIN).when().get("/indicators/v1/standards/" + id)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(CATALOG_ADMIN).header("If-Match", etag).when().delete("/indicators/v1/standards/" + id)
                .then().statusCode(204);
        given().auth().oauth2(Tokens.admin()).queryParam("region", "320115").queryParam("period", "2033")
                .when().get(scores).then().statusCode(200)
                .body("regions[0].missing.reason", equalTo(List.of("no-target")));
    }
}
