package io.dengta.indicators.observation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Time series and cross-sections over one fixture: Gulou (320106) and its schools, a Jiangning (320115)
 * school, a Wuxi (320211) school, for qb.key_teachers_per100 (primary) and pre.gross_enrollment_rate.
 */
@QuarkusTest
class ObservationQueryTest {

    static final String GULOU_A = "3201066001";
    static final String GULOU_B = "3201066002";
    static final String GULOU_C = "3201066003";
    static final String JIANGNING = "3201156001";
    static final String WUXI = "3202116001";

    private static boolean loaded;

    @BeforeEach
    void fixture() {
        if (loaded) {
            return;
        }
        String csv = ObservationImportTest.HEADER
                + "pre.gross_enrollment_rate,320106,,2021,,97.1,,,approved,synthetic-demo,\n"
                + "pre.gross_enrollment_rate,320106,,2022,,97.8,,,approved,synthetic-demo,\n"
                + "pre.gross_enrollment_rate,320106,,2023,,98.2,,,submitted,synthetic-demo,\n"
                + "pre.gross_enrollment_rate,320106,,2023S1,,98.0,,,approved,synthetic-demo,\n"
                + "pre.gross_enrollment_rate,320106,,2024,,98.9,,,draft,synthetic-demo,\n"
                + "qb.key_teachers_per100,320106,,2022Sep,primary,2.1,,,approved,synthetic-demo,\n"
                + "qb.key_teachers_per100,320106,,2023Sep,primary,2.4,,,approved,synthetic-demo,\n"
                + "qb.key_teachers_per100,320106,,2023Sep,junior,2.9,,,approved,synthetic-demo,\n"
                + "qb.key_teachers_per100,320100,,2023Sep,primary,2.2,,,approved,synthetic-demo,\n"
                + "qb.key_teachers_per100," + GULOU_A + ",320106,2023Sep,primary,3.5,,,approved,synthetic-demo,\n"
                + "qb.key_teachers_per100," + GULOU_B + ",320106,2023Sep,primary,1.25,5,400,submitted,synthetic-demo,\"a, b\"\n"
                + "qb.key_teachers_per100," + GULOU_C + ",320106,2023Sep,primary,2.0,,,approved,synthetic-demo,\n"
                + "qb.key_teachers_per100," + JIANGNING + ",320115,2023Sep,primary,4.0,,,approved,synthetic-demo,\n"
                + "qb.key_teachers_per100," + WUXI + ",320211,2023Sep,primary,5.0,,,approved,synthetic-demo,\n";
        given().auth().oauth2(Tokens.admin()).contentType("text/csv").body(csv)
                .when().post(ObservationImportTest.IMPORTS)
                .then().statusCode(200).body("rejected", equalTo(0));
        loaded = true;
    }

    @Test
    void seriesListsAUnitsValuesPerIndicatorAndStageInPeriodOrder() {
        given().auth().oauth2(Tokens.role("bureau-analyst").region("320106").get())
                .queryParam("unit", "320106").queryParam("indicators", "pre.gross_enrollment_rate,qb.key_teachers_per100,cap.seats_added")
                .when().get("/indicators/v1/series")
                .then().statusCode(200)
                .body("unitType", equalTo("region"))
                .body("series.indicator", equalTo(List.of("pre.gross_enrollment_rate", "qb.key_teachers_per100",
                        "qb.key_teachers_per100", "cap.seats_added")))
                .body("series[0].indicatorUnit", equalTo("%"))
                .body("series[0].stage", equalTo("kindergarten"))
                .body("series[0].points.period", equalTo(List.of("2021", "2022", "2023S1", "2023", "2024")))
                .body("series[0].points[2].periodType", equalTo("half-year"))
                .body("series[1].stage", equalTo("junior"))
                .body("series[2].stage", equalTo("primary"))
                .body("series[2].points.period", equalTo(List.of("2022Sep", "2023Sep")))
                .body("series[2].points.value", equalTo(List.of(2.1f, 2.4f)))
                .body("series[3].points", hasSize(0));
    }

