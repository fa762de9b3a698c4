package io.dengta.indicators.framework;

import static io.dengta.indicators.catalog.CatalogFixtures.PROBLEM;
import static io.dengta.indicators.catalog.CatalogFixtures.body;
import static io.dengta.indicators.catalog.CatalogFixtures.percentIndicator;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class FrameworkResourceTest {

    private static final String COLLECTION = "/indicators/v1/frameworks";

    @BeforeEach
    void catalog() {
        percentIndicator("zz.fw_a_rate", List.of());
        percentIndicator("zz.fw_b_rate", List.of());
        percentIndicator("zz.fw_c_rate", List.of());
    }

    private static Response putFramework(String code, Object body) {
        return given().auth().oauth2(Tokens.role("catalog-admin").get()).contentType(ContentType.JSON).body(body)
                .when().put(COLLECTION + "/" + code);
    }

    private static Response putVersion(String code, Object year, Object body) {
        return given().auth().oauth2(Tokens.role("catalog-admin").get()).contentType(ContentType.JSON).body(body)
                .when().put(COLLECTION + "/" + code + "/versions/" + year);
    }

    private static Map<String, Object> item(String indicator, Object weight, Object target) {
        return body("indicator", indicator, "weight", weight, "target", target);
    }

    private static Map<String, Object> dimension(String code, String name, List<?> indicators) {
        return body("code", code, "name", name, "indicators", indicators);
    }

    /** Two 一级 dimensions, the first with two 二级 ones. */
    private static Map<String, Object> tree(Object aWeight, Object bWeight, Object cWeight) {
        return body("source", "test", "dimensions", List.of(
                body("code", "resources", "name", "资源", "dimensions", List.of(
                        dimension("staff", "师资", List.of(item("zz.fw_a_rate", aWeight, 90))),
                        dimension("buildings", "校舍", List.of(body("indicator", "zz.fw_b_rate", "weight", bWeight,
                                "scoring", "threshold", "useStandard", true, "illustrativeWeight", true))))),
                dimension("quality", "质量", List.of(body("indicator", "zz.fw_c_rate", "weight", cWeight, "scoring", "band",
                        "band", body("low", 40, "high", 60, "zeroDistance", 20), "illustrativeWeight", true,
                        "note", "illustrative band")))));
    }

    private static void fresh(String code) {
        for (int year : List.of(2018, 2022)) {
            given().auth().oauth2(Tokens.admin()).when().delete(COLLECTION + "/" + code + "/versions/" + year)
                    .then().statusCode(oneOf(204, 404));
        }
        given().auth().oauth2(Tokens.admin()).when().delete(COLLECTION + "/" + code).then().statusCode(oneOf(204, 404));
        putFramework(code, body("name", "测试指标体系 " + code, "jurisdiction", "320113", "source", "test"))
                .then().statusCode(201);
    }

    @Test
    void storesAVersionTreeAndShowsDimensionWeightsAndCatalogFacts() {
        fresh("zz-tree");
        putVersion("zz-tree", 2018, tree(33.33, 33.33, 33.34)).then().statusCode(201)
                .header("Location", containsString(COLLECTION + "/zz-tree/versions/2018"))
                .body("framework", equalTo("zz-tree"))
                .body("effectiveFromYear", equalTo(2018))
                .body("effectiveToYear", nullValue())
                .body("indicatorCount", equalTo(3))
                .body("weights.total", equalTo(100.0f))
                .body("weights.confirmed", equalTo(33.33f))
                .body("weights.illustrative", equalTo(66.67f))
                .body("dimensions.code", contains("resources", "quality"))
                .body("dimensions[0].weight", equalTo(66.66f))
                .body("dimensions[0].dimensions[1].weight", equalTo(33.33f))
                .body("dimensions[0].dimensions[0].indicators[0].scoring", equalTo("ratio"))
                .body("dimensions[0].dimensions[0].indicators[0].unit", equalTo("%"))
                .body("dimensions[0].dimensions[0].indicators[0].name", equalTo("测试指标 zz.fw_a_rate"))
                .body("dimensions[0].dimensions[1].indicators[0].useStandard", equalTo(true))
                .body("dimensions[1].indicators[0].band.zeroDistance", equalTo(20));
        given().auth().oauth2(Tokens.role("viewer").get()).when().get(COLLECTION + "/zz-tree")
                .then().statusCode(200)
                .body("jurisdiction", equalTo("320113"))
                .body("versions.effectiveFromYear", contains(2018))
                .body("versions[0].illustrativeWeight", equalTo(66.67f))
                .body("inForce", nullValue());
    }

    @Test
    void rejectsAVersionWhoseWeightsDoNotSumTo100AndNamesTheSum() {
        fresh("zz-sum");
        putVersion("zz-sum", 2018, tree(33.33, 33.33, 33.33)).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].code", equalTo("weights_not_100"))
                .body("errors[0].pointer", equalTo("/dimensions"))
                .body("errors[0].message", equalTo("the indicators' weights sum to 99.99; they must sum to exactly 100"));
        putVersion("zz-sum", 2018, tree(33.333, 33.333, 33.334)).then().statusCode(400)
                .body("errors.code", contains("too_many_decimals", "too_many_decimals", "too_many_decimals"));
        given().auth().oauth2(Tokens.admin()).when().get(COLLECTION + "/zz-sum/versions/2018").then().statusCode(404);
    }

    @Test
    void rejectsUnknownAndRepeatedIndicatorsAndIncompleteScoringRulesAtOnce() {
        fresh("zz-rules");
        Map<String, Object> body = body("dimensions", List.of(
                dimension("one", "一", List.of(item("zz.fw_a_rate", 40, null), item("zz.not_in_catalog", 20, 90))),
                dimension("two", "二", List.of(item("zz.fw_a_rate", 40, 90))),
                dimension("three", "三", List.of())));
        putVersion("zz-rules", 2018, body).then().statusCode(400)
                .body("errors.code", contains("target_required", "unknown_indicator", "duplicate_indicator",
                        "empty_dimension"))
                .body("errors.pointer", contains("/dimensions/0/indicators/0/target",
                        "/dimensions/0/indicators/1/indicator", "/dimensions/1/indicators/0/indicator", "/dimensions/2"));
        putVersion("zz-rules", 2018, body("dimensions", List.of(dimension("one", "一",
                List.of(body("indicator", "zz.fw_a_rate", "weight", 100, "scoring", "linear", "target", 1))))))
                .then().statusCode(400).body("errors[0].pointer", equalTo("/dimensions/0/indicators/0/scoring"));
        putVersion("zz-rules", 2018, body("effectiveFromYear", 2019, "dimensions", List.of(dimension("one", "一",
                List.of(item("zz.fw_a_rate", 100, 90)))))).then().statusCode(400)
                .body("errors[0].pointer", equalTo("/effectiveFromYear"));
        putVersion("zz-rules", 1900, tree(33.33, 33.33, 33.34)).then().statusCode(400)
                .body("errors[0].pointer", equalTo("effectiveFromYear"));
        putVersion("zz-never-created", 2018, tree(33.33, 33.33, 33.34)).then().statusCode(404);
    }

    @Test
    void aLeafPinsOneOfItsIndicatorsStagesAndShowsIt() {
        percentIndicator("zz.fw_staged_rate", List.of("primary", "junior"));
        fresh("zz-pin");
        java.util.function.Function<String, Object> pinned = stage -> body("dimensions", List.of(dimension("one", "一",
                List.of(body("indicator", "zz.fw_staged_rate", "weight", 50, "target", 90, "stage", stage),
                        body("indicator", "zz.fw_a_rate", "weight", 50, "target", 90, "stage", "junior")))));
        putVersion("zz-pin", 2018, pinned.apply("senior")).then().statusCode(400)
                .body("errors.code", contains("not_a_stage_of_indicator", "not_per_stage"))
                .body("errors.pointer", contains("/dimensions/0/indicators/0/stage", "/dimensions/0/indicators/1/stage"));
        putVersion("zz-pin", 2018, pinned.apply("grade-9")).then().statusCode(400)
                .body("errors.pointer", hasItem(containsString("stage")));
        putVersion("zz-pin", 2018, body("dimensions", List.of(dimension("one", "一",
                List.of(body("indicator", "zz.fw_staged_rate", "weight", 50, "target", 90, "stage", "junior"),
                        item("zz.fw_a_rate", 50, 90)))))).then().statusCode(201)
                .body("dimensions[0].indicators[0].stage", equalTo("junior"))
                .body("dimensions[0].indicators[1].stage", nullValue());
    }

    @Test
    void answersTheVersionInForceInAYear() {
        fresh("zz-years");
        putVersion("zz-years", 2018, tree(33.33, 33.33, 33.34)).then().statusCode(201);
        putVersion("zz-years", 2022, tree(50, 25, 25)).then().statusCode(201).body("effectiveToYear", nullValue());
        given().auth().oauth2(Tokens.role("bureau-analyst").region("320113").get()).queryParam("year", 2020)
                .when().get(COLLECTION + "/zz-years").then().statusCode(200)
                .body("versions.effectiveFromYear", contains(2018, 2022))
                .body("versions.effectiveToYear", contains(2021, null))
                .body("inForce.effectiveFromYear", equalTo(2018))
                .body("inForce.effectiveToYear", equalTo(2021));
        given().auth().oauth2(Tokens.role("viewer").get()).queryParam("year", 2030).when().get(COLLECTION + "/zz-years")
                .then().body("inForce.effectiveFromYear", equalTo(2022))
                .body("inForce.dimensions[0].dimensions[0].indicators[0].weight", equalTo(50));
        given().auth().oauth2(Tokens.role("viewer").get()).queryParam("year", 2017).when().get(COLLECTION + "/zz-years")
                .then().statusCode(404).contentType(PROBLEM).body("detail", containsString("2018"));
        given().auth().oauth2(Tokens.role("viewer").get()).queryParam("year", "next").when().get(COLLECTION + "/zz-years")
                .then().statusCode(400).body("errors[0].pointer", equalTo("year"));
    }

    @Test
    void guardsFrameworksAndVersionsWithETags() {
        fresh("zz-etags");
        String frameworkTag = given().auth().oauth2(Tokens.admin()).when().get(COLLECTION + "/zz-etags")
                .then().statusCode(200).extract().header("ETag");
        String versionTag = putVersion("zz-etags", 2018, tree(33.33, 33.33, 33.34)).then().statusCode(201)
                .extract().header("ETag");
        given().auth().oauth2(Tokens.admin()).header("If-None-Match", frameworkTag).when().get(COLLECTION + "/zz-etags")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.role("catalog-admin").get()).contentType(ContentType.JSON)
                .header("If-Match", frameworkTag).body(body("name", "改名"))
                .when().put(COLLECTION + "/zz-etags").then().statusCode(412).contentType(PROBLEM);

        String changedTag = given().auth().oauth2(Tokens.role("catalog-admin").get()).contentType(ContentType.JSON)
                .header("If-Match", versionTag).body(tree(50, 25, 25))
                .when().put(COLLECTION + "/zz-etags/versions/2018").then().statusCode(200).body("version", equalTo(1))
                .extract().header("ETag");
        given().auth().oauth2(Tokens.role("catalog-admin").get()).contentType(ContentType.JSON)
                .header("If-Match", versionTag).body(tree(40, 30, 30))
                .when().put(COLLECTION + "/zz-etags/versions/2018").then().statusCode(412);
        putVersion("zz-etags", 2018, tree(50, 25, 25)).then().statusCode(200).body("version", equalTo(1));
        given().auth().oauth2(Tokens.admin()).header("If-None-Match", changedTag)
                .when().get(COLLECTION + "/zz-etags/versions/2018").then().statusCode(304);
        given().auth().oauth2(Tokens.role("catalog-admin").get()).header("If-Match", versionTag)
                .when().delete(COLLECTION + "/zz-etags/versions/2018").then().statusCode(412);
        given().auth().oauth2(Tokens.role("catalog-admin").get()).header("If-Match", changedTag)
                .when().delete(COLLECTION + "/zz-etags/versions/2018").then().statusCode(204);
    }

    @Test
    void keepsFrameworksWithVersionsAndIndicatorsInUse() {
        fresh("zz-in-use");
        putVersion("zz-in-use", 2018, tree(33.33, 33.33, 33.34)).then().statusCode(201);
        given().auth().oauth2(Tokens.admin()).when().delete(COLLECTION + "/zz-in-use")
                .then().statusCode(409).body("detail", containsString("2018"));
        given().auth().oauth2(Tokens.admin()).when().delete("/indicators/v1/indicators/zz.fw_c_rate")
                .then().statusCode(409).body("detail", containsString("zz-in-use 2018"));
        given().auth().oauth2(Tokens.admin()).when().delete(COLLECTION + "/zz-in-use/versions/2018").then().statusCode(204);
        given().auth().oauth2(Tokens.admin()).when().delete(COLLECTION + "/zz-in-use").then().statusCode(204);
        given().auth().oauth2(Tokens.admin()).when().get(COLLECTION + "/zz-in-use").then().statusCode(404);
    }

    @Test
    void listsFrameworksWithTheirVersions() {
        fresh("zz-list");
        putVersion("zz-list", 2022, tree(50, 25, 25)).then().statusCode(201);
        given().auth().oauth2(Tokens.role("viewer").get()).queryParam("q", "zz-list").when().get(COLLECTION)
                .then().statusCode(200).body("items.code", contains("zz-list"))
                .body("items[0].versions[0].indicatorCount", equalTo(3));
        given().auth().oauth2(Tokens.role("viewer").get()).queryParam("jurisdiction", "000000")
                .queryParam("includeTotal", "true").when().get(COLLECTION)
                .then().body("total", equalTo(2))
                .body("items.code", contains("cn-compulsory-balanced-2017", "cn-preschool-2020"));
        given().auth().oauth2(Tokens.role("viewer").get()).queryParam("limit", 1).when().get(COLLECTION)
                .then().body("items.size()", equalTo(1)).body("next", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(Tokens.role("viewer").get()).queryParam("jurisdiction", "32").when().get(COLLECTION)
                .then().statusCode(400);
    }

    @Test
    void rejectsMalformedFrameworkCodes() {
        putFramework("Zz_Bad", body("name", "坏代码")).then().statusCode(400)
                .body("errors[0].pointer", equalTo("frameworkCode"));
        putFramework("zz-good", body("name", "代码不符", "code", "zz-other")).then().statusCode(400)
                .body("errors[0].code", equalTo("mismatch"));
        putFramework("zz-good", body("jurisdiction", "32")).then().statusCode(400)
                .body("errors.pointer", hasItem("/name")).body("errors.pointer", hasItem("/jurisdiction"));
    }
}
