package io.dengta.indicators.catalog;

import static io.dengta.indicators.catalog.CatalogFixtures.PROBLEM;
import static io.dengta.indicators.catalog.CatalogFixtures.body;
import static io.dengta.indicators.catalog.CatalogFixtures.percentIndicator;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

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
class IndicatorResourceTest {

    private static final String COLLECTION = "/indicators/v1/indicators";

    private static Response put(String token, String code, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().put(COLLECTION + "/" + code);
    }

    private static void deleteIfPresent(String code) {
        given().auth().oauth2(Tokens.admin()).when().delete(COLLECTION + "/" + code).then().statusCode(oneOf(204, 404));
    }

    private static Map<String, Object> keyTeachers() {
        return body("name", "每百名学生拥有测试骨干教师数", "nameEn", "Test key teachers per 100 pupils", "unit", "per100",
                "direction", "higher-better", "level", "both", "stages", List.of("junior", "primary"),
                "aggregation", "ratio-of-sums", "definition", "key teachers / pupils * 100", "source", "test");
    }

    @Test
    void createsReadsReplacesAndDeletesAnIndicatorUnderOptimisticConcurrency() {
        deleteIfPresent("zz.crud_per100");
        String etag = put(Tokens.role("catalog-admin").get(), "zz.crud_per100", keyTeachers())
                .then().statusCode(201)
                .header("Location", containsString(COLLECTION + "/zz.crud_per100"))
                .body("code", equalTo("zz.crud_per100"))
                .body("stages", contains("primary", "junior"))
                .body("decimals", equalTo(2))
                .body("minValue", equalTo(0))
                .body("maxValue", nullValue())
                .body("version", equalTo(0))
                .extract().header("ETag");
        given().auth().oauth2(Tokens.role("viewer").region("320113").get()).when().get(COLLECTION + "/zz.crud_per100")
                .then().statusCode(200).header("ETag", equalTo(etag)).body("aggregation", equalTo("ratio-of-sums"));
        given().auth().oauth2(Tokens.admin()).header("If-None-Match", etag).when().get(COLLECTION + "/zz.crud_per100")
                .then().statusCode(304);

        Map<String, Object> changed = keyTeachers();
        changed.put("decimals", 1);
        changed.put("maxValue", 50);
        String current = given().auth().oauth2(Tokens.role("catalog-admin").get()).contentType(ContentType.JSON)
                .header("If-Match", etag).body(changed).when().put(COLLECTION + "/zz.crud_per100")
                .then().statusCode(200).body("decimals", equalTo(1)).body("maxValue", equalTo(50))
                .body("version", equalTo(1)).extract().header("ETag");
        given().auth().oauth2(Tokens.role("catalog-admin").get()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(keyTeachers()).when().put(COLLECTION + "/zz.crud_per100")
                .then().statusCode(412).contentType(PROBLEM).body("type", equalTo("urn:dengta:problem:precondition-failed"));
        given().auth().oauth2(Tokens.role("catalog-admin").get()).header("If-Match", etag)
                .when().delete(COLLECTION + "/zz.crud_per100")
                .then().statusCode(412).contentType(PROBLEM);

        given().auth().oauth2(Tokens.role("catalog-admin").get()).header("If-Match", current)
                .when().delete(COLLECTION + "/zz.crud_per100").then().statusCode(204);
        given().auth().oauth2(Tokens.admin()).when().get(COLLECTION + "/zz.crud_per100")
                .then().statusCode(404).contentType(PROBLEM).body("type", equalTo("urn:dengta:problem:not-found"));
    }

    @Test
    void anIdenticalReplacementChangesNothing() {
        deleteIfPresent("zz.same_per100");
        put(Tokens.admin(), "zz.same_per100", keyTeachers()).then().statusCode(201);
        Map<String, Object> explicit = keyTeachers();
        explicit.put("code", "zz.same_per100");
        explicit.put("stages", List.of("primary", "junior"));
        explicit.put("decimals", 2);
        explicit.put("minValue", 0.0);
        put(Tokens.admin(), "zz.same_per100", explicit).then().statusCode(200).body("version", equalTo(0));
    }

    @Test
    void percentagesDefaultToZeroToHundredAndCountsToAtLeastZero() {
        put(Tokens.admin(), "zz.defaults_rate", percentIndicator("默认范围")).then().statusCode(oneOf(200, 201))
                .body("decimals", equalTo(1)).body("minValue", equalTo(0)).body("maxValue", equalTo(100))
                .body("stages", equalTo(List.of()));
        put(Tokens.admin(), "zz.defaults_count", body("name", "默认计数", "unit", "count", "direction", "higher-better",
                "level", "both", "aggregation", "sum")).then().statusCode(oneOf(200, 201))
                .body("decimals", equalTo(0)).body("minValue", equalTo(0)).body("maxValue", nullValue());
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        put(Tokens.admin(), "zz.invalid_rate", body("unit", "percent", "direction", "up", "level", "both",
                "aggregation", "none", "stages", List.of("primry"), "decimals", 9))
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:dengta:problem:validation"))
                .body("errors.pointer", hasItems("/name", "/unit", "/direction", "/stages/0", "/decimals"));
        put(Tokens.admin(), "zz.invalid_rate", body("name", "矛盾", "unit", "%", "direction", "higher-better",
                "level", "both", "aggregation", "sum", "stages", List.of("primary", "primary"), "minValue", 10,
                "maxValue", 5))
                .then().statusCode(400)
                .body("errors.code", contains("duplicate", "range_inverted", "not_additive"))
                .body("errors.pointer", contains("/stages/1", "/maxValue", "/aggregation"));
        put(Tokens.admin(), "zz.invalid_rate", body("name", "x", "unit", "%", "direction", "band", "level", "region",
                "aggregation", "none", "colour", "red"))
                .then().statusCode(400).body("errors[0].code", equalTo("unknown_field"));
        given().auth().oauth2(Tokens.admin()).when().get(COLLECTION + "/zz.invalid_rate").then().statusCode(404);
    }

    @Test
    void rejectsMalformedCodesAndACodeThatIsNotThePath() {
        put(Tokens.admin(), "ZZ.Upper", percentIndicator("大写")).then().statusCode(400)
                .body("errors[0].pointer", equalTo("indicatorCode")).body("errors[0].code", equalTo("invalid_format"));
        given().auth().oauth2(Tokens.admin()).when().get(COLLECTION + "/nodots").then().statusCode(400);
        Map<String, Object> body = percentIndicator("错码");
        body.put("code", "zz.other_rate");
        put(Tokens.admin(), "zz.mismatch_rate", body).then().statusCode(400)
                .body("errors[0].pointer", equalTo("/code")).body("errors[0].code", equalTo("mismatch"));
    }

    @Test
    void refusesToDeleteAnIndicatorAStandardUses() {
        percentIndicator("zz.used_rate", List.of());
        String id = CatalogFixtures.createStandard(CatalogFixtures.standard("zz.used_rate", "320000", null, ">=", 90,
                null, 2020, null));
        given().auth().oauth2(Tokens.admin()).when().delete(COLLECTION + "/zz.used_rate")
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("1 standard"));
        given().auth().oauth2(Tokens.admin()).when().delete("/indicators/v1/standards/" + id).then().statusCode(204);
        given().auth().oauth2(Tokens.admin()).when().delete(COLLECTION + "/zz.used_rate").then().statusCode(204);
    }

