package io.dengta.indicators.benchmark;

import static io.dengta.indicators.benchmark.BenchmarkFixtures.COLLECTION;
import static io.dengta.indicators.benchmark.BenchmarkFixtures.seedGroup;
import static io.dengta.indicators.benchmark.BenchmarkFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class BenchmarkGroupResourceTest {

    private static final String ANALYST = Tokens.role("bureau-analyst").region("320113").get();

    private static long feedHead() {
        long after = 0;
        while (true) {
            Response page = given().auth().oauth2(Tokens.admin()).queryParam("after", after).queryParam("limit", 1000)
                    .get("/indicators/v1/changes");
            long next = ((Number) page.path("next")).longValue();
            if (next == after) {
                return after;
            }
            after = next;
        }
    }

    @Test
    void createsReadsReplacesAndDeletesAGroupUnderOptimisticConcurrency() {
        String name = unique("学龙岗、赶新吴、超太仓");
        Response created = given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body(seedGroup(name))
                .when().post(COLLECTION);
        created.then().statusCode(201)
                .header("Location", containsString(COLLECTION + "/"))
                .body("owner", equalTo("320113"))
                .body("name", equalTo(name))
                .body("peers.region", equalTo(List.of("440307", "320214", "320585")))
                .body("peers.role", equalTo(List.of("lighthouse", "catch-up", "catch-up")))
                .body("peers[0].name", equalTo("深圳市龙岗区"))
                .body("version", equalTo(0))
                .body("createdAt", notNullValue());
        String id = created.path("id");
        String etag = created.header("ETag");

        given().auth().oauth2(ANALYST).when().get(COLLECTION + "/" + id)
                .then().statusCode(200).header("ETag", equalTo(etag)).body("description", equalTo("学龙岗、赶新吴、超太仓"));
        given().auth().oauth2(ANALYST).header("If-None-Match", etag).when().get(COLLECTION + "/" + id)
                .then().statusCode(304);

        String replaced = """
                {"owner": "320113", "name": "%s", "peers": [
                  {"region": "320585", "role": "catch-up", "name": "苏州市太仓市"},
                  {"region": "440307", "role": "lighthouse"},
                  {"region": "320115", "role": "peer"}]}""".formatted(name);
        String current = given().auth().oauth2(ANALYST).contentType(ContentType.JSON).header("If-Match", etag)
                .body(replaced).when().put(COLLECTION + "/" + id)
                .then().statusCode(200)
                .body("peers.region", equalTo(List.of("320585", "440307", "320115")))
                .body("peers.role", equalTo(List.of("catch-up", "lighthouse", "peer")))
                .body("version", equalTo(1))
                .extract().header("ETag");
        // a writer who read the first version gets 412 and changes nothing
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).header("If-Match", etag)
                .body(seedGroup(name)).when().put(COLLECTION + "/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(ANALYST).header("If-Match", etag).when().delete(COLLECTION + "/" + id)
                .then().statusCode(412);
        // an identical replacement writes nothing
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).header("If-Match", current)
                .body(replaced).when().put(COLLECTION + "/" + id)
                .then().statusCode(200).body("version", equalTo(1));

        given().auth().oauth2(ANALYST).header("If-Match", current).when().delete(COLLECTION + "/" + id)
                .then().statusCode(204);
        given().auth().oauth2(ANALYST).when().get(COLLECTION + "/" + id).then().statusCode(404);
    }

    @Test
    void changeFeedAndAuditRecordEveryWriteUnderTheOwnerRegion() {
        long start = feedHead();
        String name = unique("feed");
        String id = BenchmarkFixtures.create(seedGroup(name));
        String etag = given().auth().oauth2(Tokens.admin()).get(COLLECTION + "/" + id).header("ETag");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(seedGroup(name + " v2")).put(COLLECTION + "/" + id).then().statusCode(200);
        given().auth().oauth2(Tokens.admin()).delete(COLLECTION + "/" + id).then().statusCode(204);

        given().auth().oauth2(Tokens.role("data-feed").region("320100").get()).queryParam("after", start)
                .queryParam("resourceType", "benchmark-group")
                .when().get("/indicators/v1/changes")
                .then().statusCode(200)
                .body("items.key", equalTo(List.of(id, id, id)))
                .body("items.operation", equalTo(List.of("upsert", "upsert", "delete")))
                .body("items[0].region", equalTo("320113"));
        given().auth().oauth2(Tokens.role("bureau-analyst").region("320115").get()).queryParam("after", start)
                .queryParam("resourceType", "benchmark-group")
                .when().get("/indicators/v1/changes")
                .then().statusCode(200).body("items.key", not(hasItem(id)));
        given().auth().oauth2(Tokens.admin()).queryParam("resourceType", "benchmark-group").queryParam("key", id)
                .when().get("/indicators/v1/audit")
                .then().statusCode(200)
                .body("operation", equalTo(List.of("delete", "update", "create")))
                .body("[1].before.name", equalTo(name))
                .body("[1].after.name", equalTo(name + " v2"));
    }

    @Test
    void rejectsInconsistentGroupsWithEveryProblemAtOnce() {
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body("""
                {"owner": "320113", "name": "bad", "peers": [
                  {"region": "320113", "role": "peer"},
                  {"region": "440307", "role": "lighthouse"},
                  {"region": "440307", "role": "catch-up"},
                  {"region": "990101", "role": "peer"}]}""")
                .when().post(COLLECTION)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.pointer", equalTo(List.of("/peers/0/region", "/peers/2/region", "/peers/3/region")))
                .body("errors.code", equalTo(List.of("owner_as_peer", "duplicate_peer", "unknown_region_format")));
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON)
                .body("{\"owner\": \"320113\", \"name\": \"no peers\", \"peers\": []}")
                .when().post(COLLECTION)
                .then().statusCode(400).body("errors.code", equalTo(List.of("no_peers")));
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON)
                .body("{\"owner\": \"32011\", \"name\": \" \", \"peers\": [{\"region\": \"440307\", \"role\": \"leader\"}]}")
                .when().post(COLLECTION)
                .then().statusCode(400).body("errors.size()", equalTo(3));
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON)
                .body("{\"owner\": \"320113\", \"name\": \"x\", \"peers\": [{\"region\": \"440307\", \"role\": \"peer\"}], \"colour\": 1}")
                .when().post(COLLECTION)
                .then().statusCode(400);
        given().auth().oauth2(ANALYST).when().get(COLLECTION + "/not-a-uuid").then().statusCode(400);
    }

    @Test
    void aSecondGroupOfTheSameOwnerAndNameIsAConflict() {
        String name = unique("twice");
        String id = BenchmarkFixtures.create(seedGroup(name));
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).body(seedGroup(name))
                .when().post(COLLECTION)
                .then().statusCode(409).body("detail", containsString(id));
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyAnswersTheFirstGroup() {
        String name = unique("retried");
        String key = "bg-" + name;
        String first = given().auth().oauth2(ANALYST).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(seedGroup(name)).when().post(COLLECTION).then().statusCode(201).extract().path("id");
        given().auth().oauth2(ANALYST).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(seedGroup(name)).when().post(COLLECTION)
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
    }

    @Test
    void listsPageByKeysetAndFilterByOwnerPeerAndRole() {
        String prefix = unique("paged");
        for (int i = 0; i < 3; i++) {
            BenchmarkFixtures.create(seedGroup(prefix + " " + i));
        }
        Response page = given().auth().oauth2(ANALYST).queryParam("q", prefix).queryParam("limit", 2)
                .when().get(COLLECTION);
        page.then().statusCode(200).body("items.name", equalTo(List.of(prefix + " 0", prefix + " 1")));
        given().auth().oauth2(ANALYST).queryParam("q", prefix).queryParam("limit", 2)
                .queryParam("cursor", page.path("next").toString())
                .when().get(COLLECTION)
                .then().statusCode(200).body("items.name", equalTo(List.of(prefix + " 2"))).body("next", equalTo(null));
        given().auth().oauth2(ANALYST).queryParam("q", prefix).queryParam("peer", "440307").queryParam("role", "lighthouse")
                .queryParam("owner", "320100").queryParam("includeTotal", "true")
                .when().get(COLLECTION)
                .then().statusCode(200).body("total", equalTo(3));
        given().auth().oauth2(ANALYST).queryParam("q", prefix).queryParam("peer", "440307").queryParam("role", "peer")
                .when().get(COLLECTION)
                .then().statusCode(200).body("items.size()", equalTo(0));
        given().auth().oauth2(ANALYST).queryParam("sort", "colour").queryParam("role", "leader")
                .when().get(COLLECTION)
                .then().statusCode(400);
    }
}
