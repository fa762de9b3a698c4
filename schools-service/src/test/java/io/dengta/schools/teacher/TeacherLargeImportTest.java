package io.dengta.schools.teacher;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.dengta.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A city-sized teachers file: 20,000 CSV rows generated while they are sent (the test never holds the file), so
 * the import streams the body and commits it in batches.
 */
@QuarkusTest
class TeacherLargeImportTest {

    static final String SCHOOL = "3201137050";
    static final int ROWS = 20_000;

    @TestHTTPResource("/schools/v1/imports/teachers")
    URI imports;

    @Test
    void importsTwentyThousandStreamedRowsAndCountsThem() throws IOException, InterruptedException {
        RegistryFixtures.school(SCHOOL, "320113", "primary", "junior");
        HttpRequest request = HttpRequest.newBuilder(URI.create(imports + "?mode=best-effort"))
                .header("Authorization", "Bearer " + Tokens.admin())
                .header("Content-Type", "text/csv; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedTeachers(ROWS)))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
        JsonPath report = JsonPath.from(response.body());
        assertEquals("applied", report.getString("status"));
        assertEquals(ROWS, report.getInt("rows"));
        assertEquals(ROWS, report.getInt("created"));
        assertEquals(0, report.getInt("rejected"));
        given().auth().oauth2(Tokens.admin()).queryParam("school", SCHOOL).queryParam("includeTotal", "true")
                .queryParam("limit", "1")
                .when().get("/schools/v1/teachers")
                .then().statusCode(200).body("total", equalTo(ROWS));
    }

    /** The CSV, one line at a time: header, then {@code count} teachers of {@link #SCHOOL}. */
    static final class GeneratedTeachers extends InputStream {

        private static final String[] SUBJECTS = { "chinese", "math", "english|math", "pe", "music|fine-art",
                "physics", "science" };
        private final int count;
        private int next;
        private byte[] line = (String.join(",", TeacherImportRow.COLUMNS) + "\n").getBytes(StandardCharsets.UTF_8);
        private int position;

        GeneratedTeachers(int count) {
            this.count = count;
        }

        @Override
        public int read() {
            if (!fill()) {
                return -1;
            }
            return line[position++] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, line.length - position);
            System.arraycopy(line, position, buffer, offset, n);
            position += n;
            return n;
        }

        private boolean fill() {
            if (position < line.length) {
                return true;
            }
            if (next == count) {
                return false;
            }
            int i = next++;
            String honours = i % 10 == 0 ? "key-teacher:district:2022-09-01:2025-08-31" : "";
            line = String.join(",", "TL-%06d".formatted(i), "教师" + i, i % 2 == 0 ? "female" : "male",
                    birth(i), "", "", SCHOOL, i % 3 == 0 ? "master" : "bachelor", "教师资格证",
                    i % 2 == 0 ? "primary" : "junior", "CERT-%06d".formatted(i), i % 4 == 0 ? "first" : "second",
                    honours, SUBJECTS[i % SUBJECTS.length], "established", "false", "active", "generated")
                    .concat("\n").getBytes(StandardCharsets.UTF_8);
            position = 0;
            return true;
        }

        /** Birth dates spread over 1965–1999. */
        private static String birth(int i) {
            return LocalDate.of(1965 + i % 35, 1 + i % 12, 1 + i % 28).toString();
        }
    }
}
