package io.dengta.indicators.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Journals reference data that Flyway migrations load, as {@code WriteJournal} journals API writes: a change-feed
 * entry (so an integrator that mirrors the catalog from sequence 0 sees the seeded entries too) and an audit
 * record with subject {@value #SUBJECT}. Runs on the migration's connection, in its transaction.
 */
public final class SeedJournal {

    public static final String SUBJECT = "flyway:reference-data";

    private final Connection connection;
    private final ObjectMapper json;

    public SeedJournal(Connection connection, ObjectMapper json) {
        this.connection = connection;
        this.json = json;
    }

    public void created(String resourceType, String key, Object after) throws SQLException {
        record(resourceType, key, null, after);
    }

    /** A seeded resource a later migration changed: the change feed's upsert and an audit 'update'. */
    public void updated(String resourceType, String key, Object before, Object after) throws SQLException {
        record(resourceType, key, before, after);
    }

    private void record(String resourceType, String key, Object before, Object after) throws SQLException {
        long sequence;
        try (PreparedStatement next = connection.prepareStatement(
                "update change_sequence set last = last + 1 where id = 1 returning last");
                ResultSet rs = next.executeQuery()) {
            rs.next();
            sequence = rs.getLong(1);
        }
        try (PreparedStatement s = connection.prepareStatement("""
                insert into change_log (sequence, resource_type, resource_key, operation) values (?, ?, ?, 'upsert')""")) {
            s.setLong(1, sequence);
            s.setString(2, resourceType);
            s.setString(3, key);
            s.executeUpdate();
        }
        try (PreparedStatement s = connection.prepareStatement("""
                insert into audit_record (subject, resource_type, resource_key, operation, before, after)
                values (?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))""")) {
            s.setString(1, SUBJECT);
            s.setString(2, resourceType);
            s.setString(3, key);
            s.setString(4, before == null ? "create" : "update");
            s.setString(5, before == null ? null : json.writeValueAsString(before));
            s.setString(6, json.writeValueAsString(after));
            s.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Seeded state could not be written as JSON", e);
        }
    }
}
