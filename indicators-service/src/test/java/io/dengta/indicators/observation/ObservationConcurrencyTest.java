package io.dengta.indicators.observation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ObservationConcurrencyTest {

    private static String feed(int first, int last, int step, String value) {
        StringBuilder csv = new StringBuilder(ObservationImportTest.HEADER);
        for (int i = first; i != last + step; i += step) {
            csv.append("health.fitness_pass_rate,32011377%02d,320113,2023,,%s,,,,concurrent,\n".formatted(i, value));
        }
        return csv.toString();
    }

    @Test
    void concurrentImportsAndPutsOfTheSameKeysNeitherDeadlockNorInterleave() throws Exception {
        int rounds = 4;
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (int round = 0; round < rounds; round++) {
                String ascending = feed(0, 99, 1, "9" + round + ".5");
                String descending = feed(99, 0, -1, "8" + round + ".5");
                List<Future<JsonPath>> imports = new ArrayList<>();
                for (String body : List.of(ascending, descending, ascending, descending)) {
                    imports.add(pool.submit(() -> given().auth().oauth2(Tokens.admin()).contentType("text/csv").body(body)
                            .when().post(ObservationImportTest.IMPORTS)
                            .then().statusCode(200).extract().jsonPath()));
                }
                List<Future<Integer>> puts = new ArrayList<>();
                for (int unit : List.of(50, 7)) {
                    puts.add(pool.submit(() -> given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                            .body("{\"region\": \"320113\", \"value\": 77.5, \"source\": \"concurrent\"}")
                            .when().put(ObservationResourceTest.BASE + "health.fitness_pass_rate/32011377" + String.format("%02d", unit) + "/2023")
                            .then().extract().statusCode()));
                }
                for (Future<JsonPath> f : imports) {
                    JsonPath report = f.get(2, TimeUnit.MINUTES);
                    assertEquals("applied", report.getString("status"), report.prettify());
                    assertEquals(0, report.getInt("rejected"), report.prettify());
                    assertEquals(100, report.getInt("created") + report.getInt("updated") + report.getInt("unchanged"));
                }
                for (Future<Integer> f : puts) {
                    int status = f.get(2, TimeUnit.MINUTES);
                    assertEquals(true, status == 200 || status == 201, "PUT answered " + status);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        // every import ran as a whole, one after the other: the units it did not share with a PUT have one value
        Set<Object> values = new HashSet<>();
        String csv = given().auth().oauth2(Tokens.admin()).accept("text/csv")
                .queryParam("indicator", "health.fitness_pass_rate").queryParam("period", "2023")
                .queryParam("region", "320113").queryParam("unitType", "school")
                .when().get("/indicators/v1/cross-section").then().statusCode(200).extract().asString();
        List<String> lines = csv.lines().skip(1).filter(l -> l.contains(",concurrent,")).toList();
        assertEquals(100, lines.size());
        for (String line : lines) {
            if (!line.contains("3201137750,") && !line.contains("3201137707,")) {
                values.add(line.split(",")[5]);
            }
        }
        assertEquals(1, values.size(), "values of one import only: " + values);
    }
}
