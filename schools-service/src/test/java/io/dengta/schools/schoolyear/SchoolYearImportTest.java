package io.dengta.schools.schoolyear;

import static io.dengta.schools.imports.Imports.CSV;
import static io.dengta.schools.imports.Imports.post;
import static io.dengta.schools.imports.Imports.postWithKey;
import static io.dengta.schools.teacher.RegistryFixtures.school;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dengta.schools.teacher.RegistryFixtures;
import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * {@code POST /schools/v1/imports/school-years}: one CSV line per school and school year (grade columns
 * {@code p1Pupils,p1Classes,…}) or nested JSON rows, checked like a PUT, upserted by (school, schoolYear).
 */
@QuarkusTest
class SchoolYearImportTest {

    static final String PRIMARY = "3201137201";
    static final String JUNIOR = "3201137202";
    static final String XINWU = "3202147201";
    static final List<String> COLUMNS = List.of("school", "schoolYear", "p1Pupils", "p1Classes", "p2Pupils",
            "p2Classes", "j1Pupils", "j1Classes", "classesOver45", "classesOver50", "classesOver55", "classesOver65",
            "teachingFloorArea", "supportFloorArea", "sportsGroundArea", "equipmentValue", "multimediaClassrooms",
            "musicRooms", "artRooms", "source");
    static final String HEADER = String.join(",", COLUMNS) + "\n";

    @BeforeEach
    void schools() {
        school(PRIMARY, "320113", "primary");
        school(JUNIOR, "320113", "junior");
        school(XINWU, "320214", "primary");
    }

    static String feed() {
        return Tokens.role("data-feed").region("320113").client("qixia-statistics-feed").get();
    }

    /** A valid line of a primary school (j1 columns 0, as a city-wide export fills them), with cells replaced. */
    static String row(String school, String schoolYear, String... replacements) {
        Map<String, String> cells = new LinkedHashMap<>();
        List<String> values = List.of(school, schoolYear, "270", "6", "262", "6", "0", "0", "3", "1", "0", "0",
                "4200.5", "1300", "6800", "1250000", "12", "2", "2", "test");
        for (int i = 0; i < COLUMNS.size(); i++) {
            cells.put(COLUMNS.get(i), values.get(i));
        }
        for (int i = 0; i + 1 < replacements.length; i += 2) {
            if (!cells.containsKey(replacements[i])) {
                throw new IllegalArgumentException(replacements[i]);
            }
            cells.put(replacements[i], replacements[i + 1]);
        }
        return String.join(",", cells.values()) + "\n";
    }

    static String path(String school, String year) {
        return "/schools/v1/schools/" + school + "/years/" + year;
    }

    @Test
    void csvImportCreatesFactsFromGradeColumns() {
        String csv = HEADER
                + row(PRIMARY, "2022Sep")
                + row(JUNIOR, "2022Sep", "p1Pupils", "", "p1Classes", "", "p2Pupils", "", "p2Classes", "",
                        "j1Pupils", "452", "j1Classes", "10", "classesOver45", "", "classesOver50", "",
                        "classesOver55", "", "classesOver65", "", "supportFloorArea", "");
        post(feed(), "school-years", CSV, csv).then().statusCode(200)
                .body("resourceType", equalTo("school-year"))
                .body("status", equalTo("applied"))
                .body("rows", equalTo(2))
                .body("created", equalTo(2))
                .body("rejected", equalTo(0));
        given().auth().oauth2(Tokens.admin()).when().get(path(PRIMARY, "2022Sep"))
                .then().statusCode(200)
                .body("grades.grade", contains("p1", "p2"))
                .body("pupils", equalTo(532))
                .body("classes", equalTo(12))
                .body("classSizes.classesOver45", equalTo(3))
                .body("teachingFloorArea", equalTo(4200.5f));
        given().auth().oauth2(Tokens.admin()).when().get(path(JUNIOR, "2022Sep"))
                .then().statusCode(200)
                .body("grades.grade", contains("j1"))
                .body("classSizes", nullValue())
                .body("supportFloorArea", nullValue());
    }

