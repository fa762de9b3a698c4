package io.dengta.indicators.benchmark;

import static io.dengta.indicators.benchmark.BenchmarkFixtures.COLLECTION;
import static io.dengta.indicators.benchmark.BenchmarkFixtures.seedGroup;
import static io.dengta.indicators.benchmark.BenchmarkFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Who may do what with a group owned by Qixia (320113): its analysts and those of Nanjing (320100) manage it;
 * every role of those scopes reads it; other regions get 404 on reads and 403 on writes; platform admins all.
 */
@QuarkusTest
class BenchmarkGroupAccessTest {

    private static final String QIXIA_ANALYST = Tokens.role("bureau-analyst").region("320113").get();
    private static final String NANJING_ANALYST = Tokens.role("bureau-analyst").region("320100").get();
    private static final String JIANGNING_ANALYST = Tokens.role("bureau-analyst").region("320115").get();
    private static final String QIXIA_VIEWER = Tokens.role("viewer").region("320113").get();
    private static final String QIXIA_FEED = Tokens.role("data-feed").region("320113").get();
    private static final String CATALOG_ADMIN = Tokens.role("catalog-admin").get();
    private static final String CLERK = Tokens.role("school-clerk").school("3201130001").get();

    private static int post(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post(COLLECTION).statusCode();
    }

    private static int get(String token, String id) {
        return given().auth().oauth2(token).when().get(COLLECTION + "/" + id).statusCode();
    }

    private static int put(String token, String id, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().put(COLLECTION + "/" + id)
                .statusCode();
    }

    private static int delete(String token, String id) {
        return given().auth().oauth2(token).when().delete(COLLECTION + "/" + id).statusCode();
    }

    private static void expect(int expected, int actual, String what) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual, what);
    }

    @Test
    void createIsForAnalystsOfTheOwnerOrAParentRegionAndAdmins() {
        expect(201, post(QIXIA_ANALYST, seedGroup(unique("a"))), "Qixia analyst");
        expect(201, post(NANJING_ANALYST, seedGroup(unique("b"))), "Nanjing analyst");
        expect(201, post(Tokens.admin(), seedGroup(unique("c"))), "platform admin");
        expect(403, post(JIANGNING_ANALYST, seedGroup(unique("d"))), "Jiangning analyst");
        expect(403, post(QIXIA_VIEWER, seedGroup(unique("e"))), "Qixia viewer");
        expect(403, post(QIXIA_FEED, seedGroup(unique("f"))), "Qixia data feed");
        expect(403, post(CATALOG_ADMIN, seedGroup(unique("g"))), "catalog admin");
        expect(401, given().contentType(ContentType.JSON).body(seedGroup("h")).when().post(COLLECTION).statusCode(),
                "anonymous");
    }

    @Test
    void readsAreForEveryRoleInTheOwnersScopeAndNotFoundElsewhere() {
        String id = BenchmarkFixtures.create(seedGroup(unique("read")));
        expect(200, get(QIXIA_ANALYST, id), "Qixia analyst");
        expect(200, get(NANJING_ANALYST, id), "Nanjing analyst");
        expect(200, get(QIXIA_VIEWER, id), "Qixia viewer");
        expect(200, get(QIXIA_FEED, id), "Qixia data feed");
        expect(200, get(Tokens.admin(), id), "platform admin");
        expect(404, get(JIANGNING_ANALYST, id), "Jiangning analyst");
        expect(404, get(Tokens.role("viewer").region("440307").get(), id), "Longgang viewer (a peer is not the owner)");
        expect(404, get(CLERK, id), "school clerk");
        given().auth().oauth2(JIANGNING_ANALYST).when().get(COLLECTION)
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(QIXIA_VIEWER).queryParam("limit", 1000).when().get(COLLECTION)
                .then().statusCode(200).body("items.id", hasItem(id));
        expect(404, given().auth().oauth2(JIANGNING_ANALYST).queryParam("framework", "zz-score-test")
                .queryParam("period", "2032").when().get(COLLECTION + "/" + id + "/gaps").statusCode(), "gaps out of scope");
    }

    @Test
    void writesOutOfScopeOrRoleAreForbiddenAndInScopeAllowed() {
        String name = unique("write");
        String id = BenchmarkFixtures.create(seedGroup(name));
        expect(403, put(JIANGNING_ANALYST, id, seedGroup(name)), "Jiangning analyst replaces");
        expect(403, put(QIXIA_VIEWER, id, seedGroup(name)), "Qixia viewer replaces");
        expect(403, delete(JIANGNING_ANALYST, id), "Jiangning analyst deletes");
        expect(403, delete(QIXIA_FEED, id), "Qixia data feed deletes");
        // moving the group to a region outside the caller's scope is a write there too
        expect(403, put(QIXIA_ANALYST, id, seedGroup(name).replace("\"owner\": \"320113\"", "\"owner\": \"320115\"")),
                "Qixia analyst moves it to Jiangning");
        expect(200, put(NANJING_ANALYST, id, seedGroup(name + " renamed")), "Nanjing analyst replaces");
        expect(204, delete(QIXIA_ANALYST, id), "Qixia analyst deletes");
        expect(404, delete(QIXIA_ANALYST, id), "deleted");
    }
}
