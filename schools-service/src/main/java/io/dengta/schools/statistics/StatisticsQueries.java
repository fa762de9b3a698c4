package io.dengta.schools.statistics;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.dengta.schools.schoolyear.Grades;

/**
 * Reads the inputs of the statistics for many schools at once, with a few set-based queries (facts with grades,
 * teachers grouped by the attributes the formulas need, projects): the database does the joining and grouping, so a
 * city of thousands of schools and hundreds of thousands of teachers is a handful of result sets, never a query per
 * school or teacher. The rules stay in {@link StatisticsCalculator}; the SQL only gathers.
 * <p>
 * A school counts for a school year when it reported facts for that year; its teachers are those with an assignment
 * active on the reference date (FTE; head count at their main school) and those it employs (rotation): a teacher
 * may be in a school's input twice, once teaching and once employed. Teachers who retired or left count nowhere.
 */
@ApplicationScoped
class StatisticsQueries {

    /** The schools of a region and its sub-regions (by code prefix), or one school. */
    record Scope(String regionPrefix, String schoolCode) {

        static Scope region(String prefix) {
            return new Scope(prefix, null);
        }

        static Scope school(String code) {
            return new Scope(null, code);
        }

        void bind(Map<String, Object> values) {
            if (schoolCode != null) {
                values.put("school", schoolCode);
            } else {
                values.put("prefix", regionPrefix + "%");
            }
        }
    }

    private static final String FACTS = """
            select s.code, s.stages, f.classes_over_45, f.classes_over_50, f.classes_over_55, f.classes_over_65,
                   f.teaching_floor_area + coalesce(f.support_floor_area, 0) as floor_area, f.sports_ground_area,
                   f.equipment_value, f.multimedia_classrooms, g.grade, g.pupils, g.classes
            from school_year_facts f
            join school s on s.code = f.school_code
            join school_year_grade g on g.facts_id = f.id
            where f.school_year = :year and SCOPE
            """;

    /** The schools in scope that reported facts for the school year. */
    private static final String COVERED = """
            with covered as (
                select f.school_code from school_year_facts f join school s on s.code = f.school_code
                where f.school_year = :year and SCOPE
            )""";

    /** Holding a key-teacher honour in force on the reference date (kinds and levels from the calculator). */
    private static final String KEY_TEACHER = """
            t.staff_code in (select h.staff_code from teacher_honour h
                             where h.kind = any(:keyKinds) and h.level = any(:keyLevels)
                               and h.awarded_on <= :ref and (h.expires_on is null or h.expires_on >= :ref))""";

    /*
     * Who teaches at the covered schools on the reference date: one row per school and combination of the attributes
     * the formulas use, with the number of such assignments and their FTE. "counted": the assignment is the teacher's
     * main one (head counts count the teacher there only). A full-time assignment overlaps no other (an assignment
     * rule), so it is the main one; among part-time ones the largest FTE wins, then the earlier start, then the lower
     * school code. Ranking all part-time assignments, not only those in scope, keeps a teacher's main school the same
     * whichever region is asked for.
     */
    private static final String TEACHING = COVERED + """
            ,
            part_time_main as (
                select distinct on (p.teacher_code) p.id
                from assignment p
                where p.fte < 1 and p.starts_on <= :ref and (p.ends_on is null or p.ends_on >= :ref)
                order by p.teacher_code, p.fte desc, p.starts_on, p.school_code, p.id
            )
            select a.school_code, t.certificate_stage, t.highest_degree, t.subjects[1] as main_subject,
                   t.dual_qualified, a.fte = 1 or a.id in (select id from part_time_main) as counted,
                   KEY_TEACHER as key_teacher,
                   count(*) as teachers, sum(a.fte) as fte
            from assignment a
            join covered c on c.school_code = a.school_code
            join teacher t on t.staff_code = a.teacher_code
            where a.starts_on <= :ref and (a.ends_on is null or a.ends_on >= :ref)
              and t.status in ('active', 'on-leave')
            group by 1, 2, 3, 4, 5, 6, 7
            """.replace("KEY_TEACHER", KEY_TEACHER);

    /* Whom the covered schools employ (编制), for the rotation statistics: grouped like TEACHING. */
    private static final String EMPLOYED = COVERED + """
            select t.employing_school, t.certificate_stage, t.employment,
                   KEY_TEACHER as key_teacher,
                   t.staff_code in (select r.teacher_code from assignment r
                                    where r.kind = 'rotation' and r.starts_on between :yearStart and :yearEnd) as rotated,
                   count(*) as teachers
            from teacher t
            join covered c on c.school_code = t.employing_school
            where t.status in ('active', 'on-leave')
            group by 1, 2, 3, 4, 5
            """.replace("KEY_TEACHER", KEY_TEACHER);

