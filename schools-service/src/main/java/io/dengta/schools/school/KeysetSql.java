package io.dengta.schools.school;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dengta.commons.paging.Cursor;
import io.dengta.commons.paging.Keyset;
import io.dengta.commons.paging.PageRequest;
import io.dengta.commons.problem.ProblemException;

/**
 * Keyset paging in plain SQL for the registry's hot lists (teachers, schools): the seek predicate and ordering of
 * commons {@link Keyset} over SQL columns, with positional parameters, and the same cursors as
 * {@link io.dengta.commons.paging.KeysetQuery} issues for the same sort (so cursors stay valid across both).
 * Lists read projections, not entities: hydrating and dirty-tracking entities cost more than the query itself.
 */
public final class KeysetSql {

    private static final Pattern KEY = Pattern.compile(":k(\\d+)");

    /** A sortable API field: its SQL column (never null) and how a cursor value reads back. */
    public record Column(String sql, Function<String, Object> parse) {
    }

    /** A WHERE clause under construction, with its positional parameters in order. */
    public static final class Where {

        private final StringBuilder sql = new StringBuilder("true");
        private final List<Object> params = new ArrayList<>();

        /** Appends {@code and (condition)}; each {@code ?} takes the next of {@code values}. */
        public Where and(String condition, Object... values) {
            sql.append(" and (").append(condition).append(')');
            params.addAll(List.of(values));
            return this;
        }

        public String sql() {
            return sql.toString();
        }

        public List<Object> params() {
            return params;
        }
    }

    /** The page's SQL: {@code select ... where filter and seek order by ... limit ?} with its parameters. */
    public record PageSql(String sql, List<Object> params, Keyset keyset) {
    }

    private final Map<String, Column> columns;
    private final String uniqueField;

    public KeysetSql(Map<String, Column> columns, String uniqueField) {
        this.columns = Map.copyOf(columns);
        this.uniqueField = uniqueField;
    }

    /**
     * @param select e.g. {@code select t.a, t.b from teacher t}
     */
    public PageSql page(String select, Where where, PageRequest page) {
        Map<String, String> sqlColumns = new HashMap<>();
        columns.forEach((name, column) -> sqlColumns.put(name, column.sql()));
        Keyset keyset = Keyset.of(page, sqlColumns, uniqueField);
        StringBuilder sql = new StringBuilder(select).append(" where ").append(where.sql());
        List<Object> params = new ArrayList<>(where.params());
        if (page.cursor() != null) {
            List<String> after = Cursor.decode(page.cursor(), keyset.size());
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < keyset.size(); i++) {
                try {
                    values.add(columns.get(keyset.sort().get(i).name()).parse().apply(after.get(i)));
                } catch (RuntimeException e) {
                    throw ProblemException.invalid("cursor", "invalid_cursor", "not a cursor of this collection");
                }
            }
            Matcher m = KEY.matcher(keyset.after());
            StringBuilder seek = new StringBuilder();
            while (m.find()) {
                params.add(values.get(Integer.parseInt(m.group(1))));
                m.appendReplacement(seek, "?");
            }
            m.appendTail(seek);
            sql.append(" and ").append(seek);
        }
        sql.append(" order by ").append(keyset.orderBy()).append(" limit ?");
        params.add(page.fetchSize());
        return new PageSql(sql.toString(), params, keyset);
    }

    /** The cursor after {@code last}: its sort key values as the API fields name them. */
    public static String next(Keyset keyset, Function<String, Object> valueOfField) {
        return Cursor.encode(keyset.sort().stream().map(f -> String.valueOf(valueOfField.apply(f.name()))).toList());
    }

    /** Binds positional parameters: arrays as {@code varchar[]}, everything else as JDBC objects. */
    public static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        try {
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof String[] array) {
                    s.setArray(i + 1, c.createArrayOf("varchar", array));
                } else if (p instanceof List<?> list) {
                    s.setArray(i + 1, c.createArrayOf("varchar", list.toArray()));
                } else {
                    s.setObject(i + 1, p);
                }
            }
            return s;
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }
}
