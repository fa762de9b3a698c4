package io.dengta.indicators.observation;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.dengta.commons.period.Period;

/**
 * Reads and writes observation rows over JDBC, in the caller's transaction (Agroal enlists the connection).
 * JDBC rather than Hibernate so that an import of a million rows keeps no persistence context, and reads
 * the current state of a whole batch of keys in one query. Writes are optimistic: an update names the
 * version it read and an insert does nothing on a concurrent insert of the same key; both then answer
 * null and the caller reads the row again.
 */
@ApplicationScoped
class ObservationStore {

    private static final String COLUMNS = """
            o.id, o.indicator_code, o.unit_code, o.region_code, o.period_code, o.stage, o.value, o.numerator,
            o.denominator, o.status, o.source, o.comment, o.version, o.created_at, o.updated_at, o.deleted_at""";
    private static final String RETURNING = " returning " + COLUMNS.replace("o.", "");

    private final DataSource dataSource;

    ObservationStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The row of {@code key}, deleted or not; {@code lock} holds it until the transaction ends. */
    Optional<StoredObservation> find(ObservationKey key, boolean lock) {
        String sql = "select " + COLUMNS + " " + """
                 from observation o
                where o.indicator_code = ? and o.period_code = ? and o.stage = ? and o.unit_code = ?""" + (lock ? " for update" : "");
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, key.indicator());
            s.setString(2, key.period().code());
            s.setString(3, key.storedStage());
            s.setString(4, key.unit());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Observation could not be read", e);
        }
    }

    /** The rows of these keys that exist (deleted or not), in one query. */
    Map<ObservationKey, StoredObservation> findAll(Collection<ObservationKey> keys) {
        Map<ObservationKey, StoredObservation> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        // one probe of the key's unique index per key (a lateral subquery; its limit, harmless on a unique key, keeps
        // the planner from flattening it into a join): a plain join may become a scan of the whole table or index,
        // which the planner picks when its statistics say the table is empty (a first load of an emptied table,
        // whose rows the import itself adds), making a long import quadratic
        String sql = "select " + COLUMNS + " " + """
                 from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[]) as k(indicator_code, period_code, stage, unit_code)
                 cross join lateral (select * from observation x
                                      where x.indicator_code = k.indicator_code and x.period_code = k.period_code
                                        and x.stage = k.stage and x.unit_code = k.unit_code
                                      limit 1) o""";
        String[] indicators = new String[keys.size()];
        String[] periods = new String[keys.size()];
        String[] stages = new String[keys.size()];
        String[] units = new String[keys.size()];
        int i = 0;
        for (ObservationKey k : keys) {
            indicators[i] = k.indicator();
            periods[i] = k.period().code();
            stages[i] = k.storedStage();
            units[i] = k.unit();
            i++;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("varchar", indicators));
            s.setArray(2, c.createArrayOf("varchar", periods));
            s.setArray(3, c.createArrayOf("varchar", stages));
            s.setArray(4, c.createArrayOf("varchar", units));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    StoredObservation o = read(rs);
                    found.put(o.key(), o);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Observations could not be read", e);
        }
        return found;
    }

    /** Creates the row; null when the key exists already (a concurrent writer was first). */
    StoredObservation insert(ValidObservation o, OffsetDateTime now) {
        String sql = """
                insert into observation (indicator_code, unit_code, unit_type, region_code, period_code, period_type,
                    period_start, period_end, stage, value, numerator, denominator, status, source, comment, version,
                    created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
                on conflict (indicator_code, period_code, stage, unit_code) do nothing""" + RETURNING;
        ObservationKey k = o.key();
        Period p = k.period();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, k.indicator());
            s.setString(2, k.unit());
            s.setString(3, k.unitType());
            s.setString(4, o.region());
            s.setString(5, p.code());
            s.setString(6, p.type().code());
            s.setDate(7, Date.valueOf(p.startDate()));
            s.setDate(8, Date.valueOf(p.endDate()));
            s.setString(9, k.storedStage());
            s.setBigDecimal(10, o.value());
            s.setBigDecimal(11, o.numerator());
            s.setBigDecimal(12, o.denominator());
            s.setString(13, o.status());
            s.setString(14, o.source());
            s.setString(15, o.comment());
            s.setObject(16, now);
            s.setObject(17, now);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? read(rs) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Observation could not be written", e);
        }
    }

    /**
     * Replaces the content of row {@code id} if it is still at {@code version} (and brings a deleted row
     * back, as created now); null when another writer changed it first.
     */
    StoredObservation update(long id, long version, ValidObservation o, OffsetDateTime now) {
        String sql = """
                update observation set region_code = ?, value = ?, numerator = ?, denominator = ?, status = ?,
                    source = ?, comment = ?, version = version + 1, updated_at = ?,
                    created_at = case when deleted_at is null then created_at else ? end, deleted_at = null
                where id = ? and version = ?""" + RETURNING;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, o.region());
            s.setBigDecimal(2, o.value());
            s.setBigDecimal(3, o.numerator());
            s.setBigDecimal(4, o.denominator());
            s.setString(5, o.status());
            s.setString(6, o.source());
            s.setString(7, o.comment());
            s.setObject(8, now);
            s.setObject(9, now);
            s.setLong(10, id);
            s.setLong(11, version);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? read(rs) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Observation could not be written", e);
        }
    }

    /** Marks row {@code id} deleted if it is live and still at {@code version}; null otherwise. */
    StoredObservation softDelete(long id, long version, OffsetDateTime now) {
        String sql = """
                update observation set deleted_at = ?, updated_at = ?, version = version + 1
                where id = ? and version = ? and deleted_at is null""" + RETURNING;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, now);
            s.setObject(2, now);
            s.setLong(3, id);
            s.setLong(4, version);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? read(rs) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Observation could not be deleted", e);
        }
    }

    /** A row to replace ({@link #updateAll}): row {@code id}, still at {@code version}, gets {@code observation}. */
    record Replacement(long id, long version, ValidObservation observation) {
    }

    /**
     * Creates these rows in one statement (the import's batch write); how many were created. A key that
     * exists already is left alone and not counted: the caller, which holds the feed's lock, treats a
     * shortfall as a failure.
     */
    int insertAll(List<ValidObservation> rows, OffsetDateTime now) {
        if (rows.isEmpty()) {
            return 0;
        }
        String sql = """
                insert into observation (indicator_code, unit_code, unit_type, region_code, period_code, period_type,
                    period_start, period_end, stage, value, numerator, denominator, status, source, comment, version,
                    created_at, updated_at)
                select t.indicator, t.unit, t.unit_type, t.region, t.period, t.period_type, t.period_start::date,
                       t.period_end::date, t.stage, t.value::numeric, t.numerator::numeric, t.denominator::numeric,
                       t.status, t.source, t.comment, 0, ?, ?
                  from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                              ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    as t(indicator, unit, unit_type, region, period, period_type, period_start, period_end, stage,
                         value, numerator, denominator, status, source, comment)
                on conflict (indicator_code, period_code, stage, unit_code) do nothing""";
        int n = rows.size();
        String[][] columns = new String[15][n];
        for (int i = 0; i < n; i++) {
            ValidObservation o = rows.get(i);
            ObservationKey k = o.key();
            Period p = k.period();
            columns[0][i] = k.indicator();
            columns[1][i] = k.unit();
            columns[2][i] = k.unitType();
            columns[3][i] = o.region();
            columns[4][i] = p.code();
            columns[5][i] = p.type().code();
            columns[6][i] = p.startDate().toString();
            columns[7][i] = p.endDate().toString();
            columns[8][i] = k.storedStage();
            columns[9][i] = text(o.value());
            columns[10][i] = text(o.numerator());
            columns[11][i] = text(o.denominator());
            columns[12][i] = o.status();
            columns[13][i] = o.source();
            columns[14][i] = o.comment();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, now);
            s.setObject(2, now);
            for (int col = 0; col < columns.length; col++) {
                s.setArray(col + 3, c.createArrayOf("text", columns[col]));
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Observations could not be written", e);
        }
    }

    /**
     * Replaces the content of these rows in one statement, each only if still at its version (a deleted row
     * comes back, as created now); how many were replaced.
     */
    int updateAll(List<Replacement> rows, OffsetDateTime now) {
        if (rows.isEmpty()) {
            return 0;
        }
        String sql = """
                update observation o set region_code = t.region, value = t.value::numeric,
                    numerator = t.numerator::numeric, denominator = t.denominator::numeric, status = t.status,
                    source = t.source, comment = t.comment, version = o.version + 1, updated_at = ?,
                    created_at = case when o.deleted_at is null then o.created_at else ? end, deleted_at = null
                  from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                              ?::text[])
                    as t(id, version, region, value, numerator, denominator, status, source, comment)
                 where o.id = t.id and o.version = t.version""";
        int n = rows.size();
        Long[] ids = new Long[n];
        Long[] versions = new Long[n];
        String[][] columns = new String[7][n];
        for (int i = 0; i < n; i++) {
            Replacement r = rows.get(i);
            ValidObservation o = r.observation();
            ids[i] = r.id();
            versions[i] = r.version();
            columns[0][i] = o.region();
            columns[1][i] = text(o.value());
            columns[2][i] = text(o.numerator());
            columns[3][i] = text(o.denominator());
            columns[4][i] = o.status();
            columns[5][i] = o.source();
            columns[6][i] = o.comment();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, now);
            s.setObject(2, now);
            s.setArray(3, c.createArrayOf("bigint", ids));
            s.setArray(4, c.createArrayOf("bigint", versions));
            for (int col = 0; col < columns.length; col++) {
                s.setArray(col + 5, c.createArrayOf("text", columns[col]));
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Observations could not be written", e);
        }
    }

    private static String text(java.math.BigDecimal n) {
        return n == null ? null : n.toPlainString();
    }

    private static StoredObservation read(ResultSet rs) throws SQLException {
        ObservationKey key = new ObservationKey(rs.getString("indicator_code"), rs.getString("unit_code"),
                Period.parse(rs.getString("period_code")), ObservationKey.stageOf(rs.getString("stage")));
        return new StoredObservation(rs.getLong("id"), key, rs.getString("region_code"), rs.getBigDecimal("value"),
                rs.getBigDecimal("numerator"), rs.getBigDecimal("denominator"), rs.getString("status"),
                rs.getString("source"), rs.getString("comment"), rs.getLong("version"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
                rs.getObject("deleted_at", OffsetDateTime.class));
    }
}
