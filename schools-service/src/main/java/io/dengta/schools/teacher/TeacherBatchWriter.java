package io.dengta.schools.teacher;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.dengta.commons.imports.RowOutcome;
import io.dengta.commons.imports.RowWriter;
import io.dengta.commons.journal.Operation;
import io.dengta.commons.journal.WriteJournal;
import io.dengta.commons.problem.FieldError;
import io.dengta.commons.problem.ProblemException;
import io.dengta.schools.imports.ImportRows;
import io.dengta.schools.school.SchoolAccess;
import io.dengta.schools.school.Stage;

/**
 * The set-based path of the teachers import. The rows of each chunk that ImportRunner hands to
 * {@link RowWriter#prepare} are decided together, with the rules of a single PUT ({@link TeacherService#upsert}:
 * scope, {@link TeacherRules}, one record per national ID, unchanged rows write nothing), but with a few queries
 * per chunk instead of several per row: the chunk's teachers (locked) and honours, their schools, the owners of
 * their national IDs, then one upsert of the changed teachers, one replacement of their honours and one
 * journal insert per table ({@link WriteJournal#recordAll}). {@link RowWriter#write} then answers each row
 * with what was decided for it, so the runner's report, transactions and modes are those of the row path.
 * <p>
 * A staff code repeated within a chunk starts a new sub-batch, so a later row sees the earlier one as stored
 * (created, then updated or unchanged), as row-by-row writing would. Each sub-batch runs under a savepoint:
 * when the database refuses it (a concurrent write of the same national ID, a school deleted meanwhile), its
 * rows are retried one at a time to find the row to blame, which is then reported as failed to the runner
 * (atomic: nothing kept; best-effort: the runner isolates the row).
 */
@ApplicationScoped
public class TeacherBatchWriter {

    private static final String TEACHER_COLUMNS = "staff_code, name, gender, birth_date, national_id_hash, "
            + "national_id_last4, phone, employing_school, highest_degree, certificate_type, certificate_stage, "
            + "certificate_number, title, subjects, employment, dual_qualified, status, source, version, created_at, "
            + "updated_at";

    private final DataSource dataSource;
    private final NationalIds nationalIds;
    private final WriteJournal journal;

    public TeacherBatchWriter(DataSource dataSource, NationalIds nationalIds, WriteJournal journal) {
        this.dataSource = dataSource;
        this.nationalIds = nationalIds;
        this.journal = journal;
    }

    /**
     * A writer for one import.
     *
     * @param convert the row as a TeacherInput, checked by bean validation; throws ProblemException otherwise
     * @param column where an error about the converted input belongs in the file (CSV column names)
     * @param access the caller's scope
     */
    public <T> RowWriter<T> writer(Function<T, TeacherInput> convert, UnaryOperator<String> column,
            SchoolAccess access) {
        return new Batch<>(convert, column, access);
    }

    /** What was decided for one row. */
    private static final class Row<T> {
        final T raw;
        TeacherInput input;
        ProblemException rejection;
        RuntimeException failure;
        RowOutcome outcome;
        String nationalIdHash;
        boolean notReached;

        Row(T raw) {
            this.raw = raw;
        }

        void reset() {
            rejection = null;
            outcome = null;
            nationalIdHash = null;
        }
    }

    private record SchoolRef(String code, String region, boolean vocational) {
    }

    private final class Batch<T> implements RowWriter<T> {
        private final Function<T, TeacherInput> convert;
        private final UnaryOperator<String> column;
        private final SchoolAccess access;
        private final Deque<Row<T>> decided = new ArrayDeque<>();

        Batch(Function<T, TeacherInput> convert, UnaryOperator<String> column, SchoolAccess access) {
            this.convert = convert;
            this.column = column;
            this.access = access;
        }

