package io.dengta.schools.teacher;

import static io.dengta.schools.teacher.RegistryFixtures.honour;
import static io.dengta.schools.teacher.RegistryFixtures.school;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The teacher list's SQL path against a model of its fixtures: for every filter (alone and in common pairs) and
 * every sort, paging two at a time, the list shows exactly the teachers the model selects, in the model's order,
 * each item equal to what {@code GET /teachers/{staffCode}} shows the same caller (so the projection builds the
 * same view as the entity, personal fields included or not).
 */
@QuarkusTest
class TeacherListTest {

    static final String A = "3201139031";
    static final String B = "3201139032";
    static final String XINWU = "3202149031";
    static final Map<String, String> REGION = Map.of(A, "320113", B, "320113", XINWU, "320214");
    static final String PREFIX = "列表模型";
    static final LocalDate TODAY = TeacherService.today();
    static final List<String> SORTS = List.of("staffCode", "-staffCode", "name", "-name", "updatedAt",
            "-updatedAt", "name,-updatedAt", "-name,staffCode");

    /** A fixture teacher as the model sees it. */
    record Fx(String code, String name, String school, String degree, String title, List<String> subjects,
            String employment, String status, List<Map<String, Object>> honours) {
    }

    /** A fixture assignment: teacher at school from starts to ends (null: open). */
    record As(String teacher, String school, LocalDate starts, LocalDate ends) {

        boolean current() {
            return !starts.isAfter(TODAY) && (ends == null || !ends.isBefore(TODAY));
        }
    }

    static final List<Fx> TEACHERS = List.of(
            new Fx("LT-01", PREFIX + "甲", A, "master", "senior", List.of("math", "pe"), "established", "active",
                    List.of(honour("key-teacher", "city", "2021-09-10", null),
                            honour("famous-teacher", "school", "2020-09-10", null))),
            new Fx("LT-02", PREFIX + "乙", A, "bachelor", "first", List.of("chinese"), "contract", "active",
                    List.of(honour("key-teacher", "district", "2015-09-10", "2018-09-09"))),
            new Fx("LT-03", PREFIX + "甲", B, "master", "first", List.of("music"), "established", "on-leave",
                    List.of(honour("subject-leader", "province", "2022-01-10", null))),
            new Fx("LT-04", PREFIX + "丙", B, "doctorate", "professor-senior", List.of("physics", "math"),
                    "established", "active", List.of()),
            new Fx("LT-05", PREFIX + "丁", XINWU, "master", "second", List.of("english"), "contract", "active",
                    List.of(honour("key-teacher", "district", "2022-09-10", null))),
            new Fx("LT-06", PREFIX + "乙", XINWU, "associate", "none", List.of("pe"), "established", "retired",
                    List.of()),
            new Fx("LT-07", PREFIX + "戊", A, "bachelor", "second", List.of("fine-art"), "established", "active",
                    List.of(honour("key-teacher", "national", "2019-09-10", null),
                            honour("other", "school", "2019-01-10", "2020-01-10"))),
            new Fx("LT-08", PREFIX + "甲", XINWU, "bachelor", "senior", List.of("math"), "contract", "left",
                    List.of()));

    static final List<As> ASSIGNMENTS = List.of(
            // LT-05 of Xinwu is rotated to B now; LT-06 of Xinwu taught at A years ago
            new As("LT-05", B, LocalDate.of(2020, 9, 1), null),
            new As("LT-06", A, LocalDate.of(2015, 9, 1), LocalDate.of(2018, 7, 31)));

    private static boolean loaded;
    private static final Map<String, Map<String, Object>> ADMIN_VIEWS = new HashMap<>();

