package io.dengta.indicators.observation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Imports are decided and written a batch (500 rows) at a time: these prove that batches change nothing of
 * what an import means — duplicates and rejected rows across and inside batches, both modes, replays that
 * write nothing, one history and feed entry per change, and a gapless feed next to concurrent PUTs.
 */
@QuarkusTest
class ObservationImportBatchTest {

    private static final String IMPORTS = ObservationImportTest.IMPORTS;

    /** Rows of one test: its own indicator and schools (3201138T00–99), 100 per school year from 2001Sep. */
    private static String csv(String indicator, int test, int rows, IntFunction<String> value) {
        StringBuilder csv = new StringBuilder(ObservationImportTest.HEADER);
        for (int i = 0; i < rows; i++) {
            csv.append(row(indicator, test, i, value.apply(i)));
        }
        return csv.toString();
    }

    private static String row(String indicator, int test, int i, String value) {
        return "%s,3201138%d%02d,320113,%dSep,,%s,,,,batch-test,\n".formatted(indicator, test, i % 100, 2001 + i / 100,
                value);
    }

    private static String path(String indicator, int test, int i) {
        return ObservationResourceTest.BASE + "%s/3201138%d%02d/%dSep".formatted(indicator, test, i % 100, 2001 + i / 100);
    }

    private static JsonPath post(String body, String mode) {
        return given().auth().oauth2(ObservationResourceTest.feed()).contentType("text/csv").queryParam("mode", mode)
                .body(body).when().post(IMPORTS).then().statusCode(200).extract().jsonPath();
    }

    /** Changes after {@code after}, oldest first. */
    private static List<Map<String, Object>> changesAfter(long after) {
        List<Map<String, Object>> all = new ArrayList<>();
        while (true) {
            JsonPath page = given().auth().oauth2(Tokens.admin()).queryParam("after", after).queryParam("limit", 1000)
                    .get("/indicators/v1/changes").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            if (items.isEmpty()) {
                return all;
            }
            all.addAll(items);
            after = page.getLong("next");
        }
    }

    private static void assertGapless(long start, List<Map<String, Object>> changes) {
        for (int i = 0; i < changes.size(); i++) {
            assertEquals(start + i + 1, ((Number) changes.get(i).get("sequence")).longValue(), "feed entry " + i);
        }
    }