        @Override
        public void prepare(List<T> rows) {
            decided.clear();
            List<Row<T>> chunk = new ArrayList<>(rows.size());
            for (T raw : rows) {
                Row<T> row = new Row<>(raw);
                try {
                    ImportRows.inColumns(column, () -> {
                        row.input = convert.apply(raw);
                        if (row.input.staffCode() == null) {
                            throw ProblemException.invalid("/staffCode", "required",
                                    "each row needs the teacher's staff code");
                        }
                        return null;
                    });
                } catch (ProblemException e) {
                    row.rejection = e;
                }
                chunk.add(row);
                decided.add(row);
            }
            List<Row<T>> sub = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            boolean failed = false;
            for (Row<T> row : chunk) {
                if (failed) {
                    row.notReached = true;
                    continue;
                }
                if (row.rejection != null) {
                    continue;
                }
                if (!keys.add(row.input.staffCode())) {
                    failed = !run(sub);
                    sub = new ArrayList<>();
                    keys = new HashSet<>(List.of(row.input.staffCode()));
                    if (failed) {
                        row.notReached = true;
                        continue;
                    }
                }
                sub.add(row);
            }
            if (!failed && !sub.isEmpty()) {
                run(sub);
            }
        }

        @Override
        public RowOutcome write(T raw) {
            Row<T> row = decided.poll();
            if (row == null || row.raw != raw) {
                throw new IllegalStateException("rows must be written in the order they were prepared");
            }
            if (row.rejection != null) {
                throw row.rejection;
            }
            if (row.failure != null) {
                throw row.failure;
            }
            if (row.notReached || row.outcome == null) {
                throw new IllegalStateException("row not written: an earlier row of its batch failed");
            }
            return row.outcome;
        }

