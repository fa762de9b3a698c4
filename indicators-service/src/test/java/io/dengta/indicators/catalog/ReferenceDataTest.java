package io.dengta.indicators.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The reference data Flyway loads: the copied CSVs, row for row, and the three seeded frameworks. */
@QuarkusTest
class ReferenceDataTest {

    private static List<Map<String, String>> csv(String resource) throws Exception {
        try (InputStream in = ReferenceDataTest.class.getClassLoader().getResourceAsStream(resource)) {
            MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader()).readValues(in);
            return it.readAll();
        }
    }

    private static List<Map<String, Object>> all(String path) {
        List<Map<String, Object>> items = given().auth().oauth2(Tokens.role("viewer").get()).queryParam("limit", 1000)
                .when().get(path).then().statusCode(200).extract().path("items");
        return items.stream().filter(i -> !String.valueOf(i.getOrDefault("code", i.get("indicator"))).startsWith("zz."))
                .toList();
    }

    private static List<String> stages(String csvValue) {
        return csvValue.isBlank() ? List.of() : List.of(csvValue.split("\\|"));
    }

    @Test
    void seedsEveryIndicatorOfTheCatalogCsvAsItIs() throws Exception {
        List<Map<String, String>> rows = new ArrayList<>(csv("reference-data/indicators.csv"));
        assertEquals(53, rows.size());
        // plus ce.pupils, the enrolment indicator V45 adds (reference-data/indicators-pupils.csv), and the 11
        // indicators of the seed plans' targets V48 adds (reference-data/indicators-plan-targets.csv)
        rows.addAll(csv("reference-data/indicators-pupils.csv"));
        rows.addAll(csv("reference-data/indicators-plan-targets.csv"));
        assertEquals(65, rows.size());
        Map<String, Map<String, Object>> seeded = all("/indicators/v1/indicators").stream()
                .collect(Collectors.toMap(i -> (String) i.get("code"), i -> i));
        assertEquals(rows.size(), seeded.size());
        assertEquals("count", seeded.get("ce.pupils").get("unit"));
        assertEquals("lower-better", seeded.get("eq.safety_incidents").get("direction"));
        for (Map<String, String> row : rows) {
            Map<String, Object> indicator = seeded.get(row.get("code"));
            assertEquals(row.get("name"), indicator.get("name"), row.get("code"));
            assertEquals(row.get("name_en"), indicator.get("nameEn"), row.get("code"));
            assertEquals(row.get("unit"), indicator.get("unit"), row.get("code"));
            assertEquals(row.get("direction"), indicator.get("direction"), row.get("code"));
            assertEquals(row.get("level"), indicator.get("level"), row.get("code"));
            assertEquals(stages(row.get("stage")), indicator.get("stages"), row.get("code"));
            assertEquals(row.get("aggregation"), indicator.get("aggregation"), row.get("code"));
            assertEquals(row.get("source"), indicator.get("source"), row.get("code"));
            assertEquals(row.get("definition").isBlank() ? null : row.get("definition"), indicator.get("definition"));
        }
    }

    @Test
    void seedsValidRangesByUnitWithRoomAbove100ForGrossEnrolment() {
        given().auth().oauth2(Tokens.role("viewer").get()).when().get("/indicators/v1/indicators/qb.junior_retention_3yr")
                .then().body("minValue", equalTo(0)).body("maxValue", equalTo(100)).body("decimals", equalTo(1));
        given().auth().oauth2(Tokens.role("viewer").get()).when().get("/indicators/v1/indicators/cap.seats_added")
                .then().body("minValue", equalTo(0)).body("maxValue", equalTo(null)).body("decimals", equalTo(0));
        given().auth().oauth2(Tokens.role("viewer").get()).when().get("/indicators/v1/indicators/pre.gross_enrollment_rate")
                .then().body("maxValue", equalTo(150));
    }

    @Test
    void seedsEveryStandardOfTheCsvWithItsProvenance() throws Exception {
        List<Map<String, String>> rows = csv("reference-data/standards.csv");
        List<Map<String, Object>> seeded = all("/indicators/v1/standards");
        assertEquals(32, rows.size());
        assertEquals(rows.size(), seeded.size());
        Map<String, Map<String, Object>> byKey = new HashMap<>();
        for (Map<String, Object> s : seeded) {
            byKey.put(s.get("indicator") + "|" + s.get("jurisdiction") + "|" + s.get("stages") + "|" + s.get("fromYear"), s);
        }
        for (Map<String, String> row : rows) {
            String key = row.get("indicator_code") + "|" + row.get("jurisdiction") + "|" + stages(row.get("stage")) + "|"
                    + row.get("from_year");
            Map<String, Object> standard = byKey.get(key);
            assertTrue(standard != null, "missing " + key);
            assertEquals(row.get("comparator"), standard.get("comparator"), key);
            assertEquals(0, new BigDecimal(row.get("value")).compareTo(new BigDecimal(standard.get("value").toString())));
            assertEquals(row.get("source"), standard.get("source"), key);
            assertEquals(row.get("verified"), standard.get("verified"), key);
        }
    }

    @Test
    void seedsStandardsUnderIdsThatAreTheSameInEveryInstallation() {
        StandardInput national = new StandardInput("pre.gross_enrollment_rate", "000000", List.of("kindergarten"), ">=",
                BigDecimal.valueOf(85), null, 2020, null, "x", null, null).normalized();
        given().auth().oauth2(Tokens.role("viewer").get())
                .when().get("/indicators/v1/standards/" + CatalogSeeds.seedId(national))
                .then().statusCode(200).body("value", equalTo(85)).body("source", equalTo("教督〔2020〕1号"));
    }

    @Test
    void seedsTheJiangsuDemoWithItsOneConfirmedWeightAndEveryOtherWeightIllustrative() {
        JsonPath js = given().auth().oauth2(Tokens.role("viewer").get()).queryParam("year", 2024)
                .when().get("/indicators/v1/frameworks/js-modernization-2013")
                .then().statusCode(200)
                .body("jurisdiction", equalTo("320000"))
                .body("inForce.effectiveFromYear", equalTo(2013))
                .body("inForce.dimensions.name", contains("普及度", "公平度", "质量度", "开放度", "保障度", "统筹度", "贡献度",
                        "满意度"))
                .body("inForce.weights.total", equalTo(100))
                .body("inForce.weights.confirmed", equalTo(2))
                .body("inForce.weights.illustrative", equalTo(98))
                .extract().jsonPath();
        List<Map<String, Object>> leaves = new ArrayList<>();
        for (int d = 0; d < 8; d++) {
            leaves.addAll(js.getList("inForce.dimensions[" + d + "].indicators"));
        }
        BigDecimal sum = leaves.stream().map(l -> new BigDecimal(l.get("weight").toString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, sum.compareTo(BigDecimal.valueOf(100)));
        List<Map<String, Object>> confirmed = leaves.stream().filter(l -> !(Boolean) l.get("illustrativeWeight")).toList();
        assertEquals(1, confirmed.size());
        assertEquals("pre.gross_enrollment_rate", confirmed.get(0).get("indicator"));
        assertEquals(2, confirmed.get(0).get("weight"));
        assertEquals(98, confirmed.get(0).get("target"));
        // V49: the two leaves reported per compulsory stage are scored on junior, the end of the nine years
        Map<String, Object> pinned = leaves.stream().filter(l -> l.get("stage") != null)
                .collect(Collectors.toMap(l -> (String) l.get("indicator"), l -> l.get("stage")));
        assertEquals(Map.of("ce.retention_rate", "junior", "qb.teacher_rotation_rate", "junior"), pinned);
    }

    @Test
    void seedsTheNationalBalancedDevelopmentFrameworkWithTheSevenResourceIndicators() {
        given().auth().oauth2(Tokens.role("viewer").get())
                .when().get("/indicators/v1/frameworks/cn-compulsory-balanced-2017/versions/2017")
                .then().statusCode(200)
                .body("dimensions.code", contains("resources", "government-support", "quality", "social-recognition"))
                .body("dimensions[0].indicators", hasSize(7))
                .body("dimensions[0].indicators.indicator", everyItem(org.hamcrest.Matchers.startsWith("qb.")))
                .body("dimensions[0].indicators.scoring", everyItem(equalTo("threshold")))
                .body("dimensions[0].indicators.useStandard", everyItem(equalTo(true)))
                .body("weights.total", equalTo(100))
                .body("weights.illustrative", equalTo(100))
                .body("indicatorCount", equalTo(15));
        given().auth().oauth2(Tokens.role("viewer").get()).queryParam("year", 2024)
                .when().get("/indicators/v1/frameworks/cn-preschool-2020")
                .then().statusCode(200)
                .body("source", equalTo("教督〔2020〕1号"))
                .body("inForce.dimensions[0].indicators.indicator", contains("pre.gross_enrollment_rate",
                        "pre.inclusive_coverage", "pre.public_share"))
                .body("inForce.weights.illustrative", equalTo(100));
    }

    @Test
    void journalsTheSeedsSoAnIntegratorMirroringFromTheStartSeesThem() {
        List<String> first = given().auth().oauth2(Tokens.role("data-feed").region("320113").get())
                .queryParam("after", 0).queryParam("limit", 1000).queryParam("resourceType", "indicator")
                .when().get("/indicators/v1/changes").then().statusCode(200).extract().path("items.key");
        assertEquals(csvCodes(), first.subList(0, 53));
        given().auth().oauth2(Tokens.admin()).queryParam("resourceType", "framework-version")
                .queryParam("key", "js-modernization-2013/2013").when().get("/indicators/v1/audit")
                .then().statusCode(200)
                .body("subject", hasItem("flyway:reference-data"))
                .body("[0].after.effectiveFromYear", equalTo(2013));
    }

    private static List<String> csvCodes() throws RuntimeException {
        try {
            return csv("reference-data/indicators.csv").stream().map(r -> r.get("code")).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