    @Test
    void aFileOfSeveralBatchesWritesEveryRowWithOneHistoryAndFeedEntryEach() {
        long start = ChangeFeedTest.head();
        String body = csv("health.obesity_rate", 1, 1234, i -> (i % 30) + ".5");
        JsonPath report = post(body, "atomic");
        assertEquals("applied", report.getString("status"));
        assertEquals(1234, report.getInt("created"));

        List<Map<String, Object>> changes = changesAfter(start);
        assertEquals(1234, changes.size());
        assertGapless(start, changes);
        assertEquals("health.obesity_rate/3201138100/2001Sep", changes.get(0).get("key"));
        assertEquals("3201138100", changes.get(0).get("school"));
        assertEquals("320113", changes.get(0).get("region"));
        assertEquals("health.obesity_rate/3201138133/2013Sep", changes.get(1233).get("key"));

        given().auth().oauth2(Tokens.admin()).get(path("health.obesity_rate", 1, 777)).then().statusCode(200)
                .body("value", equalTo(27.5f)).body("version", equalTo(0)).body("source", equalTo("batch-test"));
        given().auth().oauth2(Tokens.admin()).get(path("health.obesity_rate", 1, 777) + "/history").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].operation", equalTo("create"))
                .body("items[0].subject", equalTo("nanjing-feed"))
                .body("items[0].requestId", notNullValue())
                .body("items[0].after.value", equalTo(27.5f))
                .body("items[0].after.version", equalTo(0));
    }

    @Test
    void aReplayReportsEveryRowUnchangedAndWritesNoHistoryNorFeed() {
        String body = csv("health.obesity_rate", 2, 1100, i -> (i % 40) + ".25");
        assertEquals(1100, post(body, "atomic").getInt("created"));
        long start = ChangeFeedTest.head();
        for (String mode : List.of("atomic", "best-effort")) {
            JsonPath replay = post(body.replace(".25,", ".250,"), mode);
            assertEquals("applied", replay.getString("status"));
            assertEquals(1100, replay.getInt("unchanged"));
            assertEquals(0, replay.getInt("created") + replay.getInt("updated") + replay.getInt("rejected"));
        }
        assertEquals(start, ChangeFeedTest.head(), "an unchanged row is written nowhere");
        given().auth().oauth2(Tokens.admin()).get(path("health.obesity_rate", 2, 1050) + "/history").then().statusCode(200)
                .body("items", hasSize(1));
    }

    @Test
    void aReplayWithSomeChangedRowsUpdatesOnlyThemWithBeforeAndAfter() {
        String body = csv("health.obesity_rate", 3, 1200, i -> (i % 40) + ".5");
        post(body, "atomic");
        long start = ChangeFeedTest.head();
        String changed = csv("health.obesity_rate", 3, 1200, i -> i % 250 == 7 ? "41.5" : (i % 40) + ".5");
        JsonPath report = post(changed, "best-effort");
        assertEquals(5, report.getInt("updated"));
        assertEquals(1195, report.getInt("unchanged"));
        List<Map<String, Object>> changes = changesAfter(start);
        assertEquals(5, changes.size());
        assertGapless(start, changes);
        given().auth().oauth2(Tokens.admin()).get(path("health.obesity_rate", 3, 507) + "/history").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].operation", equalTo("update"))
                .body("items[0].before.value", equalTo(27.5f))
                .body("items[0].after.value", equalTo(41.5f))
                .body("items[0].after.version", equalTo(1));
        given().auth().oauth2(Tokens.admin()).get(path("health.obesity_rate", 3, 507)).then().statusCode(200)
                .body("version", equalTo(1)).body("value", equalTo(41.5f));
    }

    @Test
    void aKeyRepeatedInALaterBatchIsADuplicateInBothModes() {
        StringBuilder body = new StringBuilder(csv("health.obesity_rate", 4, 900, i -> "12.5"));
        body.append(row("health.obesity_rate", 4, 3, "13.5")); // row 901: the key of row 4, two batches later
        body.append(row("health.obesity_rate", 4, 899, "13.5")); // row 902: the key of row 900, in the same batch
        JsonPath atomic = post(body.toString(), "atomic");
        assertEquals("rejected", atomic.getString("status"));
        assertEquals(List.of(901, 902), atomic.getList("errors.row"));
        given().auth().oauth2(Tokens.admin()).get(path("health.obesity_rate", 4, 3)).then().statusCode(404);

        JsonPath bestEffort = post(body.toString(), "best-effort");
        assertEquals(900, bestEffort.getInt("created"));
        assertEquals(List.of(901, 902), bestEffort.getList("errors.row"));
        assertEquals(List.of("duplicate_key", "duplicate_key"), bestEffort.getList("errors.code"));
        given().auth().oauth2(Tokens.admin()).get(path("health.obesity_rate", 4, 3)).then().statusCode(200)
                .body("value", equalTo(12.5f));
    }

    @Test
    void aRejectedRowInTheMiddleOfABatchRejectsOnlyItInBestEffortAndEverythingInAtomic() {
        // row 650, in the second batch, is out of range
        String body = csv("health.obesity_rate", 5, 1100, i -> i == 649 ? "101" : "20.5");
        long start = ChangeFeedTest.head();
        JsonPath atomic = post(body, "atomic");
        assertEquals("rejected", atomic.getString("status"));
        assertEquals(List.of(650), atomic.getList("errors.row"));
        assertEquals("out_of_range", atomic.getString("errors[0].code"));
        assertEquals(0, atomic.getInt("created"));
        assertEquals(start, ChangeFeedTest.head(), "an atomic import with a rejected row keeps nothing");
        given().auth().oauth2(Tokens.admin()).get(path("health.obesity_rate", 5, 0)).then().statusCode(404);

        JsonPath bestEffort = post(body, "best-effort");
        assertEquals("applied", bestEffort.getString("status"));
        assertEquals(1099, bestEffort.getInt("created"));
        assertEquals(List.of(650), bestEffort.getList("errors.row"));
        List<Map<String, Object>> changes = changesAfter(start);
        assertEquals(1099, changes.size());
        assertGapless(start, changes);
        given().auth().oauth2(Tokens.admin()).get(path("health.obesity_rate", 5, 648)).then().statusCode(200);
        given().auth().oauth2(Tokens.admin()).get(path("health.obesity_rate", 5, 649)).then().statusCode(404);
    }

    @Test
    void aDryRunOfSeveralBatchesCountsWhatWouldHappenAndWritesNothing() {
        String body = csv("health.obesity_rate", 6, 800, i -> "30.5");
        post(csv("health.obesity_rate", 6, 300, i -> "30.5"), "atomic");
        long start = ChangeFeedTest.head();
        JsonPath dry = given().auth().oauth2(ObservationResourceTest.feed()).contentType("text/csv")
                .queryParam("dryRun", "true").body(body.replace("3201138699,320113,2008Sep,,30.5", "3201138699,320113,2008Sep,,130.5"))
                .when().post(IMPORTS).then().statusCode(200).extract().jsonPath();
        assertEquals("dry-run", dry.getString("status"));
        assertEquals(300, dry.getInt("unchanged"));
        assertEquals(499, dry.getInt("created"));
        assertEquals(List.of(800), dry.getList("errors.row"));
        assertEquals(start, ChangeFeedTest.head());
        given().auth().oauth2(Tokens.admin()).get(path("health.obesity_rate", 6, 500)).then().statusCode(404);
    }

    @Test
    void aDeletedObservationImportedAgainIsCreatedAnew() {
        post(csv("health.obesity_rate", 7, 3, i -> "10.5"), "atomic");
        given().auth().oauth2(Tokens.admin()).delete(path("health.obesity_rate", 7, 1)).then().statusCode(204);
        JsonPath report = post(csv("health.obesity_rate", 7, 3, i -> "10.5"), "atomic");
        assertEquals(1, report.getInt("created"));
        assertEquals(2, report.getInt("unchanged"));
        given().auth().oauth2(Tokens.admin()).get(path("health.obesity_rate", 7, 1)).then().statusCode(200)
                .body("version", equalTo(2));
        given().auth().oauth2(Tokens.admin()).get(path("health.obesity_rate", 7, 1) + "/history").then().statusCode(200)
                .body("items.operation", equalTo(List.of("create", "delete", "create")));
    }

    @Test
    void importsAndConcurrentPutsLoseNoFeedEntry() throws Exception {
        long start = ChangeFeedTest.head();
        int rows = 1500;
        int puts = 30;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<JsonPath>> imports = new ArrayList<>();
            for (String mode : List.of("atomic", "best-effort")) {
                int test = mode.equals("atomic") ? 8 : 9;
                String body = csv("health.obesity_rate", test, rows, i -> (i % 50) + ".5");
                imports.add(pool.submit(() -> post(body, mode)));
            }
            List<Future<Integer>> answers = new ArrayList<>();
            for (int p = 0; p < puts; p++) {
                // half of them on keys the imports write too
                String target = p % 2 == 0 ? path("health.obesity_rate", 8 + p % 4 / 2, p * 37)
                        : ObservationResourceTest.BASE + "health.obesity_rate/32011387%02d/2030Sep".formatted(p);
                answers.add(pool.submit(() -> given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                        .body("{\"region\": \"320113\", \"value\": 66.5, \"source\": \"concurrent-put\"}")
                        .when().put(target).then().extract().statusCode()));
            }
            for (Future<Integer> f : answers) {
                int status = f.get(2, TimeUnit.MINUTES);
                assertTrue(status == 200 || status == 201, "PUT answered " + status);
            }
            int written = 0;
            for (Future<JsonPath> f : imports) {
                JsonPath report = f.get(2, TimeUnit.MINUTES);
                assertEquals("applied", report.getString("status"), report.prettify());
                assertEquals(rows, report.getInt("created") + report.getInt("updated") + report.getInt("unchanged"));
                written += report.getInt("created") + report.getInt("updated");
            }
            List<Map<String, Object>> changes = changesAfter(start);
            assertGapless(start, changes);
            assertEquals(written + puts, changes.size(), "one feed entry per change, none lost");
            Set<Object> keys = new HashSet<>();
            changes.forEach(c -> keys.add(c.get("key")));
            for (int p = 1; p < puts; p += 2) {
                assertTrue(keys.contains("health.obesity_rate/32011387%02d/2030Sep".formatted(p)), "PUT " + p + " in the feed");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
