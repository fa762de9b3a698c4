package io.dengta.schools.teacher;

import static io.dengta.schools.imports.Imports.CSV;
import static io.dengta.schools.imports.Imports.post;
import static io.dengta.schools.teacher.TeacherImportTest.HEADER;
import static io.dengta.schools.teacher.TeacherImportTest.JUNIOR;
import static io.dengta.schools.teacher.TeacherImportTest.PRIMARY;
import static io.dengta.schools.teacher.TeacherImportTest.feed;
import static io.dengta.schools.teacher.TeacherImportTest.row;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The teachers import decides and writes its rows a chunk at a time (TeacherBatchWriter, chunks of 500 from
 * ImportRunner): the same outcomes, reports and journal as row-by-row writing across chunk boundaries, for
 * keys repeated within a file, for rejected rows in the middle of a chunk, and beside concurrent single writes.
 */
@QuarkusTest
class TeacherBatchImportTest {

    @Inject
    DataSource dataSource;

    @BeforeEach
    void schools() {
        RegistryFixtures.school(PRIMARY, "320113", "primary");
        RegistryFixtures.school(JUNIOR, "320113", "junior");
    }

    private static String file(String prefix, int rows) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= rows; i++) {
            csv.append(row(prefix + "%04d".formatted(i), PRIMARY, "honours",
                    i % 3 == 0 ? "key-teacher:district:2022-09-01:2025-08-31" : ""));
        }
        return csv.toString();
    }

    @Test
    void aFileOfSeveralChunksCreatesThenReplaysUnchangedThenUpdatesOnlyChangedRows() {
        String csv = file("TB-BIG-", 1_203);
        long start = RegistryFixtures.latestSequence();
        post(feed(), "teachers", CSV, csv).then().statusCode(200)
                .body("status", equalTo("applied")).body("rows", equalTo(1203)).body("created", equalTo(1203));
        List<String> keys = changedKeys(start);
        assertEquals(1203, keys.size(), "one change-feed entry per created teacher");
        assertEquals(1203, new HashSet<>(keys).size());
        assertEquals(contiguous(start, 1203), sequences(start), "gapless sequences");

        long afterCreate = RegistryFixtures.latestSequence();
        post(feed(), "teachers", CSV, csv).then().statusCode(200).body("unchanged", equalTo(1203));
        assertEquals(afterCreate, RegistryFixtures.latestSequence(), "a replay journals nothing");

        // rows 1 and 501 start a chunk, 1203 ends the last one
        String changed = csv.replace("TB-BIG-0001,李娜", "TB-BIG-0001,王芳").replace("TB-BIG-0501,李娜", "TB-BIG-0501,王芳")
                .replace("TB-BIG-1203,李娜", "TB-BIG-1203,王芳");
        post(feed(), "teachers", CSV, changed).then().statusCode(200)
                .body("updated", equalTo(3)).body("unchanged", equalTo(1200));
        assertEquals(List.of("TB-BIG-0001", "TB-BIG-0501", "TB-BIG-1203"), changedKeys(afterCreate));
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/teachers/TB-BIG-0501")
                .then().statusCode(200).body("name", equalTo("王芳")).body("version", equalTo(1));
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/teachers/TB-BIG-0999")
                .then().statusCode(200).body("honours.kind", contains("key-teacher")).body("version", equalTo(0));
    }

    @Test
    void aStaffCodeRepeatedInOneFileIsCreatedThenUpdatedThenUnchangedInRowOrder() {
        long start = RegistryFixtures.latestSequence();
        String csv = HEADER
                + row("TB-REP-01", PRIMARY)
                + row("TB-REP-02", PRIMARY)
                + row("TB-REP-01", PRIMARY, "title", "first", "honours", "subject-leader:city:2023-12-01")
                + row("TB-REP-01", PRIMARY, "title", "first", "honours", "subject-leader:city:2023-12-01")
                + row("TB-REP-02", JUNIOR, "certificateStage", "junior");
        post(feed(), "teachers", CSV, csv).then().statusCode(200)
                .body("created", equalTo(2)).body("updated", equalTo(2)).body("unchanged", equalTo(1))
                .body("rejected", equalTo(0));
        assertEquals(List.of("TB-REP-01", "TB-REP-02", "TB-REP-01", "TB-REP-02"), changedKeys(start));
        assertEquals(List.of("create", "update"), auditOperations("TB-REP-01"));
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/teachers/TB-REP-01")
                .then().statusCode(200).body("title", equalTo("first")).body("version", equalTo(1))
                .body("honours.kind", contains("subject-leader"));
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/teachers/TB-REP-02")
                .then().statusCode(200).body("employingSchool", equalTo(JUNIOR));
    }

    @Test
    void aNationalIdTwiceInOneChunkKeepsTheFirstRowAndRejectsTheSecond() {
        String id = TestIds.nationalId(LocalDate.of(1983, 4, 5));
        String csv = HEADER
                + row("TB-NID-01", PRIMARY, "nationalId", id)
                + row("TB-NID-02", PRIMARY, "nationalId", id);
        post(feed(), "teachers", CSV, csv, "mode", "best-effort").then().statusCode(200)
                .body("created", equalTo(1)).body("rejected", equalTo(1))
                .body("errors[0].row", equalTo(2)).body("errors[0].code", equalTo("conflict"));
    }

    @Test
    void aRejectedRowInTheMiddleOfAChunkRollsBackAnAtomicImport() {
        long start = RegistryFixtures.latestSequence();
        String csv = file("TB-ATM-", 900).replace("TB-ATM-0700,李娜,female,,,," + PRIMARY,
                "TB-ATM-0700,李娜,female,,,,3201137999");
        post(feed(), "teachers", CSV, csv).then().statusCode(200)
                .body("status", equalTo("rejected")).body("rejected", equalTo(1)).body("created", equalTo(0))
                .body("errors[0].row", equalTo(700)).body("errors[0].code", equalTo("unknown_school"));
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/teachers/TB-ATM-0001").then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/teachers/TB-ATM-0699").then().statusCode(404);
        assertEquals(start, RegistryFixtures.latestSequence(), "nothing journalled");
    }

    @Test
    void aRejectedRowInTheMiddleOfAChunkIsReportedAndTheOthersKeptInBestEffort() {
        long start = RegistryFixtures.latestSequence();
        String csv = file("TB-BST-", 900).replace("TB-BST-0700,李娜,female,,,," + PRIMARY,
                "TB-BST-0700,李娜,female,,,,3201137999");
        post(feed(), "teachers", CSV, csv, "mode", "best-effort").then().statusCode(200)
                .body("status", equalTo("applied")).body("rejected", equalTo(1)).body("created", equalTo(899))
                .body("errors[0].row", equalTo(700)).body("errors[0].field", equalTo("employingSchool"));
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/teachers/TB-BST-0699").then().statusCode(200);
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/teachers/TB-BST-0700").then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/teachers/TB-BST-0701").then().statusCode(200);
        assertEquals(899, changedKeys(start).size());
    }

    @Test
    void aPollingConsumerSeesEveryImportedAndEverySingleWriteWhileBothRun() throws Exception {
        long start = RegistryFixtures.latestSequence();
        int writers = 3;
        int writesEach = 10;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Future<?>> work = new ArrayList<>();
        work.add(pool.submit(() -> {
            post(feed(), "teachers", CSV, file("TB-CON-", 1_500), "mode", "best-effort").then().statusCode(200)
                    .body("created", equalTo(1500));
            return null;
        }));
        for (int w = 0; w < writers; w++) {
            int writer = w;
            work.add(pool.submit(() -> {
                for (int i = 0; i < writesEach; i++) {
                    RegistryFixtures.putTeacher(feed(), "TB-PUT-%d-%02d".formatted(writer, i),
                            RegistryFixtures.teacher(PRIMARY)).then().statusCode(201);
                }
                return null;
            }));
        }
        Future<List<Map<String, Object>>> consumer = pool.submit(() -> {
            List<Map<String, Object>> seen = new ArrayList<>();
            long after = start;
            boolean finalPass = false;
            while (true) {
                boolean done = !writing.get();
                Response page = given().auth().oauth2(Tokens.admin()).queryParam("after", after)
                        .queryParam("limit", 400).get("/schools/v1/changes");
                List<Map<String, Object>> items = page.path("items");
                seen.addAll(items);
                after = ((Number) page.path("next")).longValue();
                if (items.isEmpty() && done) {
                    if (finalPass) {
                        return seen;
                    }
                    finalPass = true;
                }
            }
        });
        for (Future<?> f : work) {
            f.get(5, TimeUnit.MINUTES);
        }
        writing.set(false);
        List<Map<String, Object>> seen = consumer.get(5, TimeUnit.MINUTES);
        pool.shutdown();

        Set<Object> keys = new HashSet<>();
        seen.forEach(change -> keys.add(change.get("key")));
        assertEquals(1500 + writers * writesEach, seen.size(), "every write seen once");
        assertEquals(seen.size(), keys.size());
        assertEquals(contiguous(start, seen.size()),
                seen.stream().map(change -> ((Number) change.get("sequence")).longValue()).toList());
    }

    private static List<Long> contiguous(long after, int count) {
        List<Long> sequences = new ArrayList<>();
        for (long s = after + 1; s <= after + count; s++) {
            sequences.add(s);
        }
        return sequences;
    }

    private List<String> changedKeys(long after) {
        return query("select resource_key from change_log where sequence > ? order by sequence", after);
    }

    private List<Long> sequences(long after) {
        return query("select sequence from change_log where sequence > ? order by sequence", after).stream()
                .map(Long::valueOf).toList();
    }

    private List<String> auditOperations(String staffCode) {
        return query("select operation from audit_record where resource_type = 'teacher' and resource_key = ? "
                + "order by id", staffCode);
    }

    private List<String> query(String sql, Object parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            List<String> values = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