    @Test
    void refusesANarrowerRangeOrFewerStagesThanItsStandardsNeed() {
        percentIndicator("zz.narrow_rate", List.of("primary", "junior"));
        String id = CatalogFixtures.createStandard(CatalogFixtures.standard("zz.narrow_rate", "000000",
                List.of("junior"), ">=", 95, null, 2020, null));
        Map<String, Object> narrower = percentIndicator("测试指标 zz.narrow_rate");
        narrower.put("stages", List.of("primary"));
        narrower.put("maxValue", 90);
        put(Tokens.role("catalog-admin").get(), "zz.narrow_rate", narrower)
                .then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString(id))
                .body("detail", containsString("outside the valid range"))
                .body("detail", containsString("not junior"));
        narrower.put("stages", List.of("primary", "junior"));
        narrower.put("maxValue", 95);
        put(Tokens.role("catalog-admin").get(), "zz.narrow_rate", narrower).then().statusCode(200);
    }

    @Test
    void filtersByUnitDirectionLevelStageSourceAndText() {
        percentIndicator("zz.filter_region_rate", List.of("senior"));
        put(Tokens.admin(), "zz.filter_both_ratio", body("name", "过滤测试生师比", "nameEn", "Filter pupil-teacher ratio",
                "unit", "ratio", "direction", "lower-better", "level", "both", "aggregation", "ratio-of-sums",
                "source", "过滤来源 2099")).then().statusCode(oneOf(200, 201));
        put(Tokens.admin(), "zz.filter_school_score", body("name", "过滤测试得分", "unit", "score",
                "direction", "higher-better", "level", "school", "stages", List.of("primary"), "aggregation", "none"))
                .then().statusCode(oneOf(200, 201));

        given().auth().oauth2(Tokens.role("viewer").get()).queryParam("q", "zz.filter").queryParam("level", "region")
                .when().get(COLLECTION).then().statusCode(200)
                .body("items.code", contains("zz.filter_both_ratio", "zz.filter_region_rate"));
        given().auth().oauth2(Tokens.role("viewer").get()).queryParam("q", "zz.filter").queryParam("level", "both")
                .when().get(COLLECTION).then().body("items.code", contains("zz.filter_both_ratio"));
        given().auth().oauth2(Tokens.role("viewer").get()).queryParam("q", "zz.filter").queryParam("stage", "primary")
                .when().get(COLLECTION).then()
                .body("items.code", contains("zz.filter_both_ratio", "zz.filter_school_score"));
        given().auth().oauth2(Tokens.role("viewer").get()).queryParam("direction", "lower-better")
                .queryParam("unit", "ratio").when().get(COLLECTION).then()
                .body("items.code", hasItems("ce.pupil_teacher_ratio", "zz.filter_both_ratio"))
                .body("items.unit", everyItem(equalTo("ratio")));
        given().auth().oauth2(Tokens.role("viewer").get()).queryParam("source", "过滤来源").when().get(COLLECTION)
                .then().body("items.code", contains("zz.filter_both_ratio"));
        given().auth().oauth2(Tokens.role("viewer").get()).queryParam("q", "PUPIL-TEACHER").when().get(COLLECTION)
                .then().body("items.code", hasItems("ce.pupil_teacher_ratio", "zz.filter_both_ratio"));
        given().auth().oauth2(Tokens.role("viewer").get()).queryParam("q", "filter_b").when().get(COLLECTION)
                .then().body("items.code", contains("zz.filter_both_ratio"));
        given().auth().oauth2(Tokens.role("viewer").get()).queryParam("q", "zz.filter%").when().get(COLLECTION)
                .then().body("items", equalTo(List.of()));
        given().auth().oauth2(Tokens.role("viewer").get()).queryParam("source", "教督〔2017〕6号")
                .queryParam("includeTotal", "true").when().get(COLLECTION)
                .then().body("total", equalTo(15)).body("items.code", hasItem("qb.key_teachers_per100"));
    }

    @Test
    void listsOnlyIndicatorsChangedSinceAnInstant() {
        OffsetDateTime before = OffsetDateTime.now();
        percentIndicator("zz.recent_rate", List.of("junior"));
        List<String> codes = given().auth().oauth2(Tokens.role("data-feed").get())
                .queryParam("updatedSince", before.toString()).queryParam("limit", 1000)
                .when().get(COLLECTION).then().statusCode(200).extract().path("items.code");
        assertTrue(codes.contains("zz.recent_rate"));
        assertTrue(codes.stream().noneMatch(c -> c.startsWith("qb.")), "seeded indicators are older: " + codes);
    }

    @Test
    void pagesThroughTheWholeCatalogWithCursorsWithoutRepeats() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        long total = -1;
        do {
            Response page = given().auth().oauth2(Tokens.role("viewer").get()).queryParam("limit", 7)
                    .queryParam("sort", "name").queryParam("includeTotal", "true")
                    .queryParam("cursor", cursor == null ? "" : cursor).when().get(COLLECTION);
            page.then().statusCode(200);
            total = ((Number) page.path("total")).longValue();
            seen.addAll(page.path("items.code"));
            cursor = page.path("next");
        } while (cursor != null);
        assertEquals(total, seen.size());
        assertEquals(seen.size(), new HashSet<>(seen).size());
        assertTrue(seen.size() >= 53);
    }

    @Test
    void rejectsUnknownFilterValuesAndLimits() {
        given().auth().oauth2(Tokens.role("viewer").get()).queryParam("unit", "percent").when().get(COLLECTION)
                .then().statusCode(400).body("errors[0].pointer", equalTo("unit"));
        given().auth().oauth2(Tokens.role("viewer").get()).queryParam("limit", 1001).when().get(COLLECTION)
                .then().statusCode(400).body("errors[0].pointer", equalTo("limit"));
        given().auth().oauth2(Tokens.role("viewer").get()).queryParam("sort", "unit").when().get(COLLECTION)
                .then().statusCode(400).body("errors[0].pointer", equalTo("sort"));
        given().auth().oauth2(Tokens.role("viewer").get()).queryParam("updatedSince", "yesterday").when().get(COLLECTION)
                .then().statusCode(400).body("errors[0].pointer", equalTo("updatedSince"));
    }

    @Test
    void answersCallersWithoutATokenWithAProblem() {
        given().when().get(COLLECTION).then().statusCode(401).contentType(PROBLEM)
                .body("type", equalTo("urn:dengta:problem:unauthorized"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().auth().oauth2(Tokens.admin()).when().get(COLLECTION + "/zz.never_created")
                .then().statusCode(404).body("detail", not(containsString("Exception")));
    }
}
