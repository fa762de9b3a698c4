package io.dengta.indicators.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.oneOf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dengta.testing.Tokens;
import io.restassured.http.ContentType;

/**
 * Test data of the catalog's HTTP tests. Test indicators live under the {@code zz.} prefix, so the seeded catalog
 * (and its counts) stays recognisable.
 */
public final class CatalogFixtures {

    public static final String PROBLEM = "application/problem+json";

    private CatalogFixtures() {
    }

    /** A body from alternating names and values; null values are left out. */
    public static Map<String, Object> body(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                body.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return body;
    }

    public static Map<String, Object> percentIndicator(String name) {
        return body("name", name, "unit", "%", "direction", "higher-better", "level", "region", "aggregation", "none",
                "source", "test");
    }

    /** Creates or replaces a test indicator as a platform admin. */
    public static void indicator(String code, Map<String, Object> body) {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .when().put("/indicators/v1/indicators/" + code)
                .then().statusCode(oneOf(200, 201));
    }

    public static void percentIndicator(String code, List<String> stages) {
        Map<String, Object> body = percentIndicator("测试指标 " + code);
        body.put("stages", stages);
        indicator(code, body);
    }

    public static Map<String, Object> standard(String indicator, String jurisdiction, List<String> stages,
            String comparator, Object value, Object valueHigh, int fromYear, Integer toYear) {
        return body("indicator", indicator, "jurisdiction", jurisdiction, "stages", stages, "comparator", comparator,
                "value", value, "valueHigh", valueHigh, "fromYear", fromYear, "toYear", toYear, "source", "test");
    }

    /** Creates a standard as a platform admin and returns its id. */
    public static String createStandard(Map<String, Object> body) {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .when().post("/indicators/v1/standards")
                .then().statusCode(201).extract().path("id");
    }
}