    @Test
    void seriesNarrowsByPeriodRangeTypeAndStage() {
        given().auth().oauth2(Tokens.admin())
                .queryParam("unit", "320106").queryParam("indicators", "pre.gross_enrollment_rate")
                .queryParam("from", "2022").queryParam("to", "2023").queryParam("periodType", "year")
                .when().get("/indicators/v1/series")
                .then().statusCode(200)
                .body("from", equalTo("2022"))
                .body("series[0].points.period", equalTo(List.of("2022", "2023")));
        given().auth().oauth2(Tokens.admin())
                .queryParam("unit", "320106").queryParam("indicators", "qb.key_teachers_per100").queryParam("stage", "junior")
                .when().get("/indicators/v1/series")
                .then().statusCode(200)
                .body("series", hasSize(1))
                .body("series[0].points.value", equalTo(List.of(2.9f)));
    }

    @Test
    void viewersSeeOnlyApprovedPointsAndOthersNothingOutOfScope() {
        given().auth().oauth2(Tokens.role("viewer").region("320106").get())
                .queryParam("unit", "320106").queryParam("indicators", "pre.gross_enrollment_rate")
                .when().get("/indicators/v1/series")
                .then().statusCode(200)
                .body("series[0].points.period", equalTo(List.of("2021", "2022", "2023S1")));
        given().auth().oauth2(Tokens.role("bureau-analyst").region("320113").get())
                .queryParam("unit", "320106").queryParam("indicators", "pre.gross_enrollment_rate")
                .when().get("/indicators/v1/series")
                .then().statusCode(200)
                .body("series[0].points", hasSize(0));
    }

    @Test
    void seriesParametersAreCheckedAllAtOnce() {
        given().auth().oauth2(Tokens.admin())
                .queryParam("unit", "3201").queryParam("indicators", "qb.nope").queryParam("from", "2024")
                .queryParam("to", "2023Q5").queryParam("periodType", "decade").queryParam("stage", "college")
                .when().get("/indicators/v1/series")
                .then().statusCode(400)
                .body("errors.pointer", equalTo(List.of("unit", "indicators", "to", "stage", "periodType")));
        given().auth().oauth2(Tokens.admin())
                .queryParam("unit", "320106").queryParam("indicators", "cap.seats_added").queryParam("from", "2024")
                .queryParam("to", "2023")
                .when().get("/indicators/v1/series")
                .then().statusCode(400)
                .body("errors[0].code", equalTo("after_to"));
    }

    @Test
    void crossSectionListsTheRegionItsSubRegionsAndTheirSchools() {
        given().auth().oauth2(Tokens.admin())
                .queryParam("indicator", "qb.key_teachers_per100").queryParam("period", "2023Sep")
                .queryParam("stage", "primary").queryParam("region", "320100")
                .when().get("/indicators/v1/cross-section")
                .then().statusCode(200)
                .body("items.unit", equalTo(List.of("320100", "320106", GULOU_A, GULOU_B, GULOU_C, JIANGNING)))
                .body("next", nullValue());
        given().auth().oauth2(Tokens.admin())
                .queryParam("indicator", "qb.key_teachers_per100").queryParam("period", "2023Sep")
                .queryParam("stage", "primary").queryParam("region", "320106").queryParam("unitType", "school")
                .queryParam("sort", "-value")
                .when().get("/indicators/v1/cross-section")
                .then().statusCode(200)
                .body("items.unit", equalTo(List.of(GULOU_A, GULOU_C, GULOU_B)))
                .body("items.value", equalTo(List.of(3.5f, 2, 1.25f)));
    }

