package io.dengta.commons.paging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.dengta.commons.problem.ProblemException;

/**
 * One page of a filtered, sorted collection with keyset paging: applies the cursor, fetches one row
 * more than the limit to know whether there is a next page, and encodes the next cursor.
 *
 * <pre>{@code
 * KeysetQuery<School> query = new KeysetQuery<>("from School s", SORT_KEYS, "code");
 * Page<SchoolView> page = query.fetch(pageRequest, where, params,
 *         (jpql, p, max) -> School.<School>find(jpql, p).page(0, max).list(),
 *         (jpql, p) -> School.count(jpql, p), SchoolView::of); // lambdas: Panache enhances School's statics, not PanacheEntityBase's
 * }</pre>
 */
public final class KeysetQuery<E> {

    /** Runs a JPQL query with named parameters, returning at most {@code max} rows. */
    @FunctionalInterface
    public interface Fetch<E> {
        List<E> fetch(String jpql, Map<String, Object> params, int max);
    }

    /** Counts the rows of a JPQL query. */
    @FunctionalInterface
    public interface Count {
        long count(String jpql, Map<String, Object> params);
    }

    private final String from;
    private final Map<String, SortKey<E>> sortKeys;
    private final String uniqueField;

    /**
     * @param from e.g. {@code from School s}
     * @param sortKeys the sortable API fields, in the order the contract lists them
     * @param uniqueField the sort key that tells rows apart, appended as the last sort field
     */
    public KeysetQuery(String from, Map<String, SortKey<E>> sortKeys, String uniqueField) {
        this.from = from;
        this.sortKeys = new LinkedHashMap<>(sortKeys);
        this.uniqueField = uniqueField;
    }

    public List<String> sortable() {
        return List.copyOf(sortKeys.keySet());
    }

    /**
     * @param where a JPQL condition over the alias of {@code from} ({@code "1 = 1"} for none)
     */
    public <V> Page<V> fetch(PageRequest page, String where, Map<String, Object> params, Fetch<E> fetch, Count count,
            Function<E, V> view) {
        Map<String, String> columns = new HashMap<>();
        sortKeys.forEach((name, key) -> columns.put(name, key.path()));
        Keyset keyset = Keyset.of(page, columns, uniqueField);
        Long total = page.includeTotal() ? count.count(from + " where " + where, params) : null;

        Map<String, Object> pageParams = new HashMap<>(params);
        String seek = "";
        if (page.cursor() != null) {
            List<String> after = Cursor.decode(page.cursor(), keyset.size());
            for (int i = 0; i < keyset.size(); i++) {
                try {
                    pageParams.put("k" + i, sortKeys.get(keyset.sort().get(i).name()).parse().apply(after.get(i)));
                } catch (RuntimeException e) {
                    throw ProblemException.invalid("cursor", "invalid_cursor", "not a cursor of this collection");
                }
            }
            seek = " and " + keyset.after();
        }
        List<E> rows = new ArrayList<>(fetch.fetch(from + " where (" + where + ")" + seek + " order by "
                + keyset.orderBy(), pageParams, page.fetchSize()));
        String next = null;
        if (rows.size() > page.limit()) {
            rows = rows.subList(0, page.limit());
            E last = rows.get(rows.size() - 1);
            next = Cursor.encode(keyset.sort().stream()
                    .map(f -> String.valueOf(sortKeys.get(f.name()).value().apply(last))).toList());
        }
        return new Page<>(rows.stream().map(view).toList(), next, total);
    }
}
