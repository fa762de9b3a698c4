package io.dengta.indicators.quality;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.dengta.indicators.catalog.CatalogFixtures;
import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Quality checks over observations imported through the API, in Lishui (320116), where no other test writes. */
@QuarkusTest
class QualityResourceTest {

    static final String CHECKS = "/indicators/v1/quality-checks";
    static final String HEADER = "indicator,unit,region,period,stage,value,numerator,denominator,status,source,comment\n";
    static final String RATE = "zz.quality_rate";
    private static boolean imported;

    static String feed() {
        return Tokens.role("data-feed").region("320100").client("nanjing-city-feed").subject("nanjing-feed").get();
    }

    /** Once per run (a static @BeforeAll would run before the test OIDC server is set up). */
    @BeforeEach
    void importObservations() {
        if (imported) {
            return;
        }
        CatalogFixtures.indicator(RATE, CatalogFixtures.percentIndicator("质量检查测试比例"));
        StringBuilder csv = new StringBuilder(HEADER);
        String[] seats = { "100", "120", "110", "130", "90" };
        for (int i = 0; i < seats.length; i++) {
            csv.append("cap.seats_added,320116,,").append(2019 + i).append(",,").append(seats[i])
                    .append(",,,approved,synthetic-demo,\n");
        }
        csv.append("cap.seats_added,320116,,2024,,400,,,submitted,synthetic-demo,\n")
                .append("pre.net_enrollment_rate,320116,,2024,,99,,,approved,synthetic-demo,\n")
                .append("pre.gross_enrollment_rate,320116,,2024,,97.5,,,approved,synthetic-demo,\n")
                .append(RATE + ",320116,,2024,,95,,,approved,synthetic-demo,\n");
        String[] keyTeachers = { "1", "1.1", "1.2", "1", "1.1", "4" };
        for (int i = 0; i < keyTeachers.length; i++) {
            csv.append("qb.key_teachers_per100,320116500").append(i + 1).append(",320116,2024Sep,primary,")
                    .append(keyTeachers[i]).append(",,,approved,synthetic-demo,\n");
        }
        given().auth().oauth2(feed()).contentType("text/csv").body(csv.toString())
                .when().post("/indicators/v1/imports")
                .then().statusCode(200).body("rejected", equalTo(0));
        // the catalog narrows the range after the value was stored: the stored value is now out of range
        var narrowed = CatalogFixtures.percentIndicator("质量检查测试比例");
        narrowed.put("maxValue", 90);
        CatalogFixtures.indicator(RATE, narrowed);
        imported = true;
    }

    @Test
    void findsRangeCrossIndicatorAndHistoryProblemsOfARegionsPeriod() {
        given().auth().oauth2(Tokens.role("bureau-analyst").region("320116").get())
                .queryParam("region", "320116").queryParam("period", "2024")
                .when().get(CHECKS)
                .then().statusCode(200)
                .body("checked", equalTo(4))
                .body("historyValues", equalTo(5))
                .body("errors", equalTo(2))
                .body("warnings", equalTo(3))
                .body("settings.zMax", equalTo(3))
                .body("settings.modifiedZMax", equalTo(3.5f))
                .body("findings.rule", containsInAnyOrder("range", "net-at-most-gross", "history-z-score",
                        "history-modified-z-score", "year-over-year-jump"))
                .body("findings[0].severity", equalTo("error"))
                .body("findings.find { it.rule == 'range' }.indicator", equalTo(RATE))
                .body("findings.find { it.rule == 'range' }.expectedMax", equalTo(90))
                .body("findings.find { it.rule == 'net-at-most-gross' }.value", equalTo(99))
                .body("findings.find { it.rule == 'net-at-most-gross' }.expectedMax", equalTo(97.5f))
                .body("findings.find { it.rule == 'net-at-most-gross' }.stage", equalTo("kindergarten"))
                .body("findings.find { it.rule == 'year-over-year-jump' }.reference", equalTo("2023 = 90"))
                .body("findings.find { it.rule == 'year-over-year-jump' }.score", equalTo(3.4444f))
                .body("findings.find { it.rule == 'history-z-score' }.unit", equalTo("320116"));
    }

    @Test
    void findsASchoolFarFromItsPeers() {
        given().auth().oauth2(Tokens.admin())
                .queryParam("region", "320116").queryParam("period", "2024Sep")
                .when().get(CHECKS)
                .then().statusCode(200)
                .body("findings", hasSize(1))
                .body("findings[0].rule", equalTo("peer-modified-z-score"))
                .body("findings[0].unit", equalTo("3201165006"))
                .body("findings[0].unitType", equalTo("school"))
                .body("findings[0].severity", equalTo("warning"));
    }

    @Test
    void aViewerIsCheckedOverApprovedValuesOnly() {
        // the submitted 2024 seats value is not visible to a viewer, so neither are its outlier findings
        given().auth().oauth2(Tokens.role("viewer").region("320116").get())
                .queryParam("region", "320116").queryParam("period", "2024")
                .when().get(CHECKS)
                .then().statusCode(200)
                .body("checked", equalTo(3))
                .body("findings.rule", containsInAnyOrder("range", "net-at-most-gross"));
    }

    @Test
    void aSubRegionsCheckSeesOnlyItsOwnUnits() {
        given().auth().oauth2(Tokens.admin())
                .queryParam("region", "320116").queryParam("period", "2019")
                .when().get(CHECKS)
                .then().statusCode(200)
                .body("checked", equalTo(1))
                .body("findings", hasSize(0));
    }

    @Test
    void rejectsMissingAndMalformedParametersAllAtOnce() {
        given().auth().oauth2(Tokens.admin()).when().get(CHECKS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.pointer", containsInAnyOrder("region", "period"));
        given().auth().oauth2(Tokens.admin()).queryParam("region", "3201").queryParam("period", "2024Q9")
                .when().get(CHECKS)
                .then().statusCode(400)
                .body("errors.code", containsInAnyOrder("invalid_region", "invalid_period"));
    }

    static Stream<Arguments> callers() {
        return Stream.of(
                Arguments.of("platform admin", Tokens.admin(), 200),
                Arguments.of("analyst of Lishui", Tokens.role("bureau-analyst").region("320116").get(), 200),
                Arguments.of("data feed of Nanjing", feed(), 200),
                Arguments.of("viewer of Jiangsu", Tokens.role("viewer").region("320000").get(), 200),
                Arguments.of("analyst of Qixia", Tokens.role("bureau-analyst").region("320113").get(), 404),
                Arguments.of("school clerk of a Lishui school", Tokens.role("school-clerk").school("3201165001").get(), 404),
                Arguments.of("catalog admin without a region", Tokens.role("catalog-admin").get(), 404));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callers")
    void accessMatrix(String who, String token, int status) {
        given().auth().oauth2(token).queryParam("region", "320116").queryParam("period", "2024")
                .when().get(CHECKS).then().statusCode(status);
    }

    @Test
    void anonymousCallersAreUnauthorized() {
        given().queryParam("region", "320116").queryParam("period", "2024").when().get(CHECKS).then().statusCode(401);
    }

    @Test
    void aCityCheckIncludesItsDistricts() {
        given().auth().oauth2(Tokens.admin()).queryParam("region", "320100").queryParam("period", "2024")
                .when().get(CHECKS)
                .then().statusCode(200)
                .body("findings.unit", hasItem("320116"));
    }
}
