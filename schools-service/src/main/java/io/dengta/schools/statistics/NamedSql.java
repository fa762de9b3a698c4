package io.dengta.schools.statistics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL with {@code :name} parameters (a name may occur several times; {@code ::type} casts are left alone), bound by
 * JDBC: the statistics queries repeat the reference date and the scope in several places, and constants inlined into
 * the text would give the planner no better estimates than bound values.
 */
final class NamedSql {

    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([a-zA-Z][a-zA-Z0-9]*)");

    private final String sql;
    private final List<String> names;

    private NamedSql(String sql, List<String> names) {
        this.sql = sql;
        this.names = names;
    }

    static NamedSql of(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = PARAMETER.matcher(text);
        StringBuilder sql = new StringBuilder();
        while (m.find()) {
            names.add(m.group(1));
            m.appendReplacement(sql, "?");
        }
        m.appendTail(sql);
        return new NamedSql(sql.toString(), List.copyOf(names));
    }

    PreparedStatement prepare(Connection connection, Map<String, ?> values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if (!values.containsKey(name)) {
                    throw new IllegalArgumentException("no value for :" + name);
                }
                Object value = values.get(name);
                if (value instanceof Collection<?> list) {
                    statement.setArray(i + 1, connection.createArrayOf("varchar", list.toArray()));
                } else if (value instanceof LocalDate date) {
                    statement.setObject(i + 1, date);
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
