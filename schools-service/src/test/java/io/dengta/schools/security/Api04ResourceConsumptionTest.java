package io.dengta.schools.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * OWASP API4:2023 Unrestricted Resource Consumption, in the service: a huge page size is refused, not
 * served (and not silently clamped); deeply nested JSON is a 400, never a stack overflow or a 500. Body
 * sizes and request rates are limited at the gateway (gateway's io.dengta.gateway.security tests).
 */
@QuarkusTest
class Api04ResourceConsumptionTest {

    @Test
    void hugeLimitIsAValidationProblemNotAHugePage() {
        for (String limit : new String[] {"1001", "100000000", "2147483648", "-1"}) {
            given().auth().oauth2(Tokens.admin()).queryParam("limit", limit)
                    .get("/schools/v1/schools")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].pointer", equalTo("limit"));
        }
    }

    @Test
    void deeplyNestedJsonIsRefusedAsMalformedNotAServerError() {
        String deep = "{\"name\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}";
        // as bytes: RestAssured would try to pretty-print a JSON string
        String answer = given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(deep.getBytes(StandardCharsets.UTF_8))
                .put("/schools/v1/schools/3201139301")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .extract().asString();

        assertFalse(answer.contains("Exception"), answer);
        assertFalse(answer.contains("\tat "), answer);
    }

    @Test
    void hugeArraysInABodyAreRefusedByTheirSizeLimits() {
        String stages = "\"primary\"," .repeat(10_000) + "\"primary\"";
        int status = given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(("{\"name\":\"大数组\",\"region\":\"320113\",\"stages\":[" + stages + "],\"ownership\":\"public\","
                        + "\"status\":\"open\"}").getBytes(StandardCharsets.UTF_8))
                .put("/schools/v1/schools/3201139302")
                .then().contentType("application/problem+json")
                .extract().statusCode();
        assertEquals(400, status);
    }
}
