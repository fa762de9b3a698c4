package io.dengta.indicators.benchmark;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.dengta.testing.Tokens;
import io.restassured.http.ContentType;

public final class BenchmarkFixtures {

    public static final String COLLECTION = "/indicators/v1/benchmark-groups";

    private BenchmarkFixtures() {
    }

    /** The seed-000 group under a name of its own (names are unique per owner). */
    public static String seedGroup(String name) {
        return """
                {"owner": "320113", "name": "%s", "description": "学龙岗、赶新吴、超太仓",
                 "peers": [{"region": "440307", "role": "lighthouse", "name": "深圳市龙岗区"},
                           {"region": "320214", "role": "catch-up", "name": "无锡市新吴区"},
                           {"region": "320585", "role": "catch-up", "name": "苏州市太仓市"}]}""".formatted(name);
    }

    public static String create(String body) {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .when().post(COLLECTION).then().statusCode(201).extract().path("id");
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
