package io.dengta.indicators.catalog;

import static io.dengta.indicators.catalog.CatalogFixtures.PROBLEM;
import static io.dengta.indicators.catalog.CatalogFixtures.createStandard;
import static io.dengta.indicators.catalog.CatalogFixtures.percentIndicator;
import static io.dengta.indicators.catalog.CatalogFixtures.standard;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class StandardResourceTest {

    private static final String COLLECTION = "/indicators/v1/standards";

    private static Response post(Object body) {
        return given().auth().oauth2(Tokens.role("catalog-admin").get()).contentType(ContentType.JSON).body(body)
                .when().post(COLLECTION);
    }

    private static Response applicable(String indicator, String region, Object year, String stage) {
        return given().auth().oauth2(Tokens.role("viewer").region("320113").get())
                .queryParam("jurisdiction", region).queryParam("year", year)
                .queryParam("stage", stage == null ? "" : stage)
                .when().get("/indicators/v1/indicators/" + indicator + "/standards");
    }

    @Test
    void createsReadsReplacesAndDeletesAStandardUnderOptimisticConcurrency() {
        percentIndicator("zz.std_crud_rate", List.of("primary", "junior"));
        Response created = post(standard("zz.std_crud_rate", "320000", List.of("junior", "primary"), ">=", 95.0, null,
                2013, null));
        created.then().statusCode(201)
                .header("Location", containsString(COLLECTION + "/"))
                .body("id", notNullValue())
                .body("stages", contains("primary", "junior"))
                .body("value", equalTo(95))
                .body("verified", equalTo("unverified"))
                .body("toYear", nullValue())
                .body("version", equalTo(0));
        String id = created.path("id");
        String etag = created.header("ETag");
        given().auth().oauth2(Tokens.role("viewer").get()).when().get(COLLECTION + "/" + id)
                .then().statusCode(200).header("ETag", equalTo(etag)).body("jurisdiction", equalTo("320000"));

        Map<String, Object> ended = standard("zz.std_crud_rate", "320000", List.of("primary", "junior"), ">=", 95, null,
                2013, 2020);
        String current = given().auth().oauth2(Tokens.role("catalog-admin").get()).contentType(ContentType.JSON)
                .header("If-Match", etag).body(ended).when().put(COLLECTION + "/" + id)
                .then().statusCode(200).body("toYear", equalTo(2020)).body("version", equalTo(1))
                .extract().header("ETag");
        given().auth().oauth2(Tokens.role("catalog-admin").get()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(ended).when().put(COLLECTION + "/" + id)
                .then().statusCode(412).contentType(PROBLEM);
        given().auth().oauth2(Tokens.role("catalog-admin").get()).contentType(ContentType.JSON)
                .header("If-Match", current).body(ended).when().put(COLLECTION + "/" + id)
                .then().statusCode(200).body("version", equalTo(1));
        given().auth().oauth2(Tokens.role("catalog-admin").get()).header("If-Match", etag)
                .when().delete(COLLECTION + "/" + id).then().statusCode(412);
        given().auth().oauth2(Tokens.role("catalog-admin").get()).header("If-Match", current)
                .when().delete(COLLECTION + "/" + id).then().statusCode(204);
        given().auth().oauth2(Tokens.admin()).when().get(COLLECTION + "/" + id).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Tokens.admin()).when().get(COLLECTION + "/not-a-uuid").then().statusCode(400)
                .body("errors[0].pointer", equalTo("id"));
    }

    @Test
    void replaysACreateWithTheSameIdempotencyKeyAndRefusesTheKeyForAnotherBody() {
        percentIndicator("zz.std_idem_rate", List.of());
        String key = "std-" + UUID.randomUUID();
        Map<String, Object> body = standard("zz.std_idem_rate", "320100", null, ">=", 90, null, 2021, null);
        String id = given().auth().oauth2(Tokens.role("catalog-admin").get()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).when().post(COLLECTION)
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.role("catalog-admin").get()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).when().post(COLLECTION)
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
        given().auth().oauth2(Tokens.role("catalog-admin").get()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(standard("zz.std_idem_rate", "320100", null, ">=", 91, null, 2021, null))
                .when().post(COLLECTION)
                .then().statusCode(422).contentType(PROBLEM);
        given().auth().oauth2(Tokens.admin()).queryParam("indicator", "zz.std_idem_rate").when().get(COLLECTION)
                .then().body("items.size()", equalTo(1));
    }

    @Test
    void rejectsAnUnknownIndicatorAndInconsistentValuesAndYearsAllAtOnce() {
        post(standard("zz.never_defined", "000000", null, "between", 10, null, 2020, 2019))
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.code", contains("unknown_indicator", "required", "before_from_year"))
                .body("errors.pointer", contains("/indicator", "/valueHigh", "/toYear"));
        percentIndicator("zz.std_rules_rate", List.of("kindergarten"));
        post(standard("zz.std_rules_rate", "000000", List.of("primary"), ">=", 120, 130, 2020, null))
                .then().statusCode(400)
                .body("errors.code", contains("not_allowed", "stage_not_of_indicator", "out_of_range", "out_of_range"));
        post(standard("zz.std_rules_rate", "000000", null, "between", 60, 40, 2020, null))
                .then().statusCode(400).body("errors.code", contains("below_low"));
        post(standard("zz.std_rules_rate", "990000", null, "~", null, null, 1900, null))
                .then().statusCode(400)
                .body("errors.pointer", hasItems("/jurisdiction", "/comparator", "/value", "/fromYear"));
        post(standard("zz.std_rules_rate", "000000", null, "between", 40, 60, 2020, null)).then().statusCode(201)
                .body("valueHigh", equalTo(60));
    }

    @Test
    void refusesAStandardWhoseYearsAndStagesOverlapAnotherOfTheSameIndicatorAndJurisdiction() {
        percentIndicator("zz.std_overlap_rate", List.of("primary", "junior"));
        String first = createStandard(standard("zz.std_overlap_rate", "000000", List.of("primary"), ">=", 80, null, 2017,
                null));
        post(standard("zz.std_overlap_rate", "000000", null, ">=", 85, null, 2024, null))
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:dengta:problem:conflict"))
                .body("detail", containsString(first));
        post(standard("zz.std_overlap_rate", "000000", List.of("junior"), ">=", 85, null, 2024, null))
                .then().statusCode(201);
        post(standard("zz.std_overlap_rate", "320000", List.of("primary"), ">=", 90, null, 2013, null))
                .then().statusCode(201);

        Map<String, Object> ended = standard("zz.std_overlap_rate", "000000", List.of("primary"), ">=", 80, null, 2017,
                2023);
        given().auth().oauth2(Tokens.role("catalog-admin").get()).contentType(ContentType.JSON).body(ended)
                .when().put(COLLECTION + "/" + first).then().statusCode(200);
        post(standard("zz.std_overlap_rate", "000000", List.of("primary"), ">=", 85, null, 2024, null))
                .then().statusCode(201);
        ended.put("toYear", 2024);
        given().auth().oauth2(Tokens.role("catalog-admin").get()).contentType(ContentType.JSON).body(ended)
                .when().put(COLLECTION + "/" + first).then().statusCode(409);
    }

    @Test
    void letsOnlyOneOfManyConcurrentOverlappingCreatesThrough() throws Exception {
        percentIndicator("zz.std_race_rate", List.of());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int value = 80 + i;
                answers.add(pool.submit(() -> post(standard("zz.std_race_rate", "320000", null, ">=", value, null,
                        2020 + (value % 2), null)).statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(Tokens.admin()).queryParam("indicator", "zz.std_race_rate").when().get(COLLECTION)
                .then().body("items.size()", equalTo(1));
    }

    @Test
    void listsStandardsByIndicatorJurisdictionStageAndYearInForce() {
        percentIndicator("zz.std_list_rate", List.of("primary", "junior"));
        createStandard(standard("zz.std_list_rate", "000000", List.of("primary"), ">=", 70, null, 2010, 2019));
        createStandard(standard("zz.std_list_rate", "000000", List.of("primary"), ">=", 80, null, 2020, null));
        createStandard(standard("zz.std_list_rate", "000000", List.of("junior"), ">=", 75, null, 2011, null));
        createStandard(standard("zz.std_list_rate", "320000", null, ">=", 90, null, 2013, null));
        given().auth().oauth2(Tokens.role("bureau-analyst").region("320113").get())
                .queryParam("indicator", "zz.std_list_rate").queryParam("sort", "jurisdiction,fromYear")
                .queryParam("includeTotal", "true")
                .when().get(COLLECTION).then().statusCode(200).body("total", equalTo(4))
                .body("items.value", contains(70, 75, 80, 90));
        given().auth().oauth2(Tokens.role("viewer").get()).queryParam("indicator", "zz.std_list_rate")
                .queryParam("year", 2015).queryParam("stage", "primary").when().get(COLLECTION)
                .then().body("items.value", containsInAnyOrder(70, 90));
        given().auth().oauth2(Tokens.role("viewer").get()).queryParam("indicator", "zz.std_list_rate")
                .queryParam("jurisdiction", "000000").queryParam("year", 2024).when().get(COLLECTION)
                .then().body("items.value", containsInAnyOrder(80, 75));
        given().auth().oauth2(Tokens.role("viewer").get()).queryParam("indicator", "zz.std_list_rate")
                .queryParam("limit", 3).queryParam("sort", "-fromYear").when().get(COLLECTION)
                .then().body("items.fromYear", contains(2020, 2013, 2011)).body("next", notNullValue());
        given().auth().oauth2(Tokens.role("viewer").get()).queryParam("year", "20x4").when().get(COLLECTION)
                .then().statusCode(400).body("errors[0].pointer", equalTo("year"));
        given().auth().oauth2(Tokens.role("viewer").get()).queryParam("verified", "secondary-sources")
                .queryParam("limit", 1000).when().get(COLLECTION)
                .then().body("items.verified", everyItem(equalTo("secondary-sources")));
    }

    @Test
    void resolvesTheSeededStandardsFromTheProvinceDownAndFromTheNationUp() {
        applicable("pre.gross_enrollment_rate", "320113", 2024, null).then().statusCode(200)
                .body("appliesFrom", equalTo("province"))
                .body("standard.jurisdiction", equalTo("320000"))
                .body("standard.value", equalTo(98))
                .body("jurisdiction", equalTo("320113"))
                .body("year", equalTo(2024));
        applicable("pre.gross_enrollment_rate", "440307", 2024, "kindergarten").then().statusCode(200)
                .body("appliesFrom", equalTo("national")).body("standard.value", equalTo(85));
        applicable("pre.gross_enrollment_rate", "320585", 2015, null).then().statusCode(200)
                .body("standard.value", equalTo(98));
        applicable("pre.gross_enrollment_rate", "440307", 2015, null).then().statusCode(404).contentType(PROBLEM)
                .body("detail", containsString("No standard"));
        applicable("qb.teachers_above_degree_per100", "320113", 2024, "junior").then().statusCode(200)
                .body("standard.value", equalTo(5.3f)).body("stage", equalTo("junior"));
        applicable("qb.teachers_above_degree_per100", "320113", 2024, null).then().statusCode(400)
                .body("errors[0].pointer", equalTo("stage"))
                .body("errors[0].message", containsString("primary, junior"));
        applicable("ce.retention_rate", "320113", 2024, null).then().statusCode(200)
                .body("standard.stages", contains("primary", "junior"));
    }

    @Test
    void resolvesDistrictThenCityThenProvinceThenNation() {
        percentIndicator("zz.std_chain_rate", List.of());
        createStandard(standard("zz.std_chain_rate", "000000", null, ">=", 80, null, 2017, null));
        createStandard(standard("zz.std_chain_rate", "320000", null, ">=", 90, null, 2017, null));
        createStandard(standard("zz.std_chain_rate", "320100", null, ">=", 95, null, 2017, null));
        createStandard(standard("zz.std_chain_rate", "320113", null, ">=", 99, null, 2023, null));
        List<Object> found = List.of(
                applicable("zz.std_chain_rate", "320113", 2024, null).path("appliesFrom"),
                applicable("zz.std_chain_rate", "320113", 2022, null).path("appliesFrom"),
                applicable("zz.std_chain_rate", "320585", 2024, null).path("appliesFrom"),
                applicable("zz.std_chain_rate", "210213", 2024, null).path("appliesFrom"));
        assertEquals(List.of("district", "city", "province", "national"), found);
        applicable("zz.std_chain_rate", "320113", 2024, null).then().body("standard.value", equalTo(99));
    }

    @Test
    void answersBadQuestionsAboutTheApplicableStandardPrecisely() {
        applicable("zz.never_defined", "320113", 2024, null).then().statusCode(404)
                .body("detail", containsString("zz.never_defined"));
        applicable("pre.gross_enrollment_rate", "3201", 2024, null).then().statusCode(400)
                .body("errors[0].pointer", equalTo("jurisdiction"));
        applicable("pre.gross_enrollment_rate", "320113", "", null).then().statusCode(400)
                .body("errors[0].pointer", equalTo("year"));
        applicable("pre.gross_enrollment_rate", "320113", 2024, "college").then().statusCode(400)
                .body("errors[0].pointer", equalTo("stage"));
        given().auth().oauth2(Tokens.role("viewer").get()).queryParam("year", 2024)
                .when().get("/indicators/v1/indicators/pre.gross_enrollment_rate/standards")
                .then().statusCode(400).body("errors[0].pointer", equalTo("jurisdiction"));
    }
}
