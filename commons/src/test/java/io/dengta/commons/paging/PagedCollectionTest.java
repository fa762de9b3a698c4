package io.dengta.commons.paging;

import static io.dengta.commons.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * A keyset-paged collection over a real PostgreSQL table: the envelope, defaults, 400s on limit, sort and
 * cursor, and pages that never skip or repeat a row, also with mixed sort directions and ties.
 */
@QuarkusTest
class PagedCollectionTest {

    private static final String ITEMS = "/test/v1/items";
    private static final List<String> BY_CODE = List.of("i01", "i02", "i03", "i04", "i05", "i06", "i07", "i08",
            "i09", "i10", "i11");

    private static List<String> walk(String sort, int limit) {
        List<String> codes = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("limit", limit);
            if (sort != null) {
                request.queryParam("sort", sort);
            }
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(ITEMS).then().statusCode(200).extract().jsonPath();
            List<String> items = page.getList("items.code");
            assertThat(items.size() <= limit, equalTo(true));
            codes.addAll(items);
            cursor = page.getString("next");
            pages++;
            assertThat("too many pages", pages <= BY_CODE.size() + 1, equalTo(true));
        } while (cursor != null);
        return codes;
    }

    @Test
    void envelopeWithDefaultLimitAndNoTotalUnlessAsked() {
        Response r = given().get(ITEMS);
        r.then().statusCode(200).body("items", hasSize(11)).body("next", nullValue());
        assertThat(r.jsonPath().getList("items.code"), equalTo(BY_CODE));
        assertThat(r.asString().contains("\"total\""), equalTo(false));
        assertThat(r.asString().contains("\"next\":null"), equalTo(true));
        given().queryParam("includeTotal", "true").queryParam("limit", 2).get(ITEMS).then().statusCode(200)
                .body("total", equalTo(11)).body("items", hasSize(2)).body("next", not(nullValue()));
    }

    @Test
    void pagesByCodeNeverSkipOrRepeat() {
        assertThat(walk(null, 3), equalTo(BY_CODE));
        assertThat(walk(null, 1), equalTo(BY_CODE));
        assertThat(walk(null, 11), equalTo(BY_CODE));
    }

    @Test
    void pagesWithMixedDirectionsAndTiesNeverSkipOrRepeat() {
        // score desc, then name asc, then code asc (the unique tie-breaker)
        List<String> expected = List.of("i01", "i08", "i03", "i06", "i11", "i02", "i07", "i05", "i10", "i04",
                "i09");
        assertThat(walk("-score,name", 11), equalTo(expected));
        assertThat(walk("-score,name", 2), equalTo(expected));
        assertThat(walk("-score,name", 1), equalTo(expected));
    }

    @Test
    void pagesByNameThenNewestFirst() {
        List<String> expected = List.of("i11", "i08", "i04", "i01", "i07", "i02", "i03", "i05", "i06", "i09",
                "i10");
        assertThat(walk("name,-updatedAt", 4), equalTo(expected));
        List<String> reversed = new ArrayList<>(BY_CODE);
        Collections.reverse(reversed);
        assertThat(walk("-code", 5), equalTo(reversed));
    }

    @Test
    void limit1001Is400OnLimit() {
        JsonPath p = assertProblem(given().queryParam("limit", 1001).get(ITEMS), 400, "validation", ITEMS);
        assertThat(p.getList("errors.pointer"), contains("limit"));
    }

    @Test
    void nonNumericLimitIs400OnLimit() {
        JsonPath p = assertProblem(given().queryParam("limit", "lots").get(ITEMS), 400, "validation", ITEMS);
        assertThat(p.getList("errors.pointer"), contains("limit"));
    }

    @Test
    void unknownSortFieldIs400OnSort() {
        JsonPath p = assertProblem(given().queryParam("sort", "name,password").get(ITEMS), 400, "validation", ITEMS);
        assertThat(p.getList("errors.pointer"), contains("sort"));
        assertThat(p.getString("errors[0].code"), equalTo("unknown_sort_field"));
    }

    @Test
    void badLimitAndSortAreReportedTogether() {
        JsonPath p = assertProblem(given().queryParam("limit", 0).queryParam("sort", "x").get(ITEMS), 400,
                "validation", ITEMS);
        assertThat(p.getList("errors.pointer"), contains("limit", "sort"));
    }

    @Test
    void garbageCursorIs400OnCursor() {
        JsonPath p = assertProblem(given().queryParam("cursor", "%%garbage%%").get(ITEMS), 400, "validation", ITEMS);
        assertThat(p.getList("errors.pointer"), contains("cursor"));
        assertThat(p.getString("errors[0].code"), equalTo("invalid_cursor"));
    }

    @Test
    void cursorOfAnotherSortIs400OnCursor() {
        String cursor = given().queryParam("limit", 2).queryParam("sort", "-score,name").get(ITEMS).jsonPath()
                .getString("next");
        JsonPath p = assertProblem(given().queryParam("cursor", cursor).get(ITEMS), 400, "validation", ITEMS);
        assertThat(p.getList("errors.pointer"), contains("cursor"));
    }

    @Test
    void forgedNullCursorIs400NotA500() {
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("null".getBytes(StandardCharsets.UTF_8));
        JsonPath p = assertProblem(given().queryParam("cursor", forged).get(ITEMS), 400, "validation", ITEMS);
        assertThat(p.getList("errors.pointer"), contains("cursor"));
    }

    @Test
    void malformedFiltersAre400NamingTheParameter() {
        JsonPath p = assertProblem(given().queryParam("updatedSince", "yesterday").get(ITEMS + "/filters"), 400,
                "validation", ITEMS + "/filters");
        assertThat(p.getList("errors.pointer"), contains("updatedSince"));
        assertThat(p.getString("errors[0].code"), equalTo("invalid_instant"));

        p = assertProblem(given().queryParam("stage", "primry").get(ITEMS + "/filters"), 400, "validation",
                ITEMS + "/filters");
        assertThat(p.getList("errors.pointer"), contains("stage"));
        assertThat(p.getString("errors[0].code"), equalTo("unknown_value"));

        p = assertProblem(given().queryParam("region", "3201").get(ITEMS + "/filters"), 400, "validation",
                ITEMS + "/filters");
        assertThat(p.getList("errors.pointer"), contains("region"));
        assertThat(p.getString("errors[0].code"), equalTo("invalid_format"));
    }

    @Test
    void wellFormedFiltersAreParsed() {
        given().queryParam("updatedSince", "2024-09-01T08:00:00Z").queryParam("stage", "junior")
                .queryParam("region", "320113").get(ITEMS + "/filters").then().statusCode(200)
                .body("stage", equalTo("junior")).body("region", equalTo("320113"))
                .body("updatedSince", equalTo("2024-09-01T08:00:00Z"));
    }
}
