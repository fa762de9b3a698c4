package io.dengta.commons.testapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.dengta.commons.paging.Cursor;
import io.dengta.commons.paging.Keyset;
import io.dengta.commons.paging.Page;
import io.dengta.commons.paging.PageRequest;
import io.dengta.commons.paging.QueryParams;
import io.dengta.commons.paging.SortField;
import io.dengta.commons.problem.ProblemException;

/** A keyset-paged collection over table testapp_item, the way a service pages with commons. */
@Path("/test/v1/items")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class ItemsResource {

    public record Item(String code, String name, int score, OffsetDateTime updatedAt) {
    }

    static final List<String> SORTABLE = List.of("code", "name", "score", "updatedAt");
    static final Map<String, String> COLUMNS = Map.of("code", "code", "name", "name", "score", "score",
            "updatedAt", "updated_at");
    private static final Pattern PARAM = Pattern.compile(":k(\\d+)");

    @Inject
    DataSource dataSource;

    @GET
    public Page<Item> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @QueryParam("sort") String sort, @QueryParam("includeTotal") String includeTotal) throws SQLException {
        PageRequest page = PageRequest.of(limit, cursor, sort, includeTotal, SORTABLE, "code");
        Keyset keyset = Keyset.of(page, COLUMNS, "code");
        List<String> after = page.cursor() == null ? null : Cursor.decode(page.cursor(), keyset.size());

        StringBuilder sql = new StringBuilder("select code, name, score, updated_at from testapp_item");
        List<Object> params = new ArrayList<>();
        if (after != null) {
            Matcher m = PARAM.matcher(keyset.after());
            StringBuilder where = new StringBuilder();
            while (m.find()) {
                int i = Integer.parseInt(m.group(1));
                params.add(typed(keyset.sort().get(i).name(), after.get(i)));
                m.appendReplacement(where, "?");
            }
            m.appendTail(where);
            sql.append(" where ").append(where);
        }
        sql.append(" order by ").append(keyset.orderBy()).append(" limit ").append(page.fetchSize());

        List<Item> items = new ArrayList<>();
        Long total = null;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    s.setObject(i + 1, params.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        items.add(new Item(rs.getString(1), rs.getString(2), rs.getInt(3),
                                rs.getObject(4, OffsetDateTime.class)));
                    }
                }
            }
            if (page.includeTotal()) {
                try (PreparedStatement s = c.prepareStatement("select count(*) from testapp_item");
                        ResultSet rs = s.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
        }
        String next = null;
        if (items.size() > page.limit()) {
            items = new ArrayList<>(items.subList(0, page.limit()));
            Item last = items.get(items.size() - 1);
            List<String> key = new ArrayList<>();
            for (SortField f : keyset.sort()) {
                key.add(value(last, f.name()));
            }
            next = Cursor.encode(key);
        }
        return new Page<>(items, next, total);
    }

    /** Strict filter parsing with QueryParams: a malformed filter is a 400 naming the parameter. */
    @GET
    @Path("/filters")
    public Map<String, Object> filters(@QueryParam("updatedSince") String updatedSince,
            @QueryParam("stage") String stage, @QueryParam("region") String region) {
        Map<String, Object> parsed = new LinkedHashMap<>();
        parsed.put("updatedSince", QueryParams.instant("updatedSince", updatedSince));
        parsed.put("stage", QueryParams.oneOf("stage", stage, List.of("primary", "junior", "senior")));
        parsed.put("region", QueryParams.matching("region", region, Pattern.compile("\\d{6}"), "a 6-digit region code"));
        return parsed;
    }

    private static Object typed(String field, String value) {
        try {
            return switch (field) {
                case "score" -> Integer.parseInt(value);
                case "updatedAt" -> OffsetDateTime.parse(value);
                default -> value;
            };
        } catch (NumberFormatException | DateTimeParseException | NullPointerException e) {
            throw ProblemException.invalid("cursor", "invalid_cursor", "not a cursor this collection issued");
        }
    }

    private static String value(Item item, String field) {
        return switch (field) {
            case "code" -> item.code();
            case "name" -> item.name();
            case "score" -> Integer.toString(item.score());
            case "updatedAt" -> item.updatedAt().toString();
            default -> throw new IllegalArgumentException(field);
        };
    }
}
