package io.dengta.commons.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.MDC;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dengta.commons.requestid.RequestIds;
import io.dengta.commons.security.CallerScope;

/**
 * Records every write twice, in the writer's transaction: in the change feed (ordered, gapless for
 * a polling consumer, deletes as tombstones) and in the audit trail (who, client, request, before and
 * after). Call {@link #record} as the last step of a write: from then until commit, other writers of
 * the same service wait for the feed's sequence.
 */
@ApplicationScoped
public class WriteJournal {

    private final Instance<DataSource> dataSource;
    private final ObjectMapper json;
    private final Instance<CallerScope> caller;

    public WriteJournal(Instance<DataSource> dataSource, ObjectMapper json, Instance<CallerScope> caller) {
        this.dataSource = dataSource;
        this.json = json;
        this.caller = caller;
    }

    /**
     * @param region the region the resource belongs to (for scoped feeds), or null for global data
     * @param school the school the resource belongs to, or null
     * @param before the state before (null on create), as the API shows it
     * @param after the state after (null on delete)
     */
    public void record(String resourceType, String key, Operation operation, String region, String school,
            Object before, Object after) {
        // joins the caller's JTA transaction: Agroal enlists connections taken inside one
        try (Connection c = dataSource.get().getConnection()) {
            long sequence;
            try (PreparedStatement next = c.prepareStatement(
                    "update change_sequence set last = last + 1 where id = 1 returning last");
                    ResultSet rs = next.executeQuery()) {
                rs.next();
                sequence = rs.getLong(1);
            }
            try (PreparedStatement s = c.prepareStatement("""
                    insert into change_log (sequence, resource_type, resource_key, operation, region_code, school_code)
                    values (?, ?, ?, ?, ?, ?)""")) {
                s.setLong(1, sequence);
                s.setString(2, resourceType);
                s.setString(3, key);
                s.setString(4, operation.code());
                s.setString(5, region);
                s.setString(6, school);
                s.executeUpdate();
            }
            CallerScope who = caller.get();
            Object requestId = MDC.get(RequestIds.MDC_KEY);
            try (PreparedStatement s = c.prepareStatement("""
                    insert into audit_record (subject, client, request_id, resource_type, resource_key, operation, before, after)
                    values (?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))""")) {
                s.setString(1, who.subject());
                s.setString(2, who.clientId());
                s.setString(3, requestId == null ? null : requestId.toString());
                s.setString(4, resourceType);
                s.setString(5, key);
                s.setString(6, before == null ? "create" : after == null ? "delete" : "update");
                setJson(s, 7, before);
                setJson(s, 8, after);
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The write could not be journalled", e);
        }
    }

    /** One write of a batch for {@link #recordAll}: the arguments of {@link #record}. */
    public record Entry(String resourceType, String key, Operation operation, String region, String school,
            Object before, Object after) {
    }

    /**
     * As {@link #record} for each entry, in order, with one statement per table: the entries get consecutive
     * sequence numbers (one update of the feed's sequence, the same lock) and audit records in that order. For
     * bulk writers, whose per-row round trips would dominate.
     */
    public void recordAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        int n = entries.size();
        String[] types = new String[n];
        String[] keys = new String[n];
        String[] operations = new String[n];
        String[] regions = new String[n];
        String[] schools = new String[n];
        String[] auditOperations = new String[n];
        String[] befores = new String[n];
        String[] afters = new String[n];
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            types[i] = e.resourceType();
            keys[i] = e.key();
            operations[i] = e.operation().code();
            regions[i] = e.region();
            schools[i] = e.school();
            auditOperations[i] = e.before() == null ? "create" : e.after() == null ? "delete" : "update";
            befores[i] = toJson(e.before());
            afters[i] = toJson(e.after());
        }
        try (Connection c = dataSource.get().getConnection()) {
            long last;
            try (PreparedStatement next = c.prepareStatement(
                    "update change_sequence set last = last + ? where id = 1 returning last")) {
                next.setLong(1, n);
                try (ResultSet rs = next.executeQuery()) {
                    rs.next();
                    last = rs.getLong(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement("""
                    insert into change_log (sequence, resource_type, resource_key, operation, region_code, school_code)
                    select ? + u.ord, u.t, u.k, u.o, u.r, u.s
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) with ordinality as u(t, k, o, r, s, ord)""")) {
                s.setLong(1, last - n);
                s.setArray(2, c.createArrayOf("text", types));
                s.setArray(3, c.createArrayOf("text", keys));
                s.setArray(4, c.createArrayOf("text", operations));
                s.setArray(5, c.createArrayOf("text", regions));
                s.setArray(6, c.createArrayOf("text", schools));
                s.executeUpdate();
            }
            CallerScope who = caller.get();
            Object requestId = MDC.get(RequestIds.MDC_KEY);
            try (PreparedStatement s = c.prepareStatement("""
                    insert into audit_record (subject, client, request_id, resource_type, resource_key, operation, before, after)
                    select ?, ?, ?, u.t, u.k, u.o, cast(u.b as jsonb), cast(u.a as jsonb)
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) with ordinality as u(t, k, o, b, a, ord)
                    order by u.ord""")) {
                s.setString(1, who.subject());
                s.setString(2, who.clientId());
                s.setString(3, requestId == null ? null : requestId.toString());
                s.setArray(4, c.createArrayOf("text", types));
                s.setArray(5, c.createArrayOf("text", keys));
                s.setArray(6, c.createArrayOf("text", auditOperations));
                s.setArray(7, c.createArrayOf("text", befores));
                s.setArray(8, c.createArrayOf("text", afters));
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The writes could not be journalled", e);
        }
    }

    /**
     * Takes the feed's lock (which {@link #record} takes anyway) now, in the caller's transaction, until it
     * ends. A writer that locks rows before journalling them ({@code SELECT ... FOR UPDATE}, or several
     * writes in one transaction) calls this before its first row lock: writers then take their locks in
     * one order (feed, then rows) and cannot deadlock each other. Calling it again in the same
     * transaction is harmless.
     */
    public void lockFeed() {
        try (Connection c = dataSource.get().getConnection();
                PreparedStatement s = c.prepareStatement("select last from change_sequence where id = 1 for update");
                ResultSet rs = s.executeQuery()) {
            rs.next();
        } catch (SQLException e) {
            throw new IllegalStateException("The change feed could not be locked", e);
        }
    }

    /**
     * Changes after {@code after}, oldest first.
     *
     * @param regionPrefixes null for every change; otherwise only changes of regions starting with one
     *        of these prefixes, of the given schools, or of global resources (no region)
     */
    public ChangePage changes(long after, int limit, List<String> resourceTypes, List<String> regionPrefixes,
            List<String> schools) {
        StringBuilder sql = new StringBuilder("""
                select sequence, resource_type, resource_key, operation, region_code, school_code, at
                from change_log where sequence > ?""");
        List<Object> params = new ArrayList<>(List.of(after));
        if (resourceTypes != null && !resourceTypes.isEmpty()) {
            sql.append(" and resource_type = any(?)");
            params.add(resourceTypes.toArray(String[]::new));
        }
        if (regionPrefixes != null) {
            sql.append(" and (region_code is null and school_code is null");
            for (String prefix : regionPrefixes) {
                sql.append(" or region_code like ?");
                params.add(prefix + "%");
            }
            if (schools != null && !schools.isEmpty()) {
                sql.append(" or school_code = any(?)");
                params.add(schools.toArray(String[]::new));
            }
            sql.append(")");
        }
        sql.append(" order by sequence limit ?");
        params.add(limit);
        List<Change> items = new ArrayList<>();
        try (Connection c = dataSource.get().getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            bind(c, s, params);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    items.add(new Change(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The change feed could not be read", e);
        }
        return new ChangePage(items, items.isEmpty() ? after : items.get(items.size() - 1).sequence());
    }

    /** Audit entries, newest first, optionally for one resource type and key, before an id (paging). */
    public List<AuditEntry> audit(String resourceType, String key, String subject, Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("""
                select id, at, subject, client, request_id, resource_type, resource_key, operation, before, after
                from audit_record where true""");
        List<Object> params = new ArrayList<>();
        if (resourceType != null) {
            sql.append(" and resource_type = ?");
            params.add(resourceType);
        }
        if (key != null) {
            sql.append(" and resource_key = ?");
            params.add(key);
        }
        if (subject != null) {
            sql.append(" and subject = ?");
            params.add(subject);
        }
        if (beforeId != null) {
            sql.append(" and id < ?");
            params.add(beforeId);
        }
        sql.append(" order by id desc limit ?");
        params.add(limit);
        List<AuditEntry> entries = new ArrayList<>();
        try (Connection c = dataSource.get().getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            bind(c, s, params);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.add(new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            readJson(rs.getString(9)), readJson(rs.getString(10))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The audit trail could not be read", e);
        }
        return entries;
    }

    private static void bind(Connection c, PreparedStatement s, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof String[] array) {
                s.setArray(i + 1, c.createArrayOf("text", array));
            } else {
                s.setObject(i + 1, p);
            }
        }
    }

    private void setJson(PreparedStatement s, int index, Object value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.VARCHAR);
            return;
        }
        try {
            s.setString(index, json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit state could not be written as JSON", e);
        }
    }

    private String toJson(Object value) {
        try {
            return value == null ? null : json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit state could not be written as JSON", e);
        }
    }

    private JsonNode readJson(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit state could not be read", e);
        }
    }
}
