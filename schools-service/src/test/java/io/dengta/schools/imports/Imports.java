package io.dengta.schools.imports;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Posting bulk imports in the registry's HTTP tests. */
public final class Imports {

    public static final String CSV = "text/csv; charset=UTF-8";
    public static final String JSON = "application/json";

    private Imports() {
    }

    /** {@code POST /schools/v1/imports/{resource}} with the body and the given query parameters (name, value, …). */
    public static Response post(String token, String resource, String contentType, String body, String... query) {
        RequestSpecification request = given().auth().oauth2(token).contentType(contentType).body(body);
        for (int i = 0; i + 1 < query.length; i += 2) {
            request = request.queryParam(query[i], query[i + 1]);
        }
        return request.when().post("/schools/v1/imports/" + resource);
    }

    /** The same with an Idempotency-Key. */
    public static Response postWithKey(String token, String resource, String contentType, String body, String key) {
        return given().auth().oauth2(token).contentType(contentType).header("Idempotency-Key", key).body(body)
                .when().post("/schools/v1/imports/" + resource);
    }
}