        /** Decides and writes rows with distinct staff codes under a savepoint; false if a row failed. */
        private boolean run(List<Row<T>> rows) {
            if (rows.isEmpty()) {
                return true;
            }
            try (Connection c = dataSource.getConnection()) {
                // SQL savepoints: Agroal refuses the JDBC savepoint API on a connection enlisted in JTA
                execute(c, "savepoint teacher_batch");
                try {
                    decideAndWrite(c, rows);
                    execute(c, "release savepoint teacher_batch");
                    return true;
                } catch (SQLException | RuntimeException e) {
                    if (e instanceof ProblemException) {
                        throw (ProblemException) e;
                    }
                    execute(c, "rollback to savepoint teacher_batch");
                    rows.forEach(Row::reset);
                    if (rows.size() == 1) {
                        rows.get(0).failure = e instanceof RuntimeException r ? r
                                : new IllegalStateException("the row could not be written", e);
                        return false;
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("The import batch could not be written", e);
            }
            for (int i = 0; i < rows.size(); i++) {
                if (!run(new ArrayList<>(List.of(rows.get(i))))) {
                    rows.subList(i + 1, rows.size()).forEach(r -> r.notReached = true);
                    return false;
                }
            }
            return true;
        }

        private void decideAndWrite(Connection c, List<Row<T>> rows) throws SQLException {
            LocalDate today = TeacherService.today();
            // feed first, then rows: the lock order WriteJournal asks of writers that lock several rows
            journal.lockFeed();
            List<String> codes = rows.stream().map(r -> r.input.staffCode()).toList();
            Map<String, Teacher> stored = loadTeachers(c, codes);
            Set<String> schoolCodes = new LinkedHashSet<>();
            rows.forEach(r -> schoolCodes.add(r.input.employingSchool()));
            stored.values().forEach(t -> schoolCodes.add(t.employingSchool));
            Map<String, SchoolRef> schools = loadSchools(c, schoolCodes);
            List<String> dualAtNonVocational = rows.stream()
                    .filter(r -> Boolean.TRUE.equals(r.input.dualQualified()) && stored.containsKey(r.input.staffCode()))
                    .filter(r -> !schools.containsKey(r.input.employingSchool())
                            || !schools.get(r.input.employingSchool()).vocational())
                    .map(r -> r.input.staffCode()).toList();
            Set<String> assignedToVocational = dualAtNonVocational.isEmpty() ? Set.of()
                    : assignedToVocationalSchool(c, dualAtNonVocational, today);

            // the checks of a PUT, in its order: scope (current school, then the new one), rules
            for (Row<T> row : rows) {
                TeacherInput in = row.input;
                Teacher current = stored.get(in.staffCode());
                try {
                    ImportRows.inColumns(column, () -> {
                        if (current != null) {
                            SchoolRef school = schools.get(current.employingSchool);
                            access.requireWrite(school.code(), school.region());
                        }
                        SchoolRef employing = schools.get(in.employingSchool());
                        if (employing != null && (current == null || !employing.code().equals(current.employingSchool))) {
                            access.requireWrite(employing.code(), employing.region());
                        }
                        boolean vocational = (employing != null && employing.vocational())
                                || assignedToVocational.contains(in.staffCode());
                        List<FieldError> errors = TeacherRules.check(in, new TeacherRules.Context(employing != null,
                                vocational, current == null ? null : current.birthDate, today));
                        if (!errors.isEmpty()) {
                            throw ProblemException.invalid(errors);
                        }
                        return null;
                    });
                    row.nationalIdHash = in.nationalId() == null ? null : nationalIds.hash(in.nationalId());
                } catch (ProblemException e) {
                    row.rejection = e;
                }
            }
            Map<String, String> idOwners = nationalIdOwners(c, rows.stream()
                    .filter(r -> r.rejection == null && r.nationalIdHash != null).map(r -> r.nationalIdHash).toList());

            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            List<Teacher> changed = new ArrayList<>();
            List<String> replacedHonours = new ArrayList<>();
            List<WriteJournal.Entry> entries = new ArrayList<>();
            for (Row<T> row : rows) {
                if (row.rejection != null) {
                    continue;
                }
                String code = row.input.staffCode();
                Teacher teacher = stored.get(code);
                boolean created = teacher == null;
                String owner = row.nationalIdHash == null ? null : idOwners.get(row.nationalIdHash);
                if (owner != null && !owner.equals(code)) {
                    row.rejection = ProblemException.conflict("This national ID is already on another teacher "
                            + "record; one person has one record");
                    continue;
                }
                if (!created && TeacherInput.of(teacher).equals(row.input.normalized(code, teacher))
                        && (row.nationalIdHash == null || row.nationalIdHash.equals(teacher.nationalIdHash))) {
                    row.outcome = RowOutcome.UNCHANGED;
                    continue;
                }
                TeacherView before = created ? null : TeacherView.of(teacher, false);
                if (created) {
                    teacher = new Teacher();
                    teacher.staffCode = code;
                    teacher.createdAt = now;
                    teacher.version = 0;
                } else {
                    teacher.version++;
                    replacedHonours.add(code);
                }
                TeacherService.apply(teacher, row.input);
                if (row.nationalIdHash != null) {
                    if (teacher.nationalIdHash != null && code.equals(idOwners.get(teacher.nationalIdHash))) {
                        idOwners.remove(teacher.nationalIdHash);
                    }
                    teacher.nationalIdHash = row.nationalIdHash;
                    teacher.nationalIdLast4 = NationalIds.last4(NationalIds.normalize(row.input.nationalId()));
                    idOwners.put(row.nationalIdHash, code);
                }
                teacher.updatedAt = now;
                changed.add(teacher);
                SchoolRef employing = schools.get(teacher.employingSchool);
                // the audit keeps the privacy-free view: personal data never leaves the teacher table
                entries.add(new WriteJournal.Entry(TeacherService.RESOURCE_TYPE, code, Operation.UPSERT,
                        employing.region(), employing.code(), before, TeacherView.of(teacher, false)));
                row.outcome = created ? RowOutcome.CREATED : RowOutcome.UPDATED;
            }
            if (!changed.isEmpty()) {
                upsertTeachers(c, changed);
                replaceHonours(c, changed, replacedHonours);
                journal.recordAll(entries);
            }
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Map<String, Teacher> loadTeachers(Connection c, List<String> codes) throws SQLException {
        Map<String, Teacher> teachers = new HashMap<>();
        // locked, like a PUT's read: assignment writes lock the teacher too, so their FTE checks see a settled record
        try (PreparedStatement s = c.prepareStatement("select " + TEACHER_COLUMNS
                + " from teacher where staff_code = any(?) order by staff_code for update")) {
            s.setArray(1, c.createArrayOf("text", codes.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Teacher t = new Teacher();
                    t.staffCode = rs.getString(1);
                    t.name = rs.getString(2);
                    t.gender = rs.getString(3);
                    t.birthDate = rs.getObject(4, LocalDate.class);
                    t.nationalIdHash = rs.getString(5);
                    t.nationalIdLast4 = rs.getString(6);
                    t.phone = rs.getString(7);
                    t.employingSchool = rs.getString(8);
                    t.highestDegree = rs.getString(9);
                    t.certificateType = rs.getString(10);
                    t.certificateStage = rs.getString(11);
                    t.certificateNumber = rs.getString(12);
                    t.title = rs.getString(13);
                    t.subjects = Arrays.asList((String[]) rs.getArray(14).getArray());
                    t.employment = rs.getString(15);
                    t.dualQualified = rs.getBoolean(16);
                    t.status = rs.getString(17);
                    t.source = rs.getString(18);
                    t.version = rs.getLong(19);
                    t.createdAt = rs.getObject(20, OffsetDateTime.class);
                    t.updatedAt = rs.getObject(21, OffsetDateTime.class);
                    teachers.put(t.staffCode, t);
                }
            }
        }
        if (teachers.isEmpty()) {
            return teachers;
        }
        try (PreparedStatement s = c.prepareStatement("""
                select staff_code, kind, level, awarded_on, expires_on from teacher_honour
                where staff_code = any(?) order by staff_code, position""")) {
            s.setArray(1, c.createArrayOf("text", teachers.keySet().toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    TeacherHonour h = new TeacherHonour();
                    h.kind = rs.getString(2);
                    h.level = rs.getString(3);
                    h.awardedOn = rs.getObject(4, LocalDate.class);
                    h.expiresOn = rs.getObject(5, LocalDate.class);
                    teachers.get(rs.getString(1)).honours.add(h);
                }
            }
        }
        return teachers;
    }

    private static Map<String, SchoolRef> loadSchools(Connection c, Collection<String> codes) throws SQLException {
        Map<String, SchoolRef> schools = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "select code, region_code, ? = any(stages) from school where code = any(?)")) {
            s.setString(1, Stage.VOCATIONAL);
            s.setArray(2, c.createArrayOf("text", codes.stream().filter(code -> code != null).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    schools.put(rs.getString(1), new SchoolRef(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
                }
            }
        }
        return schools;
    }

    /** Which of the teachers have a current assignment at a vocational school (TeacherService's rule). */
    private static Set<String> assignedToVocationalSchool(Connection c, List<String> codes, LocalDate today)
            throws SQLException {
        Set<String> found = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("""
                select distinct a.teacher_code from assignment a join school s on s.code = a.school_code
                where a.teacher_code = any(?) and a.starts_on <= ? and (a.ends_on is null or a.ends_on >= ?)
                  and ? = any(s.stages)""")) {
            s.setArray(1, c.createArrayOf("text", codes.toArray()));
            s.setObject(2, today);
            s.setObject(3, today);
            s.setString(4, Stage.VOCATIONAL);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    /** Which teacher holds each of these national ID hashes. */
    private static Map<String, String> nationalIdOwners(Connection c, List<String> hashes) throws SQLException {
        Map<String, String> owners = new HashMap<>();
        if (hashes.isEmpty()) {
            return owners;
        }
        // bpchar[]: the column is char(64), and compared with text it would be cast, which rules out its index
        try (PreparedStatement s = c.prepareStatement(
                "select national_id_hash, staff_code from teacher where national_id_hash = any(?::bpchar[])")) {
            s.setArray(1, c.createArrayOf("text", hashes.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    owners.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return owners;
    }

    /** One statement for the batch's new and changed teachers (arrays bound as text, cast in SQL). */
    private static void upsertTeachers(Connection c, List<Teacher> teachers) throws SQLException {
        int n = teachers.size();
        String[][] columns = new String[21][n];
        for (int i = 0; i < n; i++) {
            Teacher t = teachers.get(i);
            String[] values = { t.staffCode, t.name, t.gender, text(t.birthDate), t.nationalIdHash, t.nationalIdLast4,
                    t.phone, t.employingSchool, t.highestDegree, t.certificateType, t.certificateStage,
                    t.certificateNumber, t.title, String.join("|", t.subjects), t.employment,
                    Boolean.toString(t.dualQualified), t.status, t.source, Long.toString(t.version),
                    t.createdAt.toString(), t.updatedAt.toString() };
            for (int col = 0; col < values.length; col++) {
                columns[col][i] = values[col];
            }
        }
        // subject codes are from a fixed list without '|' (TeacherRules), so joining them is lossless
        try (PreparedStatement s = c.prepareStatement("insert into teacher (" + TEACHER_COLUMNS + ")\n"
                + "select u.c, u.n, u.g, u.b::date, u.h, u.l4, u.p, u.s, u.d, u.ct, u.cs, u.cn, u.t,\n"
                + "  string_to_array(u.sub, '|')::varchar(40)[], u.e, u.dq::boolean, u.st, u.src, u.v::bigint,\n"
                + "  u.ca::timestamptz, u.ua::timestamptz\n"
                + "from unnest(" + String.join(", ", java.util.Collections.nCopies(21, "?::text[]"))
                + ") as u(c, n, g, b, h, l4, p, s, d, ct, cs, cn, t, sub, e, dq, st, src, v, ca, ua)\n"
                + "on conflict (staff_code) do update set name = excluded.name, gender = excluded.gender,\n"
                + "  birth_date = excluded.birth_date, national_id_hash = excluded.national_id_hash,\n"
                + "  national_id_last4 = excluded.national_id_last4, phone = excluded.phone,\n"
                + "  employing_school = excluded.employing_school, highest_degree = excluded.highest_degree,\n"
                + "  certificate_type = excluded.certificate_type, certificate_stage = excluded.certificate_stage,\n"
                + "  certificate_number = excluded.certificate_number, title = excluded.title,\n"
                + "  subjects = excluded.subjects, employment = excluded.employment,\n"
                + "  dual_qualified = excluded.dual_qualified, status = excluded.status, source = excluded.source,\n"
                + "  version = excluded.version, updated_at = excluded.updated_at")) {
            for (int col = 0; col < columns.length; col++) {
                s.setArray(col + 1, c.createArrayOf("text", columns[col]));
            }
            s.executeUpdate();
        }
    }

    /** Honours of changed teachers: the old ones of updated teachers go, the new ones come in their order. */
    private static void replaceHonours(Connection c, List<Teacher> teachers, List<String> updated)
            throws SQLException {
        if (!updated.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("delete from teacher_honour where staff_code = any(?)")) {
                s.setArray(1, c.createArrayOf("text", updated.toArray()));
                s.executeUpdate();
            }
        }
        List<String[]> rows = new ArrayList<>();
        for (Teacher t : teachers) {
            for (int i = 0; i < t.honours.size(); i++) {
                TeacherHonour h = t.honours.get(i);
                rows.add(new String[] { t.staffCode, Integer.toString(i), h.kind, h.level, text(h.awardedOn),
                        text(h.expiresOn) });
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("""
                insert into teacher_honour (staff_code, position, kind, level, awarded_on, expires_on)
                select u.c, u.p::integer, u.k, u.l, u.a::date, u.e::date
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as u(c, p, k, l, a, e)""")) {
            for (int col = 0; col < 6; col++) {
                String[] values = new String[rows.size()];
                for (int i = 0; i < rows.size(); i++) {
                    values[i] = rows.get(i)[col];
                }
                s.setArray(col + 1, c.createArrayOf("text", values));
            }
            s.executeUpdate();
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
