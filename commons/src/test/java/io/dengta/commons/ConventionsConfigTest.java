package io.dengta.commons;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The shared configuration of commons (META-INF/microprofile-config.properties) and the contract filter:
 * ISO dates, links for the host the client called, open operational endpoints, problem responses in
 * the OpenAPI contract.
 */
@QuarkusTest
class ConventionsConfigTest {

    @Test
    void datesAreWrittenAsIsoStrings() {
        given().get("/test/v1/things/instant").then().statusCode(200).body("at", equalTo("2024-09-01T08:00:00Z"));
    }

    @Test
    void locationUsesTheHostTheClientCalledThroughTheGateway() {
        String location = given().auth().oauth2(Tokens.admin()).header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "dengta.example.org").post("/test/v1/documents").then().statusCode(201)
                .extract().header("Location");
        assertThat(location, startsWith("https://dengta.example.org/test/v1/documents/"));
    }

    @Test
    void healthIsOpen() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static void assertProblemResponse(JsonPath api, String path, String method, String status) {
        String response = "paths.'" + path + "'." + method + ".responses.'" + status + "'";
        assertThat(path + " " + method + " " + status, api.getMap(response), notNullValue());
        assertThat(path + " " + method + " " + status + " has a problem body",
                api.getString(response + ".content.'application/problem+json'.schema.'$ref'"),
                equalTo("#/components/schemas/Problem"));
    }

    @Test
    void contractDocumentsProblemResponses() {
        JsonPath api = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .jsonPath();
        assertThat(api.getMap("components.schemas"), hasKey("Problem"));
        assertThat(api.getMap("components.schemas"), hasKey("FieldError"));
        assertThat(api.getMap("components.securitySchemes"), hasKey("bearer"));

        for (String status : new String[] { "400", "401", "403", "415", "500" }) {
            assertProblemResponse(api, "/test/v1/things", "post", status);
        }
        assertProblemResponse(api, "/test/v1/documents/{id}", "get", "404");
        assertProblemResponse(api, "/test/v1/documents/{id}", "put", "412");
        assertProblemResponse(api, "/test/v1/documents/{id}", "put", "401");
    }
}