    private static final String SCHOOL_SEATS = """
            select p.school_code, sum(p.seats_added)
            from construction_project p
            join school s on s.code = p.school_code
            where p.status = 'in-use' and p.opened_on between :yearStart and :yearEnd and SCOPE
            group by p.school_code
            """;

    /** By the projects' own region: a new school that is not registered yet adds seats to its region too. */
    private static final NamedSql REGION_SEATS = NamedSql.of("""
            select coalesce(sum(seats_added), 0)
            from construction_project
            where status = 'in-use' and opened_on between :yearStart and :yearEnd and region_code like :prefix
            """);

    /** Schools operating in the school year that reported no facts for it: they are missing from the statistics. */
    private static final String WITHOUT_FACTS = """
            select count(*) from school s
            where s.region_code like :prefix and s.status <> 'planned'
              and (s.opened_on is null or s.opened_on <= :yearEnd) and (s.closed_on is null or s.closed_on >= :yearStart)
              and not exists (select 1 from school_year_facts f where f.school_code = s.code and f.school_year = :year)
            """;
    private static final NamedSql WITHOUT_FACTS_ANY_STAGE = NamedSql.of(WITHOUT_FACTS);
    private static final NamedSql WITHOUT_FACTS_OF_STAGE = NamedSql.of(WITHOUT_FACTS
            + " and s.stages @> array[cast(:stage as varchar)]");

    private static final Map<Boolean, Map<String, NamedSql>> BY_SCOPE = Map.of(
            true, queries("s.code = :school"),
            false, queries("s.region_code like :prefix"));

    private final DataSource dataSource;

    StatisticsQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private static Map<String, NamedSql> queries(String condition) {
        return Map.of(
                "facts", NamedSql.of(FACTS.replace("SCOPE", condition)),
                "teaching", NamedSql.of(TEACHING.replace("SCOPE", condition)),
                "employed", NamedSql.of(EMPLOYED.replace("SCOPE", condition)),
                "seats", NamedSql.of(SCHOOL_SEATS.replace("SCOPE", condition)));
    }

    /** What one read of the statistics' inputs found. */
    record Inputs(List<SchoolInput> schools, Map<String, Integer> schoolSeatsAdded, long regionSeatsAdded,
            long schoolsWithoutFacts) {
    }