    @BeforeEach
    void fixtures() {
        if (loaded) {
            return;
        }
        school(A, "320113", "primary");
        school(B, "320113", "junior");
        school(XINWU, "320214", "primary");
        for (Fx t : TEACHERS) {
            Map<String, Object> body = RegistryFixtures.teacher(t.school());
            body.put("name", t.name());
            body.put("highestDegree", t.degree());
            body.put("title", t.title());
            body.put("subjects", t.subjects());
            body.put("employment", t.employment());
            body.put("status", t.status());
            body.put("honours", t.honours());
            if (t.code().equals("LT-04")) {
                // no certificate, no personal fields: the view has a null certificate and no personal keys
                body.remove("certificate");
                body.remove("birthDate");
                body.remove("phone");
                body.remove("nationalId");
            }
            RegistryFixtures.teacher(t.code(), body);
        }
        for (As a : ASSIGNMENTS) {
            boolean rotation = a.ends() == null;
            RegistryFixtures.assignment(RegistryFixtures.assignment(a.teacher(), a.school(), a.starts().toString(),
                    a.ends() == null ? null : a.ends().toString(), "1", rotation ? "rotation" : "regular",
                    rotation ? XINWU : null));
        }
        for (Fx t : TEACHERS) {
            ADMIN_VIEWS.put(t.code(), view(Tokens.admin(), t.code()));
        }
        loaded = true;
    }

    @Test
    void listsExactlyTheModelsTeachersForEveryFilterAndSort() {
        OffsetDateTime middle = updatedAt("LT-05");
        Map<Map<String, String>, Predicate<Fx>> filters = new LinkedHashMap<>();
        filters.put(Map.of(), t -> true);
        filters.put(Map.of("region", "320113"), t -> REGION.get(t.school()).equals("320113"));
        filters.put(Map.of("region", "320100"), t -> REGION.get(t.school()).startsWith("3201"));
        filters.put(Map.of("region", "320000"), t -> true);
        filters.put(Map.of("region", "320214"), t -> t.school().equals(XINWU));
        filters.put(Map.of("school", A), t -> atSchool(t, A));
        filters.put(Map.of("school", B), t -> atSchool(t, B));
        filters.put(Map.of("honour", "key-teacher"), t -> honoured(t, "key-teacher", null));
        filters.put(Map.of("honourLevel", "city"), t -> honoured(t, null, "city"));
        filters.put(Map.of("honour", "key-teacher", "honourLevel", "district"),
                t -> honoured(t, "key-teacher", "district"));
        filters.put(Map.of("honour", "other"), t -> honoured(t, "other", null));
        filters.put(Map.of("title", "senior"), t -> t.title().equals("senior"));
        filters.put(Map.of("degree", "master"), t -> t.degree().equals("master"));
        filters.put(Map.of("subject", "math"), t -> t.subjects().contains("math"));
        filters.put(Map.of("subject", "pe"), t -> t.subjects().contains("pe"));
        filters.put(Map.of("employment", "contract"), t -> t.employment().equals("contract"));
        filters.put(Map.of("status", "active"), t -> t.status().equals("active"));
        filters.put(Map.of("updatedSince", middle.toString()), t -> !updatedAt(t.code()).isBefore(middle));
        filters.put(Map.of("region", "320100", "degree", "master"),
                t -> REGION.get(t.school()).startsWith("3201") && t.degree().equals("master"));
        filters.put(Map.of("school", B, "subject", "english", "employment", "contract"),
                t -> atSchool(t, B) && t.subjects().contains("english") && t.employment().equals("contract"));
        filters.put(Map.of("region", "320113", "honourLevel", "school", "title", "senior"),
                t -> REGION.get(t.school()).equals("320113") && honoured(t, null, "school")
                        && t.title().equals("senior"));

        List<String> mismatches = new ArrayList<>();
        filters.forEach((query, predicate) -> {
            for (String sort : SORTS) {
                List<String> expected = TEACHERS.stream().filter(predicate).sorted(order(sort)).map(Fx::code)
                        .toList();
                Map<String, String> q = new HashMap<>(query);
                q.put("q", PREFIX);
                q.put("sort", sort);
                List<Map<String, Object>> items = pages(Tokens.admin(), q, 2, expected.size());
                List<String> listed = items.stream().map(i -> (String) i.get("staffCode")).toList();
                if (!listed.equals(expected)) {
                    mismatches.add(query + " sort " + sort + ": " + listed + " instead of " + expected);
                }
                for (Map<String, Object> item : items) {
                    if (!item.equals(ADMIN_VIEWS.get(item.get("staffCode")))) {
                        mismatches.add(query + ": item " + item + " differs from " + ADMIN_VIEWS.get(item.get("staffCode")));
                    }
                }
            }
        });
        assertEquals(List.of(), mismatches);
    }

