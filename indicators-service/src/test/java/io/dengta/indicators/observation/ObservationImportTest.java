package io.dengta.indicators.observation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ObservationImportTest {

    static final String IMPORTS = "/indicators/v1/imports";
    static final String HEADER = "indicator,unit,region,period,stage,value,numerator,denominator,status,source,comment\n";

    private static String feed() {
        return ObservationResourceTest.feed();
    }

    private static String observation(String path) {
        return ObservationResourceTest.BASE + path;
    }

    private static long head() {
        return ChangeFeedTest.head();
    }

    @Test
    void csvImportCreatesThenAReplayChangesNothing() {
        String csv = HEADER
                + "qb.key_teachers_per100,3201133001,320113,2024Sep,primary,2.35,47,2000,submitted,qixia-edu-stats,\n"
                + "qb.key_teachers_per100,3201133001,320113,2024Sep,junior,3.1,31,1000,submitted,qixia-edu-stats,\n"
                + "pre.gross_enrollment_rate,320113,,2024,,98.6,,,approved,qixia-edu-stats,\"含 3 岁, 4 岁, 5 岁\"\n"
                + "ce.pupil_teacher_ratio,3201133001,320113,2024Sep,,16.7,1500,90,draft,qixia-edu-stats,\n";
        given().auth().oauth2(feed()).contentType("text/csv; charset=UTF-8").body(csv)
                .when().post(IMPORTS)
                .then().statusCode(200)
                .body("resourceType", equalTo("observation"))
                .body("status", equalTo("applied"))
                .body("mode", equalTo("atomic"))
                .body("rows", equalTo(4))
                .body("created", equalTo(4))
                .body("rejected", equalTo(0));
        given().auth().oauth2(Tokens.admin()).get(observation("pre.gross_enrollment_rate/320113/2024"))
                .then().statusCode(200)
                .body("stage", equalTo("kindergarten"))
                .body("comment", equalTo("含 3 岁, 4 岁, 5 岁"))
                .body("status", equalTo("approved"));

        long before = head();
        given().auth().oauth2(feed()).contentType("text/csv; charset=UTF-8").body(csv.replace("2.35", "2.350"))
                .when().post(IMPORTS)
                .then().statusCode(200)
                .body("unchanged", equalTo(4))
                .body("created", equalTo(0))
                .body("updated", equalTo(0));
        org.junit.jupiter.api.Assertions.assertEquals(before, head(), "an unchanged row is written nowhere, not even in the feed");
        given().auth().oauth2(Tokens.admin()).queryParam("stage", "primary")
                .get(observation("qb.key_teachers_per100/3201133001/2024Sep/history"))
                .then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void aChangedRowIsUpdatedWithItsHistory() {
        String row = "cap.seats_added,320113,,2020,,%s,,,approved,qixia-projects,\n";
        given().auth().oauth2(feed()).contentType("text/csv").body(HEADER + row.formatted("1200"))
                .when().post(IMPORTS).then().statusCode(200).body("created", equalTo(1));
        given().auth().oauth2(feed()).contentType("text/csv").body(HEADER + row.formatted("1250"))
                .when().post(IMPORTS).then().statusCode(200).body("updated", equalTo(1));
        given().auth().oauth2(Tokens.admin()).get(observation("cap.seats_added/320113/2020/history"))
                .then().statusCode(200)
                .body("items[0].operation", equalTo("update"))
                .body("items[0].before.value", equalTo(1200))
                .body("items[0].after.value", equalTo(1250))
                .body("items[0].subject", equalTo("nanjing-feed"));
    }

    @Test
    void jsonArraysAndThePublishersEnvelopeAreBothAccepted() {
        String rows = """
                [{"indicator": "ce.pupil_teacher_ratio", "unit": "3201133101", "region": "320113", "period": "2024Sep",
                  "value": 14.2, "source": "schools-service"},
                 {"indicator": "ce.pupil_teacher_ratio", "unit": "320113", "period": "2024Sep", "stage": "primary",
                  "value": 15.0, "numerator": 30000, "denominator": 2000, "source": "schools-service"}]""";
        given().auth().oauth2(feed()).contentType(ContentType.JSON).body(rows)
                .when().post(IMPORTS)
                .then().statusCode(200).body("created", equalTo(2));
        given().auth().oauth2(feed()).contentType(ContentType.JSON).body("{\"rows\": " + rows + "}")
                .when().post(IMPORTS)
                .then().statusCode(200).body("unchanged", equalTo(2));
        given().auth().oauth2(feed()).contentType(ContentType.JSON)
                .body("{\"rows\": " + rows.replace("14.2", "14.3") + "}")
                .when().post(IMPORTS)
                .then().statusCode(200).body("updated", equalTo(1)).body("unchanged", equalTo(1));
        // what schools-service's publisher sends: the envelope with an Idempotency-Key, then its replay
        given().auth().oauth2(feed()).contentType(ContentType.JSON).header("Idempotency-Key", "publish-320113-2024Sep")
                .body("{\"rows\": " + rows.replace("14.2", "14.3") + "}")
                .when().post(IMPORTS)
                .then().statusCode(200).body("unchanged", equalTo(2));
        given().auth().oauth2(feed()).contentType(ContentType.JSON).header("Idempotency-Key", "publish-320113-2024Sep")
                .body("{\"rows\": " + rows.replace("14.2", "14.3") + "}")
                .when().post(IMPORTS)
                .then().statusCode(200).header("Idempotent-Replayed", "true");
        given().auth().oauth2(feed()).contentType(ContentType.JSON).body("{\"data\": " + rows + "}")
                .when().post(IMPORTS)
                .then().statusCode(400).body("errors[0].pointer", equalTo("/data"));
        given().auth().oauth2(feed()).contentType(ContentType.JSON).body("{\"rows\": " + rows + ", \"extra\": 1}")
                .when().post(IMPORTS)
                .then().statusCode(400)
                .body("type", equalTo("urn:dengta:problem:malformed-request"))
                .body("detail", containsString("extra"));
        given().auth().oauth2(Tokens.admin()).get(observation("ce.pupil_teacher_ratio/3201133101/2024Sep"))
                .then().statusCode(200).body("value", equalTo(14.3f));
    }

    @Test
    void reportsEachKindOfBadRowWithItsRowFieldAndCode() {
        String csv = HEADER
                + "qb.nope,320113,,2024,,1,,,,,\n"                                                   // 1 unknown indicator
                + "cap.seats_added,320214,,2024,,100,,,,,\n"                                         // 2 outside scope
                + "cap.seats_added,320113,,2024Q5,,100,,,,,\n"                                       // 3 malformed period
                + "qb.class_size_compliance,3201133201,320113,2024Sep,primary,101,,,,,\n"            // 4 out of range
                + "qb.class_size_compliance,3201133202,320113,2024Sep,primary,80,30,40,,,\n"         // 5 inconsistent
                + "cap.seats_added,320113,,2019,,100,,,,,\n"                                         // 6 good
                + "cap.seats_added,320113,,2019,,100,,,,,\n"                                         // 7 duplicate of 6
                + "pre.gross_enrollment_rate,3201133203,320113,2024,,90,,,,,\n"                      // 8 school for a region indicator
                + "qb.class_size_compliance,3201133204,,2024Sep,primary,80,,,,,\n"                   // 9 school without region
                + "qb.class_size_compliance,3201133205,320113,2024Sep,,80,,,,,\n"                    // 10 stage required
                + "cap.seats_added,32011,,2024,,100,,,,,\n"                                          // 11 malformed unit
                + "cap.seats_added,320113,,2018,,abc,,,,,\n"                                         // 12 not a number
                + "qb.class_size_compliance,3202143206,320214,2024Sep,primary,80,,,,,\n";            // 13 school outside scope
        given().auth().oauth2(feed()).contentType("text/csv").queryParam("mode", "best-effort").body(csv)
                .when().post(IMPORTS)
                .then().statusCode(200)
                .body("status", equalTo("applied"))
                .body("rows", equalTo(13))
                .body("created", equalTo(1))
                .body("rejected", equalTo(12))
                .body("errors.row", equalTo(List.of(1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13)))
                .body("errors.find { it.row == 1 }.field", equalTo("indicator"))
                .body("errors.find { it.row == 1 }.code", equalTo("unknown_indicator"))
                .body("errors.find { it.row == 2 }.field", equalTo("unit"))
                .body("errors.find { it.row == 2 }.code", equalTo("out_of_scope"))
                .body("errors.find { it.row == 3 }.field", equalTo("period"))
                .body("errors.find { it.row == 3 }.code", equalTo("invalid_period"))
                .body("errors.find { it.row == 3 }.message", containsString("Q1 to Q4"))
                .body("errors.find { it.row == 4 }.field", equalTo("value"))
                .body("errors.find { it.row == 4 }.code", equalTo("out_of_range"))
                .body("errors.find { it.row == 5 }.field", equalTo("value"))
                .body("errors.find { it.row == 5 }.code", equalTo("inconsistent_ratio"))
                .body("errors.find { it.row == 7 }.code", equalTo("duplicate_key"))
                .body("errors.find { it.row == 8 }.code", equalTo("level_mismatch"))
                .body("errors.find { it.row == 9 }.field", equalTo("region"))
                .body("errors.find { it.row == 10 }.field", equalTo("stage"))
                .body("errors.find { it.row == 11 }.code", equalTo("invalid_unit"))
                .body("errors.find { it.row == 12 }.field", equalTo("value"))
                .body("errors.find { it.row == 13 }.code", equalTo("out_of_scope"));
        given().auth().oauth2(Tokens.admin()).get(observation("cap.seats_added/320113/2019")).then().statusCode(200);
    }

    @Test
    void aKeyTakenByARejectedRowIsFreeForALaterOne() {
        String csv = HEADER
                + "cap.seats_added,320113,,2017,,-5,,,,,\n"
                + "cap.seats_added,320113,,2017,,500,,,,,\n";
        given().auth().oauth2(feed()).contentType("text/csv").queryParam("mode", "best-effort").body(csv)
                .when().post(IMPORTS)
                .then().statusCode(200)
                .body("created", equalTo(1))
                .body("errors.row", equalTo(List.of(1)))
                .body("errors[0].code", equalTo("out_of_range"));
        given().auth().oauth2(Tokens.admin()).get(observation("cap.seats_added/320113/2017")).then().statusCode(200)
                .body("value", equalTo(500));
    }

    @Test
    void anAtomicImportWithABadRowKeepsNothing() {
        String csv = HEADER
                + "cap.seats_added,320113,,2016,,700,,,,,\n"
                + "cap.seats_added,320113,,2016Q5,,700,,,,,\n";
        given().auth().oauth2(feed()).contentType("text/csv").body(csv)
                .when().post(IMPORTS)
                .then().statusCode(200)
                .body("status", equalTo("rejected"))
                .body("created", equalTo(0))
                .body("rejected", equalTo(1))
                .body("errors[0].row", equalTo(2))
                .body("errors[0].field", equalTo("period"));
        given().auth().oauth2(Tokens.admin()).get(observation("cap.seats_added/320113/2016")).then().statusCode(404);
    }

    @Test
    void aDryRunCountsButKeepsNothing() {
        String csv = HEADER + "cap.seats_added,320113,,2015,,900,,,,,\n";
        long before = head();
        given().auth().oauth2(feed()).contentType("text/csv").queryParam("dryRun", "true").body(csv)
                .when().post(IMPORTS)
                .then().statusCode(200)
                .body("status", equalTo("dry-run"))
                .body("dryRun", equalTo(true))
                .body("created", equalTo(1));
        given().auth().oauth2(Tokens.admin()).get(observation("cap.seats_added/320113/2015")).then().statusCode(404);
        org.junit.jupiter.api.Assertions.assertEquals(before, head());
    }

    @Test
    void aLargeFeedIsPreparedInChunksAndDuplicatesAreFoundAcrossThem() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 1200; i++) {
            csv.append("ce.pupil_teacher_ratio,32011340%02d,320113,%s,,%d.5,,,,bulk,\n".formatted(i % 100,
                    2000 + i / 100 + "Sep", 10 + i % 7));
        }
        given().auth().oauth2(feed()).contentType("text/csv").body(csv.toString())
                .when().post(IMPORTS)
                .then().statusCode(200).body("created", equalTo(1200));
        given().auth().oauth2(feed()).contentType("text/csv").body(csv.toString())
                .when().post(IMPORTS)
                .then().statusCode(200).body("unchanged", equalTo(1200));
        String withDuplicate = csv + "ce.pupil_teacher_ratio,3201134000,320113,2000Sep,,10.5,,,,bulk,\n";
        given().auth().oauth2(feed()).contentType("text/csv").queryParam("mode", "best-effort").body(withDuplicate)
                .when().post(IMPORTS)
                .then().statusCode(200)
                .body("unchanged", equalTo(1200))
                .body("errors.row", equalTo(List.of(1201)))
                .body("errors[0].code", equalTo("duplicate_key"));
    }

    @Test
    void replaysTheFirstReportForTheSameIdempotencyKey() {
        String csv = HEADER + "cap.seats_added,320113,,2014,,300,,,,,\n";
        given().auth().oauth2(feed()).contentType("text/csv").header("Idempotency-Key", "obs-feed-2014").body(csv)
                .when().post(IMPORTS)
                .then().statusCode(200).body("created", equalTo(1));
        given().auth().oauth2(feed()).contentType("text/csv").header("Idempotency-Key", "obs-feed-2014").body(csv)
                .when().post(IMPORTS)
                .then().statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("created", equalTo(1));
        given().auth().oauth2(feed()).contentType("text/csv").header("Idempotency-Key", "obs-feed-2014")
                .body(csv.replace("300", "301"))
                .when().post(IMPORTS)
                .then().statusCode(422)
                .body("type", equalTo("urn:dengta:problem:idempotency-key-reused"));
        given().auth().oauth2(feed()).contentType("text/csv").header("Idempotency-Key", "obs-feed-2014-b").body(csv)
                .when().post(IMPORTS)
                .then().statusCode(200).body("unchanged", equalTo(1));
    }

    @Test
    void onlyPlatformAdminsAndDataFeedsImportAndOnlyKnownColumnsAndFormats() {
        for (String role : List.of("bureau-analyst", "school-clerk", "viewer", "catalog-admin")) {
            given().auth().oauth2(Tokens.role(role).region("320113").get()).contentType("text/csv").body(HEADER)
                    .when().post(IMPORTS)
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().auth().oauth2(feed()).contentType("text/csv").body("indicator,unit,valeu\ncap.seats_added,320113,1\n")
                .when().post(IMPORTS)
                .then().statusCode(400)
                .body("errors[0].pointer", equalTo("valeu"))
                .body("errors[0].code", equalTo("unknown_column"));
        given().auth().oauth2(feed()).contentType("application/xml").body("<rows/>")
                .when().post(IMPORTS)
                .then().statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(feed()).contentType(ContentType.JSON).body("[{\"indicator\": \"cap.seats_added\", \"colour\": 1}]")
                .when().post(IMPORTS)
                .then().statusCode(200)
                .body("status", equalTo("rejected"))
                .body("errors[0].code", equalTo("invalid_value"));
    }

    @Test
    void importsTheDemoSampleFiles() throws Exception {
        for (String[] sample : new String[][] { { "samples/observations.csv", "text/csv; charset=UTF-8" },
                { "samples/observations.json", "application/json" } }) {
            byte[] body;
            try (var in = getClass().getClassLoader().getResourceAsStream(sample[0])) {
                body = in.readAllBytes();
            }
            given().auth().oauth2(Tokens.admin()).contentType(sample[1]).queryParam("dryRun", "true").body(body)
                    .when().post(IMPORTS)
                    .then().statusCode(200)
                    .body("rejected", equalTo(0))
                    .body("errors", hasSize(0));
        }
    }
}
