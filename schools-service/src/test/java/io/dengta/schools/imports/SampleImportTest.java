package io.dengta.schools.imports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The sample files under {@code src/main/resources/samples/} (synthetic, source {@code synthetic-demo}) import
 * cleanly, in the order a city system loads them: schools, teachers, assignments, school-years.
 */
@QuarkusTest
class SampleImportTest {

    static final List<String> IN_LOADING_ORDER = List.of("schools", "teachers", "assignments", "school-years");

    @Test
    void everySampleImportsWithoutRejectionsAndAgainUnchanged() throws IOException {
        for (String resource : IN_LOADING_ORDER) {
            String csv = sample(resource);
            long lines = csv.lines().filter(l -> !l.isBlank()).count() - 1;
            JsonPath report = given().auth().oauth2(Tokens.admin()).contentType(Imports.CSV).body(csv)
                    .when().post("/schools/v1/imports/" + resource)
                    .then().statusCode(200).extract().jsonPath();
            assertEquals("applied", report.getString("status"), resource + ": " + report.prettify());
            assertEquals(0, report.getInt("rejected"), resource + ": " + report.prettify());
            assertEquals(lines, report.getLong("rows"), resource);
            assertEquals(lines, report.getLong("created"), resource);

            given().auth().oauth2(Tokens.admin()).contentType(Imports.CSV).body(csv)
                    .when().post("/schools/v1/imports/" + resource)
                    .then().statusCode(200).body("unchanged", equalTo((int) lines));
        }
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/teachers/DEMO-QX-0001")
                .then().statusCode(200).body("source", equalTo("synthetic-demo"));
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/schools/3201134003/years/2024Sep")
                .then().statusCode(200).body("source", equalTo("synthetic-demo"));
    }

    static String sample(String resource) throws IOException {
        try (InputStream in = SampleImportTest.class.getResourceAsStream("/samples/" + resource + ".csv")) {
            assertNotNull(in, "samples/" + resource + ".csv");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
