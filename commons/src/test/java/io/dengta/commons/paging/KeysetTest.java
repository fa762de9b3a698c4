package io.dengta.commons.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The seek predicate and ordering strings for mixed-direction sorts. */
class KeysetTest {

    private static final List<String> SORTABLE = List.of("code", "name", "updatedAt");
    private static final Map<String, String> COLUMNS = Map.of("code", "s.code", "name", "s.name", "updatedAt",
            "s.updatedAt");

    private static Keyset keyset(String sort) {
        return Keyset.of(PageRequest.of(null, null, sort, null, SORTABLE, "code"), COLUMNS, "code");
    }

    @Test
    void mixedDirectionsWithTheUniqueFieldAppended() {
        Keyset k = keyset("name,-updatedAt");
        assertEquals(3, k.size());
        assertEquals(List.of(new SortField("name", false), new SortField("updatedAt", true),
                new SortField("code", false)), k.sort());
        assertEquals("s.name asc, s.updatedAt desc, s.code asc", k.orderBy());
        assertEquals("((s.name > :k0)"
                + " or (s.name = :k0 and s.updatedAt < :k1)"
                + " or (s.name = :k0 and s.updatedAt = :k1 and s.code > :k2))", k.after());
    }

    @Test
    void descendingFirstField() {
        Keyset k = keyset("-updatedAt,name");
        assertEquals("s.updatedAt desc, s.name asc, s.code asc", k.orderBy());
        assertEquals("((s.updatedAt < :k0)"
                + " or (s.updatedAt = :k0 and s.name > :k1)"
                + " or (s.updatedAt = :k0 and s.name = :k1 and s.code > :k2))", k.after());
    }

    @Test
    void uniqueFieldAlreadySortedIsNotAppendedAgain() {
        Keyset k = keyset("-code");
        assertEquals(1, k.size());
        assertEquals("s.code desc", k.orderBy());
        assertEquals("((s.code < :k0))", k.after());
    }

    @Test
    void defaultSortIsTheUniqueField() {
        Keyset k = keyset(null);
        assertEquals("s.code asc", k.orderBy());
        assertEquals("((s.code > :k0))", k.after());
    }
}
