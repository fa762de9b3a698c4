package io.dengta.schools.journal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class ChangeFeedTest {

    private static String school(String name) {
        return """
                {"name": "%s", "region": "320113", "stages": ["primary"], "ownership": "public", "status": "open"}"""
                .formatted(name);
    }

    private static long head() {
        long after = 0;
        while (true) {
            Response page = given().auth().oauth2(Tokens.admin()).queryParam("after", after).queryParam("limit", 1000)
                    .get("/schools/v1/changes");
            long next = ((Number) page.path("next")).longValue();
            if (next == after) {
                return after;
            }
            after = next;
        }
    }

    @Test
    void reportsUpsertsAndDeletesInOrderWithAudit() {
        long start = head();
        String code = "3201138001";
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(school("变更测试小学"))
                .put("/schools/v1/schools/" + code).then().statusCode(201);
        given().auth().oauth2(Tokens.admin()).delete("/schools/v1/schools/" + code).then().statusCode(204);

        given().auth().oauth2(Tokens.role("data-feed").region("320100").get()).queryParam("after", start)
                .when().get("/schools/v1/changes")
                .then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items[0].key", equalTo(code))
                .body("items[0].operation", equalTo("upsert"))
                .body("items[0].resourceType", equalTo("school"))
                .body("items[1].operation", equalTo("delete"))
                .body("items[1].sequence", equalTo(((Number) given().auth().oauth2(Tokens.admin())
                        .queryParam("after", start).get("/schools/v1/changes").path("next")).intValue()));

        given().auth().oauth2(Tokens.admin()).queryParam("resourceType", "school").queryParam("key", code)
                .when().get("/schools/v1/audit")
                .then().statusCode(200)
                .body("operation", equalTo(List.of("delete", "create")))
                .body("[0].before.name", equalTo("变更测试小学"))
                .body("[1].after.region", equalTo("320113"))
                .body("[1].subject", notNullValue())
                .body("[1].requestId", notNullValue());
    }

    @Test
    void feedIsScopedToTheCallersRegion() {
        long start = head();
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(school("新吴变更测试").replace("320113", "320214"))
                .put("/schools/v1/schools/3202148002").then().statusCode(201);
        given().auth().oauth2(Tokens.role("data-feed").region("320100").get()).queryParam("after", start)
                .when().get("/schools/v1/changes")
                .then().statusCode(200).body("items.size()", equalTo(0));
        given().auth().oauth2(Tokens.role("data-feed").region("320200").get()).queryParam("after", start)
                .when().get("/schools/v1/changes")
                .then().statusCode(200).body("items.key", hasItem("3202148002"));
    }

    @Test
    void onlyAdminsReadTheAuditAndViewersNotTheFeed() {
        given().auth().oauth2(Tokens.role("bureau-analyst").region("320113").get()).get("/schools/v1/audit")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.role("viewer").region("320113").get()).get("/schools/v1/changes")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).queryParam("after", "-1").get("/schools/v1/changes")
                .then().statusCode(400).body("errors[0].pointer", equalTo("after"));
    }

    @Test
    void pollingConsumerNeverMissesAChangeUnderConcurrentWriters() throws Exception {
        long start = head();
        int writers = 6;
        int writesEach = 15;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        AtomicBoolean writing = new AtomicBoolean(true);
        Set<String> written = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Future<?>> work = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            work.add(pool.submit(() -> {
                for (int i = 0; i < writesEach; i++) {
                    String code = String.format("32011370%02d", writer * writesEach + i);
                    given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(school("并发 " + code))
                            .put("/schools/v1/schools/" + code).then().statusCode(equalTo(201));
                    written.add(code);
                }
                return null;
            }));
        }
        // the consumer polls while the writers commit, keeping only its last position, as an integrator would
        Future<List<Map<String, Object>>> consumer = pool.submit(() -> {
            List<Map<String, Object>> seen = new ArrayList<>();
            long after = start;
            boolean finalPass = false;
            while (true) {
                boolean done = !writing.get();
                Response page = given().auth().oauth2(Tokens.admin()).queryParam("after", after)
                        .queryParam("limit", 7).get("/schools/v1/changes");
                List<Map<String, Object>> items = page.path("items");
                seen.addAll(items);
                after = ((Number) page.path("next")).longValue();
                if (items.isEmpty() && done) {
                    if (finalPass) {
                        return seen;
                    }
                    finalPass = true;
                }
            }
        });
        for (Future<?> f : work) {
            f.get(5, TimeUnit.MINUTES);
        }
        writing.set(false);
        List<Map<String, Object>> seen = consumer.get(5, TimeUnit.MINUTES);
        pool.shutdown();

        Set<String> seenKeys = new HashSet<>();
        long previous = start;
        for (Map<String, Object> change : seen) {
            long sequence = ((Number) change.get("sequence")).longValue();
            assertEquals(previous + 1, sequence, "sequences are consecutive: no change was skipped");
            previous = sequence;
            seenKeys.add((String) change.get("key"));
        }
        assertEquals(writers * writesEach, written.size());
        assertTrue(seenKeys.containsAll(written), "every committed write appears in the feed");
    }
}
