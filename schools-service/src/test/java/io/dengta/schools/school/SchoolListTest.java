package io.dengta.schools.school;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The school list's SQL path against a model of its fixtures: every filter and sort, paged two at a time, lists
 * exactly the model's schools in the model's order, each item equal to the school's {@code GET}; scoped callers
 * list only their schools.
 */
@QuarkusTest
class SchoolListTest {

    static final String PREFIX = "列表学校";

    record Fx(String code, String name, String region, List<String> stages, String ownership, String status,
            boolean inGroup) {
    }

    static final List<Fx> SCHOOLS = List.of(
            new Fx("3201139041", PREFIX + "甲", "320113", List.of("primary"), "public", "open", true),
            new Fx("3201139042", PREFIX + "乙", "320113", List.of("junior", "senior"), "private", "open", false),
            new Fx("3202149041", PREFIX + "甲", "320214", List.of("primary", "junior"), "public", "closed", false),
            new Fx("4403079041", PREFIX + "丙", "440307", List.of("kindergarten"), "private-inclusive", "open",
                    false),
            new Fx("3201139043", PREFIX + "丁", "320113", List.of("primary"), "public", "planned", false));
    static final List<String> SORTS = List.of("code", "-code", "name", "-name", "updatedAt", "-updatedAt",
            "name,-updatedAt");

    private static boolean loaded;
    private static final Map<String, Map<String, Object>> VIEWS = new HashMap<>();

    @BeforeEach
    void fixtures() {
        if (loaded) {
            return;
        }
        for (Fx s : SCHOOLS) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", s.name());
            body.put("region", s.region());
            body.put("stages", s.stages());
            body.put("ownership", s.ownership());
            body.put("status", s.status());
            if (s.status().equals("closed")) {
                body.put("openedOn", "2001-09-01");
                body.put("closedOn", "2020-07-31");
            } else if (s.status().equals("open")) {
                body.put("openedOn", "2001-09-01");
                body.put("latitude", 32.123456);
                body.put("longitude", 118.9);
                body.put("capacitySeats", 1200);
            }
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                    .when().put("/schools/v1/schools/" + s.code())
                    .then().log().ifValidationFails().statusCode(anyOf(equalTo(200), equalTo(201)));
        }
        // 3201139041 is a member now; 3201139042 was one until 2021
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body("""
                {"name": "列表集团", "kind": "education-group", "region": "320113", "leadSchool": "3201139041",
                 "members": [{"school": "3201139041", "joinedOn": "2019-09-01"},
                             {"school": "3201139042", "joinedOn": "2019-09-01", "leftOn": "2021-08-31"}]}""")
                .when().put("/schools/v1/school-groups/list-model")
                .then().log().ifValidationFails().statusCode(anyOf(equalTo(200), equalTo(201)));
        for (Fx s : SCHOOLS) {
            Response r = given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/schools/" + s.code());
            r.then().statusCode(200);
            VIEWS.put(s.code(), r.jsonPath().getMap("$"));
        }
        loaded = true;
    }

    @Test
    void listsExactlyTheModelsSchoolsForEveryFilterAndSort() {
        OffsetDateTime middle = updatedAt("4403079041");
        Map<Map<String, String>, Predicate<Fx>> filters = new LinkedHashMap<>();
        filters.put(Map.of(), s -> true);
        filters.put(Map.of("region", "320113"), s -> s.region().equals("320113"));
        filters.put(Map.of("region", "320100"), s -> s.region().startsWith("3201"));
        filters.put(Map.of("region", "320000"), s -> s.region().startsWith("32"));
        filters.put(Map.of("stage", "primary"), s -> s.stages().contains("primary"));
        filters.put(Map.of("stage", "junior"), s -> s.stages().contains("junior"));
        filters.put(Map.of("ownership", "public"), s -> s.ownership().equals("public"));
        filters.put(Map.of("status", "open"), s -> s.status().equals("open"));
        filters.put(Map.of("group", "list-model"), Fx::inGroup);
        filters.put(Map.of("updatedSince", middle.toString()), s -> !updatedAt(s.code()).isBefore(middle));
        filters.put(Map.of("region", "320000", "stage", "primary", "status", "open"),
                s -> s.region().startsWith("32") && s.stages().contains("primary") && s.status().equals("open"));
        List<String> mismatches = new ArrayList<>();
        filters.forEach((query, predicate) -> {
            for (String sort : SORTS) {
                List<String> expected = SCHOOLS.stream().filter(predicate).sorted(order(sort)).map(Fx::code).toList();
                Map<String, String> q = new HashMap<>(query);
                q.put("q", PREFIX);
                q.put("sort", sort);
                List<Map<String, Object>> items = pages(Tokens.admin(), q);
                List<String> listed = items.stream().map(i -> (String) i.get("code")).toList();
                if (!listed.equals(expected)) {
                    mismatches.add(query + " sort " + sort + ": " + listed + " instead of " + expected);
                }
                items.stream().filter(i -> !i.equals(VIEWS.get(i.get("code"))))
                        .forEach(i -> mismatches.add(query + ": " + i + " differs from its GET"));
            }
        });
        assertEquals(List.of(), mismatches);
    }

    @Test
    void listsOnlyTheCallersSchools() {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put(Tokens.role("bureau-analyst").region("320113").get(),
                List.of("3201139041", "3201139042", "3201139043"));
        expected.put(Tokens.role("viewer").region("320000").get(),
                List.of("3201139041", "3201139042", "3201139043", "3202149041"));
        expected.put(Tokens.role("school-clerk").school("4403079041").get(), List.of("4403079041"));
        expected.put(Tokens.role("data-feed").region("110101").get(), List.of());
        List<String> mismatches = new ArrayList<>();
        expected.forEach((token, codes) -> {
            List<String> listed = pages(token, Map.of("q", PREFIX)).stream().map(i -> (String) i.get("code")).toList();
            if (!listed.equals(codes)) {
                mismatches.add(listed + " instead of " + codes);
            }
        });
        assertEquals(List.of(), mismatches);
        Response total = given().auth().oauth2(Tokens.admin()).queryParam("q", PREFIX).queryParam("includeTotal", true)
                .queryParam("limit", 1).when().get("/schools/v1/schools");
        assertEquals(SCHOOLS.size(), (Integer) total.path("total"));
    }

    private static OffsetDateTime updatedAt(String code) {
        return OffsetDateTime.parse((String) VIEWS.get(code).get("updatedAt"));
    }

    private static Comparator<Fx> order(String sort) {
        Comparator<Fx> order = null;
        boolean byCode = false;
        for (String field : sort.split(",")) {
            boolean descending = field.startsWith("-");
            String name = descending ? field.substring(1) : field;
            Comparator<Fx> c = switch (name) {
                case "name" -> Comparator.comparing(Fx::name);
                case "updatedAt" -> Comparator.comparing(s -> updatedAt(s.code()));
                default -> Comparator.comparing(Fx::code);
            };
            byCode |= name.equals("code");
            c = descending ? c.reversed() : c;
            order = order == null ? c : order.thenComparing(c);
        }
        return byCode ? order : order.thenComparing(Fx::code);
    }

    private static List<Map<String, Object>> pages(String token, Map<String, String> query) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(token).queryParams(query).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.when().get("/schools/v1/schools");
            page.then().statusCode(200);
            items.addAll(page.jsonPath().getList("items"));
            cursor = page.path("next");
            pages++;
        } while (cursor != null && pages < 10);
        return items;
    }
}