    @Test
    void crossSectionPagesWithACursorInAnySortOrder() {
        List<String> units = new ArrayList<>();
        String cursor = null;
        do {
            var page = given().auth().oauth2(Tokens.admin())
                    .queryParam("indicator", "qb.key_teachers_per100").queryParam("period", "2023Sep")
                    .queryParam("stage", "primary").queryParam("region", "320000").queryParam("sort", "value")
                    .queryParam("limit", 2).queryParam("includeTotal", "true")
                    .queryParam("cursor", cursor == null ? "" : cursor)
                    .when().get("/indicators/v1/cross-section")
                    .then().statusCode(200).body("total", equalTo(7)).extract();
            units.addAll(page.path("items.unit"));
            cursor = page.path("next");
        } while (cursor != null);
        assertEquals(List.of(GULOU_B, GULOU_C, "320100", "320106", GULOU_A, JIANGNING, WUXI), units);
    }

    @Test
    void crossSectionIsScopedAndViewersSeeApprovedValuesOnly() {
        given().auth().oauth2(Tokens.role("bureau-analyst").region("320106").get())
                .queryParam("indicator", "qb.key_teachers_per100").queryParam("period", "2023Sep")
                .queryParam("stage", "primary").queryParam("region", "320000")
                .when().get("/indicators/v1/cross-section")
                .then().statusCode(200)
                .body("items.unit", equalTo(List.of("320106", GULOU_A, GULOU_B, GULOU_C)));
        given().auth().oauth2(Tokens.role("viewer").region("320106").get())
                .queryParam("indicator", "qb.key_teachers_per100").queryParam("period", "2023Sep")
                .queryParam("stage", "primary").queryParam("region", "320106")
                .when().get("/indicators/v1/cross-section")
                .then().statusCode(200)
                .body("items.unit", not(hasItems(GULOU_B)))
                .body("items.status", everyItem(equalTo("approved")));
        given().auth().oauth2(Tokens.role("school-clerk").school(GULOU_B).get())
                .queryParam("indicator", "qb.key_teachers_per100").queryParam("period", "2023Sep")
                .queryParam("stage", "primary").queryParam("region", "320106")
                .when().get("/indicators/v1/cross-section")
                .then().statusCode(200)
                .body("items.unit", equalTo(List.of(GULOU_B)));
    }

    @Test
    void crossSectionParametersAreCheckedAllAtOnce() {
        given().auth().oauth2(Tokens.admin())
                .queryParam("indicator", "qb.key_teachers_per100").queryParam("period", "2023Sept")
                .queryParam("region", "3201").queryParam("unitType", "county").queryParam("sort", "name")
                .when().get("/indicators/v1/cross-section")
                .then().statusCode(400)
                .body("errors.pointer", equalTo(List.of("period", "region", "stage", "unitType", "sort")));
        given().auth().oauth2(Tokens.admin())
                .queryParam("indicator", "qb.nope").queryParam("period", "2023Sep").queryParam("region", "320100")
                .when().get("/indicators/v1/cross-section")
                .then().statusCode(400)
                .body("errors[0].code", equalTo("unknown_indicator"));
    }

    @Test
    void crossSectionExportsAsCsvThatImportsAgainUnchanged() {
        String csv = given().auth().oauth2(Tokens.admin()).accept("text/csv")
                .queryParam("indicator", "qb.key_teachers_per100").queryParam("period", "2023Sep")
                .queryParam("stage", "primary").queryParam("region", "320106")
                .when().get("/indicators/v1/cross-section")
                .then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("qb.key_teachers_per100_2023Sep_320106_primary.csv"))
                .extract().asString();
        assertEquals(ObservationImportTest.HEADER
                + "qb.key_teachers_per100,320106,320106,2023Sep,primary,2.4,,,approved,synthetic-demo,\n"
                + "qb.key_teachers_per100," + GULOU_A + ",320106,2023Sep,primary,3.5,,,approved,synthetic-demo,\n"
                + "qb.key_teachers_per100," + GULOU_B + ",320106,2023Sep,primary,1.25,5,400,submitted,synthetic-demo,\"a, b\"\n"
                + "qb.key_teachers_per100," + GULOU_C + ",320106,2023Sep,primary,2,,,approved,synthetic-demo,\n", csv);
        given().auth().oauth2(Tokens.admin()).contentType("text/csv").body(csv)
                .when().post(ObservationImportTest.IMPORTS)
                .then().statusCode(200).body("unchanged", equalTo(4));
    }
}
