package io.dengta.targets.plan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The demo plans encoded from the seed documents load through the API, verified against the catalog, idempotently. */
@QuarkusTest
class SeedPlansTest {

    private static final List<String> SEED_PLANS = List.of("qixia-benchmarking", "binhu-14th-five-year",
            "district-annual-2008", "wujin-2024", "xinbei-2024", "jinpu-2023");

    private static String sample(String code) throws IOException {
        try (InputStream in = SeedPlansTest.class.getResourceAsStream("/samples/plans/" + code + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everySeedPlanLoadsVerifiedAndReloadsUnchanged() throws IOException {
        for (String code : SEED_PLANS) {
            String bundle = sample(code);
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(bundle)
                    .put("/targets/v1/plans/" + code + "/bundle")
                    .then().statusCode(200)
                    .body("plan", equalTo(code))
                    .body("created", greaterThan(0))
                    .body("unverifiedTargets", emptyIterable())
                    .body("warnings", emptyIterable());
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(bundle)
                    .put("/targets/v1/plans/" + code + "/bundle")
                    .then().log().ifValidationFails().statusCode(200)
                    .body("created", equalTo(0))
                    .body("updated", equalTo(0));
        }
        given().auth().oauth2(Tokens.role("bureau-analyst").region("320113").get()).queryParam("source", "seed")
                .get("/targets/v1/plans").then().statusCode(200)
                .body("items.code", hasItem("qixia-benchmarking"))
                .body("items.code", org.hamcrest.Matchers.not(hasItem("binhu-14th-five-year")));
        given().auth().oauth2(Tokens.admin()).get("/targets/v1/plans/jinpu-2023/targets/myopia-down")
                .then().statusCode(200)
                .body("kind", equalTo("change"))
                .body("indicatorDirection", equalTo("lower-better"))
                .body("low", equalTo(-1));
    }

    @Test
    void bundleErrorsPointIntoTheBundleAndWriteNothing() {
        String bundle = """
                {"plan": {"title": "坏计划", "kind": "annual", "ownerRegion": "320113", "firstYear": 2024, "lastYear": 2024,
                          "status": "draft"},
                 "goals": [{"code": "child", "parent": "root", "title": "子"}, {"code": "root", "title": "根"}],
                 "targets": [{"code": "ok", "goal": "child", "title": "x", "kind": "milestone", "unit": "320113", "deadline": "2024"},
                             {"code": "late", "goal": "root", "title": "y", "kind": "milestone", "unit": "320113", "deadline": "2030"}]}""";
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(bundle)
                .put("/targets/v1/plans/bundle-broken/bundle")
                .then().statusCode(400)
                .body("errors.pointer", hasItem("/targets/1/deadline"));
        given().auth().oauth2(Tokens.admin()).get("/targets/v1/plans/bundle-broken").then().statusCode(404);
    }

    @Test
    void analystCannotLoadABundleForAnotherRegion() throws IOException {
        given().auth().oauth2(Tokens.role("bureau-analyst").region("320113").get()).contentType(ContentType.JSON)
                .body(sample("wujin-2024"))
                .put("/targets/v1/plans/wujin-2024/bundle").then().statusCode(403);
    }
}
