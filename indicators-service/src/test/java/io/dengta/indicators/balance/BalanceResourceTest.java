package io.dengta.indicators.balance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Balance over observations imported through the API, in Jiangning (320115), where no other test writes: the
 * hand-computed fixture's 5 schools with 10 times the pupils (so none is under 50) and equipment value per pupil
 * 1000 times the books per pupil (CV 0.3044 either way), plus a special school and a teaching point of 30 pupils.
 */
@QuarkusTest
class BalanceResourceTest {

    static final String BALANCE = "/indicators/v1/balance";
    static final String HEADER = "indicator,unit,region,period,stage,value,numerator,denominator,status,source,comment\n";
    static final int[] PUPILS = { 1000, 500, 800, 400, 320 };
    static final String[] EQUIPMENT = { "6000", "10000", "5000", "4000", "7906.25" };

    static String feed() {
        return Tokens.role("data-feed").region("320100").client("nanjing-city-feed").subject("nanjing-feed").get();
    }

    static String row(String indicator, String school, String period, String stage, String value) {
        return indicator + "," + school + ",320115," + period + "," + stage + "," + value + ",,,approved,synthetic-demo,\n";
    }

    private static boolean imported;

    /** Once per run (a static @BeforeAll would run before the test OIDC server is set up). */
    @BeforeEach
    void importSchools() {
        if (imported) {
            return;
        }
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < PUPILS.length; i++) {
            String school = "320115500" + (i + 1);
            boolean weak = i == 4;
            csv.append(row("ce.pupils", school, "2024Sep", "primary", Integer.toString(PUPILS[i])))
                    .append(row("qb.equipment_value_per_pupil", school, "2024Sep", "primary", EQUIPMENT[i]))
                    .append(row("qb.teachers_above_degree_per100", school, "2024Sep", "primary", "5"))
                    .append(row("qb.key_teachers_per100", school, "2024Sep", "primary", weak ? "0.5" : "1.5"))
                    .append(row("qb.pe_art_teachers_per100", school, "2024Sep", "primary", weak ? "0.5" : "1"))
                    .append(row("qb.teaching_floor_area_per_pupil", school, "2024Sep", "primary", "5"))
                    .append(row("qb.sports_area_per_pupil", school, "2024Sep", "primary", "8"));
            if (i != 3) {
                csv.append(row("qb.multimedia_classrooms_per100", school, "2024Sep", "primary", "2.5"));
            }
        }
        // a special school (its stage shows in its pupil-teacher ratio) and a teaching point: both left out
        csv.append(row("ce.pupil_teacher_ratio", "3201155009", "2024Sep", "special", "6"))
                .append(row("ce.pupils", "3201155009", "2024Sep", "primary", "200"))
                .append(row("qb.equipment_value_per_pupil", "3201155009", "2024Sep", "primary", "90000"))
                .append(row("ce.pupils", "3201155008", "2024Sep", "primary", "30"))
                .append(row("qb.equipment_value_per_pupil", "3201155008", "2024Sep", "primary", "90000"));
        // 2023: no enrolment observations; the pupils come from the published numerators and denominators
        for (int i = 0; i < PUPILS.length; i++) {
            java.math.BigDecimal value = new java.math.BigDecimal(EQUIPMENT[i]);
            csv.append("qb.equipment_value_per_pupil,320115500" + (i + 1) + ",320115,2023Sep,primary," + EQUIPMENT[i] + ","
                    + value.multiply(java.math.BigDecimal.valueOf(PUPILS[i])).toPlainString() + "," + PUPILS[i]
                    + ",submitted,synthetic-demo,\n");
        }
        given().auth().oauth2(feed()).contentType("text/csv").body(csv.toString())
                .when().post("/indicators/v1/imports")
                .then().statusCode(200).body("rejected", equalTo(0));
        imported = true;
    }

    @Test
    void computesThePupilWeightedCvOfEachResourceIndicatorFromImportedObservations() {
        given().auth().oauth2(Tokens.role("bureau-analyst").region("320115").get())
                .queryParam("region", "320115").queryParam("stage", "primary").queryParam("period", "2024Sep")
                .when().get(BALANCE)
                .then().statusCode(200)
                .body("rule.maxCv", equalTo(0.5f))
                .body("rule.minPupils", equalTo(50))
                .body("rule.minStandardsMet", equalTo(6))
                .body("rule.source", equalTo("教督〔2017〕6号"))
                .body("schools.found", equalTo(7))
                .body("schools.included", equalTo(5))
                .body("schools.excludedSpecial", equalTo(1))
                .body("schools.excludedSmall", equalTo(1))
                .body("indicators", hasSize(7))
                .body("indicators.find { it.indicator == 'qb.equipment_value_per_pupil' }.cv", equalTo(0.3044f))
                .body("indicators.find { it.indicator == 'qb.equipment_value_per_pupil' }.mean", equalTo(6334.4371f))
                .body("indicators.find { it.indicator == 'qb.equipment_value_per_pupil' }.pupils", equalTo(3020))
                .body("indicators.find { it.indicator == 'qb.equipment_value_per_pupil' }.passed", equalTo(true))
                .body("indicators.find { it.indicator == 'qb.equipment_value_per_pupil' }.furthest.school",
                        contains("3201155002", "3201155004", "3201155005", "3201155003", "3201155001"))
                .body("indicators.find { it.indicator == 'qb.equipment_value_per_pupil' }.furthest[0].relativeDeviation",
                        equalTo(0.5787f))
                .body("indicators.find { it.indicator == 'qb.teaching_floor_area_per_pupil' }.cv", equalTo(0f))
                .body("indicators.find { it.indicator == 'qb.multimedia_classrooms_per100' }.schools", equalTo(4))
                .body("passed", equalTo(true))
                .body("schoolStandards.withStandard", hasSize(7))
                .body("schoolStandards.meeting", equalTo(4))
                .body("schoolStandards.notMeeting", equalTo(1))
                .body("schoolStandards.shortfalls[0].school", equalTo("3201155005"))
                .body("schoolStandards.shortfalls[0].notMet",
                        containsInAnyOrder("qb.key_teachers_per100", "qb.pe_art_teachers_per100"))
                .body("coverage.schoolsLackingData", equalTo(1))
                .body("coverage.gaps[0].school", equalTo("3201155004"))
                .body("coverage.gaps[0].missing", contains("qb.multimedia_classrooms_per100"));
    }

    @Test
    void takesPupilsFromTheDenominatorsWhenThereIsNoEnrolmentObservation() {
        given().auth().oauth2(Tokens.admin())
                .queryParam("region", "320100").queryParam("stage", "primary").queryParam("period", "2023Sep")
                .when().get(BALANCE)
                .then().statusCode(200)
                .body("schools.included", equalTo(5))
                .body("indicators.find { it.indicator == 'qb.equipment_value_per_pupil' }.cv", equalTo(0.3044f))
                .body("indicators.find { it.indicator == 'qb.key_teachers_per100' }.cv", nullValue())
                .body("passed", nullValue());
    }

    @Test
    void aViewerGetsFiguresOverApprovedValuesOnly() {
        given().auth().oauth2(Tokens.role("viewer").region("320115").get())
                .queryParam("region", "320115").queryParam("stage", "primary").queryParam("period", "2023Sep")
                .when().get(BALANCE)
                .then().statusCode(200)
                .body("schools.found", equalTo(0))
                .body("indicators.find { it.indicator == 'qb.equipment_value_per_pupil' }.schools", equalTo(0));
    }

    @Test
    void juniorUsesItsOwnThreshold() {
        given().auth().oauth2(Tokens.admin())
                .queryParam("region", "320115").queryParam("stage", "junior").queryParam("period", "2024Sep")
                .when().get(BALANCE)
                .then().statusCode(200)
                .body("rule.maxCv", equalTo(0.45f))
                .body("schools.found", equalTo(1)) // the special school's marker
                .body("indicators[0].maxCv", equalTo(0.45f));
    }

    @Test
    void rejectsMissingAndMalformedParametersAllAtOnce() {
        given().auth().oauth2(Tokens.admin()).when().get(BALANCE)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.pointer", containsInAnyOrder("region", "stage", "period"));
        given().auth().oauth2(Tokens.admin())
                .queryParam("region", "32011").queryParam("stage", "senior").queryParam("period", "2024Q5")
                .when().get(BALANCE)
                .then().statusCode(400)
                .body("errors.code", containsInAnyOrder("invalid_region", "unknown_value", "invalid_period"));
        given().auth().oauth2(Tokens.admin())
                .queryParam("region", "320115").queryParam("stage", "primary").queryParam("period", "2015Sep")
                .when().get(BALANCE)
                .then().statusCode(400).body("errors[0].code", equalTo("no_rule_in_force"));
    }

    static Stream<Arguments> callers() {
        return Stream.of(
                Arguments.of("platform admin", Tokens.admin(), 200),
                Arguments.of("analyst of Jiangning", Tokens.role("bureau-analyst").region("320115").get(), 200),
                Arguments.of("analyst of Nanjing", Tokens.role("bureau-analyst").region("320100").get(), 200),
                Arguments.of("viewer of Jiangsu", Tokens.role("viewer").region("320000").get(), 200),
                Arguments.of("analyst of Qixia", Tokens.role("bureau-analyst").region("320113").get(), 404),
                Arguments.of("school clerk of a Jiangning school", Tokens.role("school-clerk").school("3201155001").get(), 404),
                Arguments.of("catalog admin without a region", Tokens.role("catalog-admin").get(), 404));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callers")
    void accessMatrix(String who, String token, int status) {
        given().auth().oauth2(token)
                .queryParam("region", "320115").queryParam("stage", "primary").queryParam("period", "2024Sep")
                .when().get(BALANCE).then().statusCode(status);
    }

    @Test
    void anonymousCallersAreUnauthorized() {
        given().queryParam("region", "320115").queryParam("stage", "primary").queryParam("period", "2024Sep")
                .when().get(BALANCE).then().statusCode(401);
    }

    @Test
    void aCityBalanceCoversItsDistrictsSchools() {
        given().auth().oauth2(Tokens.admin())
                .queryParam("region", "320100").queryParam("stage", "primary").queryParam("period", "2024Sep")
                .when().get(BALANCE)
                .then().statusCode(200)
                .body("indicators.find { it.indicator == 'qb.equipment_value_per_pupil' }.furthest.school",
                        org.hamcrest.Matchers.hasItems(List.of("3201155002").toArray(new String[0])));
    }
}
