package io.dengta.commons.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the keyset ("seek") predicate and ordering for a sorted collection whose last sort field is
 * unique, so pages never skip or repeat rows: for sort (a, -b, code) after (x, y, z) the predicate is
 * {@code a > x or (a = x and b < y) or (a = x and b = y and code > z)}.
 *
 * @param columns maps each sortable API field to a column or JPQL path that is never null
 */
public record Keyset(List<SortField> sort, Map<String, String> columns) {

    /** The sort with the unique tie-breaker appended when the client did not sort by it already. */
    public static Keyset of(PageRequest page, Map<String, String> columns, String uniqueField) {
        List<SortField> sort = new ArrayList<>(page.sort());
        if (sort.stream().noneMatch(f -> f.name().equals(uniqueField))) {
            sort.add(new SortField(uniqueField, false));
        }
        return new Keyset(List.copyOf(sort), columns);
    }

    public String orderBy() {
        return String.join(", ", sort.stream()
                .map(f -> columns.get(f.name()) + (f.descending() ? " desc" : " asc")).toList());
    }

    /** The predicate with parameters {@code :k0, :k1, …}, one per sort field, in sort order. */
    public String after() {
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < sort.size(); i++) {
            List<String> terms = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                terms.add(columns.get(sort.get(j).name()) + " = :k" + j);
            }
            SortField f = sort.get(i);
            terms.add(columns.get(f.name()) + (f.descending() ? " < :k" : " > :k") + i);
            alternatives.add("(" + String.join(" and ", terms) + ")");
        }
        return "(" + String.join(" or ", alternatives) + ")";
    }

    public int size() {
        return sort.size();
    }
}
