package io.dengta.indicators.framework;

import static io.dengta.indicators.catalog.CatalogFixtures.body;
import static io.dengta.indicators.catalog.CatalogFixtures.percentIndicator;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * V49's upgrade path: a version seeded before leaves could pin a stage gets the seed file's pins, keeps everything
 * else, changes its ETag and is journalled; a second run changes nothing.
 */
@QuarkusTest
class FrameworkSeedsTest {

    private static final String VERSION = "/indicators/v1/frameworks/zz-seed-pin/versions/2018";

    @Inject
    DataSource dataSource;

    @Test
    void pinsTheSeedFilesStagesIntoAVersionSeededWithoutThem() throws Exception {
        percentIndicator("zz.fw_seed_staged", List.of("primary", "junior"));
        percentIndicator("zz.fw_seed_plain", List.of());
        String admin = Tokens.admin();
        given().auth().oauth2(admin).when().delete(VERSION).then().statusCode(oneOf(204, 404));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body("name", "测试:种子补钉学段", "source", "test"))
                .when().put("/indicators/v1/frameworks/zz-seed-pin").then().statusCode(oneOf(200, 201));
        // as V12 stored it before pins existed (an administrator's illustrative flag on the plain leaf is kept)
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body("source", "test", "dimensions", List.of(
                body("code", "one", "name", "一", "indicators", List.of(
                        body("indicator", "zz.fw_seed_staged", "weight", 60, "target", 90),
                        body("indicator", "zz.fw_seed_plain", "weight", 40, "target", 90, "illustrativeWeight", true))))))
                .when().put(VERSION).then().statusCode(201);
        int before = given().auth().oauth2(admin).when().get(VERSION).then().statusCode(200).extract().path("version");

        try (Connection c = dataSource.getConnection()) {
            assertEquals(1, FrameworkSeeds.pinStages(c, "reference-data/test-framework-pins.json", new ObjectMapper()));
            assertEquals(0, FrameworkSeeds.pinStages(c, "reference-data/test-framework-pins.json", new ObjectMapper()));
        }

        given().auth().oauth2(admin).when().get(VERSION).then().statusCode(200)
                .body("version", equalTo(before + 1))
                .body("dimensions[0].indicators[0].stage", equalTo("junior"))
                .body("dimensions[0].indicators[0].note", equalTo("scored on junior"))
                .body("dimensions[0].indicators[1].stage", nullValue())
                .body("dimensions[0].indicators[1].illustrativeWeight", equalTo(true));
        given().auth().oauth2(admin).queryParam("resourceType", "framework-version").queryParam("key", "zz-seed-pin/2018")
                .when().get("/indicators/v1/audit").then().statusCode(200)
                .body("[0].subject", equalTo("flyway:reference-data"))
                .body("[0].operation", equalTo("update"));
    }
}