    @Test
    void showsPersonalFieldsOnListRowsOnlyToAdminsAndClerksOfTheEmployingSchool() {
        record Caller(String label, String token, Predicate<Fx> sees, Predicate<Fx> personal) {
        }
        List<Caller> callers = List.of(
                new Caller("platform-admin", Tokens.admin(), t -> true, t -> true),
                new Caller("clerk of A", Tokens.role("school-clerk").school(A).get(), t -> atSchool(t, A),
                        t -> t.school().equals(A)),
                // LT-05 is rotated to B: its clerk lists them, without personal fields
                new Caller("clerk of B", Tokens.role("school-clerk").school(B).get(), t -> atSchool(t, B),
                        t -> t.school().equals(B)),
                new Caller("clerk of A and Xinwu", Tokens.role("school-clerk").school(A, XINWU).get(),
                        t -> atSchool(t, A) || atSchool(t, XINWU), t -> t.school().equals(A) || t.school().equals(XINWU)),
                new Caller("analyst of 320100", Tokens.role("bureau-analyst").region("320100").get(),
                        t -> REGION.get(t.school()).startsWith("3201") || atSchool(t, B), t -> false),
                new Caller("viewer of 320214", Tokens.role("viewer").region("320214").get(),
                        t -> t.school().equals(XINWU), t -> false),
                new Caller("data-feed of 440307", Tokens.role("data-feed").region("440307").get(), t -> false,
                        t -> false));
        List<String> mismatches = new ArrayList<>();
        for (Caller c : callers) {
            List<String> expected = TEACHERS.stream().filter(c.sees()).map(Fx::code).sorted().toList();
            List<Map<String, Object>> items = pages(c.token(), Map.of("q", PREFIX), 3, expected.size());
            List<String> listed = items.stream().map(i -> (String) i.get("staffCode")).toList();
            if (!listed.equals(expected)) {
                mismatches.add(c.label() + ": lists " + listed + " instead of " + expected);
            }
            for (Map<String, Object> item : items) {
                String code = (String) item.get("staffCode");
                Fx t = TEACHERS.stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow();
                boolean shown = item.containsKey("phone") || item.containsKey("birthDate")
                        || item.containsKey("nationalIdLast4");
                boolean hasPersonal = !code.equals("LT-04");
                if (shown != (c.personal().test(t) && hasPersonal)) {
                    mismatches.add(c.label() + ": " + code + " personal fields " + (shown ? "shown" : "hidden"));
                }
                if (!item.equals(view(c.token(), code))) {
                    mismatches.add(c.label() + ": " + code + " differs from its GET");
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void cursorContinuesAfterTheLastRowOfThePageWhateverChangesBefore() {
        Map<String, String> query = Map.of("q", PREFIX, "sort", "name", "limit", "3");
        Response first = list(Tokens.admin(), query, null);
        List<String> firstCodes = first.path("items.staffCode");
        String cursor = first.path("next");
        // a teacher sorting before the cursor appears while the client pages: the next page neither repeats nor skips
        Map<String, Object> early = RegistryFixtures.teacher(A);
        early.put("name", PREFIX + "一");
        RegistryFixtures.teacher("LT-00", early);
        try {
            List<String> rest = new ArrayList<>();
            while (cursor != null) {
                Response page = list(Tokens.admin(), query, cursor);
                rest.addAll(page.path("items.staffCode"));
                cursor = page.path("next");
            }
            List<String> all = new ArrayList<>(firstCodes);
            all.addAll(rest);
            List<String> expected = TEACHERS.stream().sorted(order("name")).map(Fx::code).toList();
            assertEquals(expected, all);
            assertFalse(all.contains("LT-00"));
        } finally {
            given().auth().oauth2(Tokens.admin()).when().delete("/schools/v1/teachers/LT-00");
        }
    }

    @Test
    void countsTheFilteredTotalOnRequestOnly() {
        Response page = list(Tokens.admin(), Map.of("q", PREFIX, "degree", "master", "includeTotal", "true",
                "limit", "1"), null);
        assertEquals(3, (Integer) page.path("total"));
        assertEquals(1, ((List<?>) page.path("items")).size());
        Response analyst = list(Tokens.role("bureau-analyst").region("320214").get(),
                Map.of("q", PREFIX, "includeTotal", "true"), null);
        assertEquals(3, (Integer) analyst.path("total"));
        assertTrue(list(Tokens.admin(), Map.of("q", PREFIX), null).jsonPath().getMap("$").keySet()
                .equals(java.util.Set.of("items", "next")));
    }

    private static boolean atSchool(Fx t, String school) {
        return t.school().equals(school) || ASSIGNMENTS.stream()
                .anyMatch(a -> a.teacher().equals(t.code()) && a.school().equals(school) && a.current());
    }

    private static boolean honoured(Fx t, String kind, String level) {
        List<String> levels = level == null ? TeacherCodes.HONOUR_LEVELS : TeacherCodes.levelsAtOrAbove(level);
        return t.honours().stream().anyMatch(h -> (kind == null || kind.equals(h.get("kind")))
                && levels.contains((String) h.get("level"))
                && (h.get("expiresOn") == null || !LocalDate.parse((String) h.get("expiresOn")).isBefore(TODAY)));
    }

    private static OffsetDateTime updatedAt(String code) {
        return OffsetDateTime.parse((String) ADMIN_VIEWS.get(code).get("updatedAt"));
    }

    /** The model's order for a sort: its fields in turn, then the staff code (the unique tie-breaker). */
    private static Comparator<Fx> order(String sort) {
        Comparator<Fx> order = null;
        boolean byCode = false;
        for (String field : sort.split(",")) {
            boolean descending = field.startsWith("-");
            String name = descending ? field.substring(1) : field;
            Comparator<Fx> c = switch (name) {
                case "name" -> Comparator.comparing(Fx::name);
                case "updatedAt" -> Comparator.comparing(t -> updatedAt(t.code()));
                default -> Comparator.comparing(Fx::code);
            };
            byCode |= name.equals("staffCode");
            c = descending ? c.reversed() : c;
            order = order == null ? c : order.thenComparing(c);
        }
        return byCode ? order : order.thenComparing(Fx::code);
    }

    /** Every item of the list, following the cursor page by page (at most as many pages as can be non-empty). */
    private static List<Map<String, Object>> pages(String token, Map<String, String> query, int limit, int expected) {
        Map<String, String> q = new HashMap<>(query);
        q.put("limit", String.valueOf(limit));
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response page = list(token, q, cursor);
            items.addAll(page.jsonPath().getList("items"));
            cursor = page.path("next");
            pages++;
        } while (cursor != null && pages <= expected / limit + 2);
        return items;
    }

    private static Response list(String token, Map<String, String> query, String cursor) {
        var request = given().auth().oauth2(token).queryParams(query);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        Response response = request.when().get("/schools/v1/teachers");
        response.then().statusCode(200);
        return response;
    }

    private static Map<String, Object> view(String token, String code) {
        Response r = given().auth().oauth2(token).when().get("/schools/v1/teachers/" + code);
        r.then().statusCode(200);
        return r.jsonPath().getMap("$");
    }
}