    @Test
    void jsonRowsUseTheNestedFactsShape() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("school", PRIMARY);
        row.put("schoolYear", "2021Sep");
        row.put("grades", List.of(Map.of("grade", "p1", "pupils", 250, "classes", 6)));
        row.put("teachingFloorArea", 4000);
        row.put("sportsGroundArea", 6000);
        row.put("equipmentValue", 1000000);
        row.put("multimediaClassrooms", 10);
        row.put("musicRooms", 1);
        row.put("artRooms", 1);
        given().auth().oauth2(feed()).contentType(ContentType.JSON).body(List.of(row))
                .when().post("/schools/v1/imports/school-years")
                .then().statusCode(200).body("created", equalTo(1)).body("rejected", equalTo(0));
        given().auth().oauth2(Tokens.admin()).when().get(path(PRIMARY, "2021Sep"))
                .then().statusCode(200).body("pupils", equalTo(250));
    }

    @Test
    void replayOfTheSameFileReportsEveryRowUnchangedAndJournalsNothing() {
        String csv = HEADER + row(PRIMARY, "2020Sep") + row(PRIMARY, "2019Sep", "p2Pupils", "0", "p2Classes", "0");
        post(feed(), "school-years", CSV, csv).then().statusCode(200).body("created", equalTo(2));
        long sequence = RegistryFixtures.latestSequence();

        post(feed(), "school-years", CSV, csv).then().statusCode(200)
                .body("unchanged", equalTo(2))
                .body("created", equalTo(0))
                .body("updated", equalTo(0));
        assertEquals(sequence, RegistryFixtures.latestSequence(), "unchanged rows write no change-feed entry");

        // the same figures written differently (4200.50 for 4200.5, grades in another column order) are unchanged
        String reordered = "schoolYear,school,p2Pupils,p2Classes,p1Pupils,p1Classes,teachingFloorArea,supportFloorArea,"
                + "sportsGroundArea,equipmentValue,multimediaClassrooms,musicRooms,artRooms,source,classesOver45,"
                + "classesOver50,classesOver55,classesOver65\n"
                + "2020Sep," + PRIMARY + ",262,6,270,6,4200.50,1300.00,6800,1250000.00,12,2,2,test,3,1,0,0\n";
        post(feed(), "school-years", CSV, reordered).then().statusCode(200).body("unchanged", equalTo(1));

        post(feed(), "school-years", CSV, csv.replace("1250000", "1400000")).then().statusCode(200)
                .body("updated", equalTo(2));
        given().auth().oauth2(Tokens.admin()).when().get(path(PRIMARY, "2019Sep"))
                .then().body("equipmentValue", equalTo(1400000f))
                .body("grades.grade", contains("p1"));
    }

    @Test
    void bestEffortKeepsValidRowsAndReportsEachBadOneByColumn() {
        String csv = HEADER
                + row(PRIMARY, "2018Sep")
                + row(PRIMARY, "2017Sep", "p1Classes", "0")
                + row(PRIMARY, "2016Sep", "j1Pupils", "45", "j1Classes", "1")
                + row(PRIMARY, "2015Sep", "classesOver55", "2")
                + row(PRIMARY, "2014", "p1Pupils", "270")
                + row(PRIMARY, "2013Sep", "p2Pupils", "-3")
                + row(PRIMARY, "2012Sep", "teachingFloorArea", "")
                + row(PRIMARY, "2011Sep", "p2Classes", "six")
                + row("", "2010Sep");
        post(feed(), "school-years", CSV, csv, "mode", "best-effort").then().statusCode(200)
                .body("status", equalTo("applied"))
                .body("rows", equalTo(9))
                .body("created", equalTo(1))
                .body("rejected", equalTo(8))
                .body("errors.find { it.row == 2 }.field", equalTo("p1Classes"))
                .body("errors.find { it.row == 2 }.code", equalTo("missing_classes"))
                .body("errors.find { it.row == 3 }.field", equalTo("j1Pupils"))
                .body("errors.find { it.row == 3 }.code", equalTo("grade_not_offered"))
                .body("errors.find { it.row == 4 }.field", equalTo("classesOver55"))
                .body("errors.find { it.row == 4 }.code", equalTo("not_monotonic"))
                .body("errors.find { it.row == 5 }.field", equalTo("schoolYear"))
                .body("errors.find { it.row == 5 }.code", equalTo("invalid_school_year"))
                .body("errors.find { it.row == 6 }.field", equalTo("p2Pupils"))
                .body("errors.find { it.row == 6 }.code", equalTo("positive_or_zero"))
                .body("errors.find { it.row == 7 }.field", equalTo("teachingFloorArea"))
                .body("errors.find { it.row == 7 }.code", equalTo("not_null"))
                .body("errors.find { it.row == 8 }.field", equalTo("p2Classes"))
                .body("errors.find { it.row == 8 }.code", equalTo("invalid_value"))
                .body("errors.find { it.row == 9 }.field", equalTo("school"))
                .body("errors.find { it.row == 9 }.code", equalTo("required"));
        given().auth().oauth2(Tokens.admin()).when().get(path(PRIMARY, "2018Sep")).then().statusCode(200);
        given().auth().oauth2(Tokens.admin()).when().get(path(PRIMARY, "2017Sep")).then().statusCode(404);
    }

    @Test
    void atomicImportWithOneBadRowKeepsNothing() {
        String csv = HEADER
                + row(PRIMARY, "2009Sep")
                + row(JUNIOR, "2009Sep");
        post(feed(), "school-years", CSV, csv).then().statusCode(200)
                .body("status", equalTo("rejected"))
                .body("created", equalTo(0))
                .body("rejected", equalTo(1))
                .body("errors.row", contains(2, 2))
                .body("errors.field", contains("p1Pupils", "p2Pupils"))
                .body("errors.code", contains("grade_not_offered", "grade_not_offered"));
        given().auth().oauth2(Tokens.admin()).when().get(path(PRIMARY, "2009Sep")).then().statusCode(404);
    }

    @Test
    void dryRunCountsButKeepsNothing() {
        post(feed(), "school-years", CSV, HEADER + row(PRIMARY, "2008Sep"), "dryRun", "true").then().statusCode(200)
                .body("status", equalTo("dry-run"))
                .body("created", equalTo(1));
        given().auth().oauth2(Tokens.admin()).when().get(path(PRIMARY, "2008Sep")).then().statusCode(404);
    }

    @Test
    void rowsOutsideTheCallersScopeAreRejectedLikeThePut() {
        // a district official who also keeps one school's returns reads the district but writes only that school
        String official = Tokens.role("bureau-analyst", "school-clerk").region("320113").school(PRIMARY).get();
        String csv = HEADER
                + row(PRIMARY, "2007Sep")
                + row(JUNIOR, "2007Sep", "p1Pupils", "", "p1Classes", "", "p2Pupils", "", "p2Classes", "",
                        "j1Pupils", "452", "j1Classes", "10")
                + row(XINWU, "2007Sep");
        post(official, "school-years", CSV, csv, "mode", "best-effort").then().statusCode(200)
                .body("created", equalTo(1))
                .body("rejected", equalTo(2))
                .body("errors.find { it.row == 2 }.code", equalTo("forbidden"))
                // writes out of scope are forbidden, as for the PUT, whether or not the caller can see the school
                .body("errors.find { it.row == 3 }.code", equalTo("forbidden"));
        post(feed(), "school-years", CSV, HEADER + row(XINWU, "2007Sep")).then().statusCode(200)
                .body("status", equalTo("rejected"))
                .body("errors[0].code", equalTo("forbidden"));
        given().auth().oauth2(Tokens.admin()).when().get(path(JUNIOR, "2007Sep")).then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).when().get(path(XINWU, "2007Sep")).then().statusCode(404);
    }

    @Test
    void sameIdempotencyKeyReplaysTheFirstReportAndADifferentBodyIs422() {
        String csv = HEADER + row(PRIMARY, "2006Sep");
        postWithKey(feed(), "school-years", CSV, csv, "stats-2006").then().statusCode(200)
                .body("created", equalTo(1));
        postWithKey(feed(), "school-years", CSV, csv, "stats-2006").then().statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("created", equalTo(1));
        postWithKey(feed(), "school-years", CSV, csv.replace("1250000", "1250001"), "stats-2006")
                .then().statusCode(422)
                .body("type", equalTo("urn:dengta:problem:idempotency-key-reused"));
        given().auth().oauth2(Tokens.admin()).when().get(path(PRIMARY, "2006Sep"))
                .then().body("equipmentValue", equalTo(1250000f));
    }

    @Test
    void putWithTheSameBodyWritesNothingAndABodyForAnotherKeyIs400() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("grades", List.of(Map.of("grade", "p1", "pupils", 250, "classes", 6)));
        body.put("teachingFloorArea", 4000.5);
        body.put("sportsGroundArea", 6000);
        body.put("equipmentValue", 1000000);
        body.put("multimediaClassrooms", 10);
        body.put("musicRooms", 1);
        body.put("artRooms", 1);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .when().put(path(PRIMARY, "2005Sep")).then().statusCode(201);
        long sequence = RegistryFixtures.latestSequence();
        body.put("school", PRIMARY);
        body.put("schoolYear", "2005Sep");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .when().put(path(PRIMARY, "2005Sep")).then().statusCode(200).body("version", equalTo(0));
        assertEquals(sequence, RegistryFixtures.latestSequence());

        body.put("school", JUNIOR);
        body.put("schoolYear", "2004Sep");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .when().put(path(PRIMARY, "2005Sep")).then().statusCode(400)
                .body("errors.pointer", contains("/school", "/schoolYear"))
                .body("errors.code", contains("mismatch", "mismatch"));
    }
}
