package io.dengta.commons.idempotency;

import static io.dengta.commons.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dengta.commons.testapp.IdempotencyProbe;
import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Idempotency-Key on creating POSTs: the first response is replayed for the same key and body, a
 * different body is a 422, no key runs every time, keys are per caller, and failures free the key.
 */
@QuarkusTest
class IdempotencyTest {

    private static final String ORDERS = "/test/v1/orders";

    @Inject
    IdempotencyProbe probe;

    @Inject
    DataSource dataSource;

    private static String token() {
        return Tokens.role("data-feed").region("320113").get();
    }

    private static String body(String name, int quantity) {
        return "{\"name\": \"" + name + "\", \"quantity\": " + quantity + "}";
    }

    private static Response post(String path, String token, String key, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header(Idempotency.HEADER, key);
        }
        return request.post(path);
    }

    private static String unique() {
        return UUID.randomUUID().toString();
    }

    @Test
    void sameKeyAndBodyReplaysTheFirstResponseAndRunsOnce() {
        String name = unique();
        String key = unique();
        Response first = post(ORDERS, token(), key, body(name, 3));
        first.then().statusCode(201);
        assertThat(first.header("Location"), notNullValue());
        assertThat(first.header(Idempotency.REPLAYED_HEADER), nullValue());

        Response second = post(ORDERS, token(), key, body(name, 3));
        second.then().statusCode(201);
        assertThat(second.header(Idempotency.REPLAYED_HEADER), equalTo("true"));
        assertThat(second.header("Location"), equalTo(first.header("Location")));
        assertThat(second.contentType(), equalTo("application/json"));
        assertThat(second.jsonPath().getMap(""), equalTo(first.jsonPath().getMap("")));
        assertThat(second.asString(), equalTo(first.asString()));

        post(ORDERS, token(), key, body(name, 3)).then().statusCode(201)
                .header(Idempotency.REPLAYED_HEADER, "true");
        assertThat(probe.runs(name), equalTo(1));
    }

    @Test
    void sameKeyWithADifferentBodyIs422() {
        String name = unique();
        String key = unique();
        post(ORDERS, token(), key, body(name, 3)).then().statusCode(201);
        Response reused = post(ORDERS, token(), key, body(name, 4));
        assertProblem(reused, 422, "idempotency-key-reused", ORDERS);
        assertThat(probe.runs(name), equalTo(1));
    }

    @Test
    void withoutAKeyEveryRequestRuns() {
        String name = unique();
        Response first = post(ORDERS, token(), null, body(name, 1));
        Response second = post(ORDERS, token(), null, body(name, 1));
        first.then().statusCode(201);
        second.then().statusCode(201);
        assertThat(second.header(Idempotency.REPLAYED_HEADER), nullValue());
        assertThat(second.header("Location"), not(equalTo(first.header("Location"))));
        assertThat(probe.runs(name), equalTo(2));
    }

    @Test
    void differentKeysRunSeparately() {
        String name = unique();
        post(ORDERS, token(), unique(), body(name, 1)).then().statusCode(201);
        post(ORDERS, token(), unique(), body(name, 1)).then().statusCode(201)
                .header(Idempotency.REPLAYED_HEADER, nullValue());
        assertThat(probe.runs(name), equalTo(2));
    }

    @Test
    void differentSubjectsWithTheSameKeyDoNotCollide() {
        String key = unique();
        String nameA = unique();
        String nameB = unique();
        String alice = Tokens.role("data-feed").region("320113").subject("alice").get();
        String bob = Tokens.role("data-feed").region("320113").subject("bob").get();
        Response a = post(ORDERS, alice, key, body(nameA, 1));
        Response b = post(ORDERS, bob, key, body(nameB, 2));
        a.then().statusCode(201);
        b.then().statusCode(201).header(Idempotency.REPLAYED_HEADER, nullValue()).body("name", equalTo(nameB));
        assertThat(probe.runs(nameA), equalTo(1));
        assertThat(probe.runs(nameB), equalTo(1));
        // and each still replays its own
        post(ORDERS, alice, key, body(nameA, 1)).then().statusCode(201).header(Idempotency.REPLAYED_HEADER, "true")
                .body("name", equalTo(nameA));
    }

    @Test
    void differentClientsOfTheSameSubjectDoNotCollide() {
        String key = unique();
        String name = unique();
        String viaPortal = Tokens.role("data-feed").subject("carol").client("portal").get();
        String viaFeed = Tokens.role("data-feed").subject("carol").client("nightly-feed").get();
        post(ORDERS, viaPortal, key, body(name, 1)).then().statusCode(201);
        post(ORDERS, viaFeed, key, body(name, 1)).then().statusCode(201)
                .header(Idempotency.REPLAYED_HEADER, nullValue());
        assertThat(probe.runs(name), equalTo(2));
    }

    @Test
    void actionThatThrowsFreesTheKey() {
        String name = unique();
        String key = unique();
        assertProblem(post(ORDERS + "/flaky", token(), key, body(name, 1)), 500, "internal", ORDERS + "/flaky");
        Response retry = post(ORDERS + "/flaky", token(), key, body(name, 1));
        retry.then().statusCode(201).header(Idempotency.REPLAYED_HEADER, nullValue()).body("run", equalTo(2));
        post(ORDERS + "/flaky", token(), key, body(name, 1)).then().statusCode(201)
                .header(Idempotency.REPLAYED_HEADER, "true").body("run", equalTo(2));
        assertThat(probe.runs(name), equalTo(2));
    }

    @Test
    void serverErrorResponseIsNotStored() {
        String name = unique();
        String key = unique();
        post(ORDERS + "/unavailable-once", token(), key, body(name, 1)).then().statusCode(503);
        post(ORDERS + "/unavailable-once", token(), key, body(name, 1)).then().statusCode(201)
                .header(Idempotency.REPLAYED_HEADER, nullValue());
        post(ORDERS + "/unavailable-once", token(), key, body(name, 1)).then().statusCode(201)
                .header(Idempotency.REPLAYED_HEADER, "true");
        assertThat(probe.runs(name), equalTo(2));
    }

    @Test
    void clientErrorResponseIsStoredAndReplayed() {
        String name = unique();
        String key = unique();
        post(ORDERS + "/conflicting", token(), key, body(name, 1)).then().statusCode(409).body("run", equalTo(1));
        post(ORDERS + "/conflicting", token(), key, body(name, 1)).then().statusCode(409)
                .header(Idempotency.REPLAYED_HEADER, "true").body("run", equalTo(1));
        assertThat(probe.runs(name), equalTo(1));
    }

    @Test
    void problemAnswerIsReplayedAsItWas() {
        String name = unique();
        String key = unique();
        String path = ORDERS + "/answering-with-a-problem";
        Response first = post(path, token(), key, body(name, 1));
        assertProblem(first, 409, "conflict", path);
        Response replay = post(path, token(), key, body(name, 1));
        assertThat(replay.header(Idempotency.REPLAYED_HEADER), equalTo("true"));
        assertThat(replay.statusCode(), equalTo(409));
        assertThat(replay.contentType(), equalTo(first.contentType()));
        assertThat(replay.asString(), equalTo(first.asString()));
        assertThat(probe.runs(name), equalTo(1));
    }

    @Test
    void requestStillRunningUnderTheKeyIs409() throws Exception {
        String name = unique();
        String key = unique();
        String token = token();
        probe.arm();
        CompletableFuture<Response> first = CompletableFuture
                .supplyAsync(() -> post(ORDERS + "/slow", token, key, body(name, 1)));
        try {
            assertTrue(probe.awaitEntered(), "the first request never started its action");
            Response concurrent = post(ORDERS + "/slow", token, key, body(name, 1));
            assertProblem(concurrent, 409, "conflict", ORDERS + "/slow");
        } finally {
            probe.open();
        }
        first.get(60, TimeUnit.SECONDS).then().statusCode(201);
        post(ORDERS + "/slow", token, key, body(name, 1)).then().statusCode(201)
                .header(Idempotency.REPLAYED_HEADER, "true");
        assertThat(probe.runs(name), equalTo(1));
    }

    @Test
    void recordOlderThan24HoursIsForgotten() throws Exception {
        String name = unique();
        String key = unique();
        post(ORDERS, token(), key, body(name, 1)).then().statusCode(201);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "update idempotency_record set created_at = now() - interval '25 hours' where idempotency_key = ?")) {
            s.setString(1, key);
            assertThat(s.executeUpdate(), equalTo(1));
        }
        // even a different body: the old record no longer binds the key
        post(ORDERS, token(), key, body(name, 2)).then().statusCode(201)
                .header(Idempotency.REPLAYED_HEADER, nullValue()).body("quantity", equalTo(2));
        post(ORDERS, token(), key, body(name, 2)).then().statusCode(201).header(Idempotency.REPLAYED_HEADER, "true");
        assertThat(probe.runs(name), equalTo(2));
    }

    @Test
    void keyLongerThan255CharactersIs400() {
        Response r = post(ORDERS, token(), "k".repeat(256), body(unique(), 1));
        assertThat(assertProblem(r, 400, "validation", ORDERS).getString("errors[0].pointer"),
                equalTo(Idempotency.HEADER));
        post(ORDERS, token(), (unique() + "k".repeat(255)).substring(0, 255), body(unique(), 1)).then().statusCode(201);
    }

    @Test
    void invalidBodyIsRejectedBeforeTheKeyIsClaimed() {
        String key = unique();
        String name = unique();
        assertProblem(post(ORDERS, token(), key, "{\"name\": \"\", \"quantity\": 1}"), 400, "validation", ORDERS);
        post(ORDERS, token(), key, body(name, 1)).then().statusCode(201)
                .header(Idempotency.REPLAYED_HEADER, nullValue());
        assertThat(probe.runs(name), equalTo(1));
    }
}