    /**
     * The inputs of every school in scope that reported facts for the school year; for a region also the seats of its
     * projects and the count of schools without facts. All reads see one snapshot of the database.
     */
    Inputs read(Scope scope, SchoolYearPeriod period, String stage) {
        Map<String, Object> values = new HashMap<>();
        scope.bind(values);
        values.put("year", period.year().code());
        values.put("ref", period.referenceDate());
        values.put("yearStart", period.year().startsOn());
        values.put("yearEnd", period.year().endsOn());
        values.put("keyKinds", StatisticsCalculator.KEY_HONOUR_KINDS);
        values.put("keyLevels", StatisticsCalculator.KEY_HONOUR_LEVELS);
        Map<String, NamedSql> sql = BY_SCOPE.get(scope.schoolCode() != null);
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                try (Statement settings = c.createStatement()) {
                    // a report over a city: compiling it (JIT) costs more than it saves, and sorts and hashes of a
                    // few hundred thousand rows should stay in memory
                    settings.execute("set local jit = off");
                    settings.execute("set local work_mem = '64MB'");
                }
                Map<String, Builder> schools = readFacts(c, sql.get("facts"), values);
                readTeaching(c, sql.get("teaching"), values, schools);
                readEmployed(c, sql.get("employed"), values, schools);
                Map<String, Integer> seats = readSchoolSeats(c, sql.get("seats"), values);
                seats.forEach((code, added) -> {
                    if (schools.containsKey(code)) {
                        schools.get(code).seatsAdded = added;
                    }
                });
                long regionSeats = 0;
                long withoutFacts = 0;
                if (scope.regionPrefix() != null) {
                    regionSeats = single(c, REGION_SEATS, values);
                    values.put("stage", stage);
                    withoutFacts = single(c, stage == null ? WITHOUT_FACTS_ANY_STAGE : WITHOUT_FACTS_OF_STAGE, values);
                }
                c.commit();
                return new Inputs(schools.values().stream().map(Builder::build).toList(), seats, regionSeats,
                        withoutFacts);
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException lost) {
                    e.addSuppressed(lost); // the connection itself failed: the first failure tells why
                }
                throw e;
            } finally {
                c.setReadOnly(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Statistics inputs could not be read", e);
        }
    }

    /** A school's input while its rows arrive. */
    private static final class Builder {
        final String code;
        final List<String> stages;
        final SchoolInput.ClassSizes classSizes;
        final BigDecimal floorArea;
        final BigDecimal sportsArea;
        final BigDecimal equipmentValue;
        final int multimediaClassrooms;
        final Map<String, int[]> enrolment = new LinkedHashMap<>();
        final List<SchoolInput.Teacher> teachers = new ArrayList<>();
        int seatsAdded;

        Builder(ResultSet rs) throws SQLException {
            code = rs.getString(1);
            stages = List.of(strings(rs.getArray(2)));
            int over65 = rs.getInt(6);
            classSizes = rs.wasNull() ? null
                    : new SchoolInput.ClassSizes(rs.getInt(3), rs.getInt(4), rs.getInt(5), over65);
            floorArea = rs.getBigDecimal(7);
            sportsArea = rs.getBigDecimal(8);
            equipmentValue = rs.getBigDecimal(9);
            multimediaClassrooms = rs.getInt(10);
        }

        SchoolInput build() {
            List<SchoolInput.Enrolment> byStage = enrolment.entrySet().stream()
                    .map(e -> new SchoolInput.Enrolment(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
            return new SchoolInput(code, stages, byStage, classSizes, floorArea, sportsArea, equipmentValue,
                    multimediaClassrooms, List.copyOf(teachers), seatsAdded);
        }
    }

    private static Map<String, Builder> readFacts(Connection c, NamedSql sql, Map<String, Object> values)
            throws SQLException {
        Map<String, Builder> schools = new LinkedHashMap<>();
        try (PreparedStatement s = sql.prepare(c, values)) {
            s.setFetchSize(5000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String code = rs.getString(1);
                    Builder school = schools.get(code);
                    if (school == null) {
                        school = new Builder(rs);
                        schools.put(code, school);
                    }
                    int[] stage = school.enrolment.computeIfAbsent(Grades.stageOf(rs.getString(11)), k -> new int[2]);
                    stage[0] += rs.getInt(12);
                    stage[1] += rs.getInt(13);
                }
            }
        }
        return schools;
    }

    private static void readTeaching(Connection c, NamedSql sql, Map<String, Object> values,
            Map<String, Builder> schools) throws SQLException {
        try (PreparedStatement s = sql.prepare(c, values)) {
            s.setFetchSize(5000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Builder school = schools.get(rs.getString(1));
                    if (school != null) {
                        school.teachers.add(new SchoolInput.Teacher(rs.getString(2), rs.getString(3), rs.getBoolean(7),
                                rs.getString(4), null, rs.getBoolean(5), rs.getBigDecimal(9), rs.getBoolean(6), false,
                                false, rs.getInt(8)));
                    }
                }
            }
        }
    }

    private static void readEmployed(Connection c, NamedSql sql, Map<String, Object> values,
            Map<String, Builder> schools) throws SQLException {
        try (PreparedStatement s = sql.prepare(c, values)) {
            s.setFetchSize(5000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Builder school = schools.get(rs.getString(1));
                    if (school != null) {
                        school.teachers.add(new SchoolInput.Teacher(rs.getString(2), null, rs.getBoolean(4), null,
                                rs.getString(3), false, BigDecimal.ZERO, false, true, rs.getBoolean(5), rs.getInt(6)));
                    }
                }
            }
        }
    }

    private static Map<String, Integer> readSchoolSeats(Connection c, NamedSql sql, Map<String, Object> values)
            throws SQLException {
        Map<String, Integer> seats = new HashMap<>();
        try (PreparedStatement s = sql.prepare(c, values); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                seats.put(rs.getString(1), rs.getInt(2));
            }
        }
        return seats;
    }

    private static long single(Connection c, NamedSql sql, Map<String, Object> values) throws SQLException {
        try (PreparedStatement s = sql.prepare(c, values); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String[] strings(Array array) throws SQLException {
        Object[] items = (Object[]) array.getArray();
        String[] strings = new String[items.length];
        for (int i = 0; i < items.length; i++) {
            strings[i] = (String) items[i];
        }
        return strings;
    }
}
