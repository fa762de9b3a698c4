package io.dengta.commons.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.dengta.commons.problem.FieldError;
import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.problem.ProblemType;

/** Limit, sort and includeTotal rules of a page request (no server needed). */
class PageRequestTest {

    private static final List<String> SORTABLE = List.of("code", "name", "updatedAt");

    private static PageRequest of(String limit, String sort) {
        return PageRequest.of(limit, null, sort, null, SORTABLE, "code");
    }

    private static List<String> pointers(ProblemException e) {
        return e.errors().stream().map(FieldError::pointer).toList();
    }

    @Test
    void defaultsAreLimit50SortedByTheDefaultWithoutTotal() {
        PageRequest page = PageRequest.of(null, null, null, null, SORTABLE, "code");
        assertEquals(50, page.limit());
        assertEquals(PageRequest.DEFAULT_LIMIT, page.limit());
        assertEquals(51, page.fetchSize());
        assertEquals(List.of(new SortField("code", false)), page.sort());
        assertNull(page.cursor());
        assertFalse(page.includeTotal());
    }

    @Test
    void blankValuesAreDefaults() {
        PageRequest page = PageRequest.of(" ", " ", " ", " ", SORTABLE, "code");
        assertEquals(50, page.limit());
        assertNull(page.cursor());
        assertEquals(List.of(new SortField("code", false)), page.sort());
        assertFalse(page.includeTotal());
    }

    @Test
    void limitsFrom1To1000AreAccepted() {
        assertEquals(1, of("1", null).limit());
        assertEquals(1000, of("1000", null).limit());
    }

    @ParameterizedTest
    @ValueSource(strings = { "1001", "0", "-1", "ten", "1.5", "99999999999" })
    void limitOutOfRangeOrNotANumberIs400OnLimit(String limit) {
        ProblemException e = assertThrows(ProblemException.class, () -> of(limit, null));
        assertEquals(ProblemType.VALIDATION, e.type());
        assertEquals(List.of("limit"), pointers(e));
        assertEquals("out_of_range", e.errors().get(0).code());
    }

    @Test
    void sortParsesDirections() {
        assertEquals(List.of(new SortField("name", false), new SortField("updatedAt", true)),
                of(null, "name,-updatedAt").sort());
        assertEquals(List.of(new SortField("name", false)), of(null, " name ").sort());
    }

    @ParameterizedTest
    @ValueSource(strings = { "nmae", "name,secret", "-", "name,,code", "name,-name", "NAME", "name;drop table x" })
    void unknownOrRepeatedSortFieldIs400OnSort(String sort) {
        ProblemException e = assertThrows(ProblemException.class, () -> of(null, sort));
        assertEquals(List.of("sort"), pointers(e));
        assertEquals("unknown_sort_field", e.errors().get(0).code());
    }

    @Test
    void badLimitAndBadSortAreReportedTogether() {
        ProblemException e = assertThrows(ProblemException.class, () -> of("1001", "bogus"));
        assertEquals(List.of("limit", "sort"), pointers(e));
        assertEquals("2 fields are not valid", e.getMessage());
    }

    @Test
    void includeTotalIsStrict() {
        assertTrue(PageRequest.of(null, null, null, "true", SORTABLE, "code").includeTotal());
        assertFalse(PageRequest.of(null, null, null, "false", SORTABLE, "code").includeTotal());
        ProblemException e = assertThrows(ProblemException.class,
                () -> PageRequest.of(null, null, null, "yes", SORTABLE, "code"));
        assertEquals(List.of("includeTotal"), pointers(e));
    }

    @Test
    void cursorIsKept() {
        assertEquals("abc", PageRequest.of(null, "abc", null, null, SORTABLE, "code").cursor());
    }
}
