package io.dengta.schools.teacher;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.dengta.commons.paging.Page;
import io.dengta.commons.paging.PageRequest;
import io.dengta.commons.security.RegionCodes;
import io.dengta.schools.school.KeysetSql;
import io.dengta.schools.school.SchoolAccess;

/**
 * The teacher list in two statements: one keyset query for the page's rows (a projection of {@code teacher} with
 * every filter as a plain or EXISTS condition on indexed columns), then one query for the page's honours
 * ({@code = any(?)}), assembled into {@link TeacherView}s exactly as {@link TeacherView#of} builds them from entities.
 * Loading 51 entities through Hibernate (hydration, the honours collection, dirty tracking) cost several times the
 * SQL; see docs/performance.md, "Registry".
 */
@ApplicationScoped
public class TeacherListQuery {

    private static final KeysetSql KEYSET = new KeysetSql(Map.of(
            "staffCode", new KeysetSql.Column("t.staff_code", s -> s),
            "name", new KeysetSql.Column("t.name", s -> s),
            "updatedAt", new KeysetSql.Column("t.updated_at", OffsetDateTime::parse)), "staffCode");
    private static final String COLUMNS = "t.staff_code, t.name, t.gender, t.birth_date, t.national_id_last4, t.phone, "
            + "t.employing_school, t.highest_degree, t.certificate_type, t.certificate_stage, t.certificate_number, "
            + "t.title, t.subjects, t.employment, t.dual_qualified, t.status, t.source, t.version, t.created_at, "
            + "t.updated_at";
    /** A current assignment of teacher t on the date bound to both {@code ?}. */
    private static final String CURRENT = "a.teacher_code = t.staff_code and a.starts_on <= ? "
            + "and (a.ends_on is null or a.ends_on >= ?)";

    /**
     * Employed at one of the schools bound to the first {@code ?} or currently assigned to one of the second: as a
     * set of staff codes from two index-only scans, so the page is a join with a few hundred rows at most, not a
     * scan of every teacher testing each.
     */
    private static final String AT_SCHOOLS = "t.staff_code in (select e.staff_code from teacher e "
            + "where e.employing_school = any(?) union all select a.teacher_code from assignment a "
            + "where a.school_code = any(?) and a.starts_on <= ? and (a.ends_on is null or a.ends_on >= ?))";

    private final DataSource dataSource;
    private final NationalIds nationalIds;

    public TeacherListQuery(DataSource dataSource, NationalIds nationalIds) {
        this.dataSource = dataSource;
        this.nationalIds = nationalIds;
    }

    public Page<TeacherView> fetch(TeacherService.Filter filter, PageRequest page, SchoolAccess.ListScope scope,
            TeacherPrivacy privacy, LocalDate today) {
        KeysetSql.Where where = where(filter, scope, today);
        KeysetSql.PageSql sql = KEYSET.page("select " + COLUMNS + " from teacher t", where, page);
        try (Connection c = dataSource.getConnection()) {
            Long total = page.includeTotal() ? count(c, where) : null;
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement s = KeysetSql.prepare(c, sql.sql(), sql.params()); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            String next = null;
            if (rows.size() > page.limit()) {
                rows = rows.subList(0, page.limit());
                Row last = rows.get(rows.size() - 1);
                next = KeysetSql.next(sql.keyset(), field -> switch (field) {
                    case "name" -> last.name;
                    case "updatedAt" -> last.updatedAt;
                    default -> last.staffCode;
                });
            }
            Map<String, List<Honour>> honours = honours(c, rows);
            List<TeacherView> items = new ArrayList<>(rows.size());
            for (Row r : rows) {
                items.add(r.view(honours.getOrDefault(r.staffCode, List.of()),
                        privacy.canSeePersonal(r.employingSchool)));
            }
            return new Page<>(items, next, total);
        } catch (SQLException e) {
            throw new IllegalStateException("The teacher list could not be read", e);
        }
    }

    /** The filters and the caller's scope, with the same meaning as the entity queries of {@link TeacherService}. */
    KeysetSql.Where where(TeacherService.Filter filter, SchoolAccess.ListScope scope, LocalDate today) {
        KeysetSql.Where where = new KeysetSql.Where();
        if (filter.region() != null) {
            where.and("t.employing_school in (select rs.code from school rs where rs.region_code like ?)",
                    RegionCodes.coveragePrefix(filter.region()) + "%");
        }
        if (filter.school() != null) {
            where.and(AT_SCHOOLS, List.of(filter.school()), List.of(filter.school()), today, today);
        }
        if (filter.honour() != null || filter.honourLevel() != null) {
            StringBuilder honour = new StringBuilder("exists (select 1 from teacher_honour h where "
                    + "h.staff_code = t.staff_code and (h.expires_on is null or h.expires_on >= ?)");
            List<Object> values = new ArrayList<>(List.of(today));
            if (filter.honour() != null) {
                honour.append(" and h.kind = ?");
                values.add(filter.honour());
            }
            if (filter.honourLevel() != null) {
                honour.append(" and h.level = any(?)");
                values.add(TeacherCodes.levelsAtOrAbove(filter.honourLevel()));
            }
            where.and(honour.append(')').toString(), values.toArray());
        }
        if (filter.title() != null) {
            where.and("t.title = ?", filter.title());
        }
        if (filter.degree() != null) {
            where.and("t.highest_degree = ?", filter.degree());
        }
        if (filter.employment() != null) {
            where.and("t.employment = ?", filter.employment());
        }
        if (filter.status() != null) {
            where.and("t.status = ?", filter.status());
        }
        if (filter.subject() != null) {
            // @> uses the GIN index on subjects
            where.and("t.subjects @> array[cast(? as varchar)]", filter.subject());
        }
        if (filter.nameContains() != null) {
            where.and("lower(t.name) like ?", "%" + filter.nameContains().toLowerCase() + "%");
        }
        if (filter.updatedSince() != null) {
            where.and("t.updated_at >= ?", filter.updatedSince());
        }
        if (filter.nationalId() != null) {
            where.and("t.national_id_hash = ?", nationalIds.hash(filter.nationalId()));
        }
        if (!scope.unrestricted()) {
            scope(where, scope, today);
        }
        return where;
    }

    /**
     * In scope through the employing school, or through the school of a current assignment. A scope of schools
     * (a clerk's) is a small set of teachers, found from both sides by index and joined to the page; a scope of
     * regions is tested per row, where the employing school's region settles almost every row without the
     * assignments (a city's analyst never needs them).
     */
    private static void scope(KeysetSql.Where where, SchoolAccess.ListScope scope, LocalDate today) {
        List<String> prefixes = scope.regionPrefixes().stream().map(p -> p + "%").toList();
        List<String> schools = scope.schools();
        if (prefixes.isEmpty() && schools.isEmpty()) {
            where.and("false");
            return;
        }
        if (prefixes.isEmpty()) {
            where.and(AT_SCHOOLS, schools, schools, today, today);
            return;
        }
        List<String> employing = new ArrayList<>();
        List<String> assigned = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        List<Object> assignedValues = new ArrayList<>(List.of(today, today));
        if (!prefixes.isEmpty()) {
            employing.add("t.employing_school in (select ss.code from school ss where ss.region_code like any(?))");
            values.add(prefixes);
            assigned.add("sa.region_code like any(?)");
            assignedValues.add(prefixes);
        }
        if (!schools.isEmpty()) {
            employing.add("t.employing_school = any(?)");
            values.add(schools);
            assigned.add("sa.code = any(?)");
            assignedValues.add(schools);
        }
        values.addAll(assignedValues);
        where.and(String.join(" or ", employing) + " or exists (select 1 from assignment a where " + CURRENT
                + " and a.school_code in (select sa.code from school sa where " + String.join(" or ", assigned)
                + "))", values.toArray());
    }

    private static long count(Connection c, KeysetSql.Where where) throws SQLException {
        try (PreparedStatement s = KeysetSql.prepare(c, "select count(*) from teacher t where " + where.sql(),
                where.params()); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, List<Honour>> honours(Connection c, List<Row> rows) throws SQLException {
        Map<String, List<Honour>> honours = new HashMap<>();
        if (rows.isEmpty()) {
            return honours;
        }
        String[] codes = rows.stream().map(r -> r.staffCode).toArray(String[]::new);
        try (PreparedStatement s = KeysetSql.prepare(c, "select staff_code, kind, level, awarded_on, expires_on "
                + "from teacher_honour where staff_code = any(?) order by staff_code, position",
                List.of((Object) codes)); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                honours.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Honour(rs.getString(2),
                        rs.getString(3), rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)));
            }
        }
        return honours;
    }

    private static Row row(ResultSet rs) throws SQLException {
        Array subjects = rs.getArray(13);
        return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), Arrays.asList((String[]) subjects.getArray()), rs.getString(14),
                rs.getBoolean(15), rs.getString(16), rs.getString(17), rs.getLong(18), instant(rs, 19),
                instant(rs, 20));
    }

    /** As Hibernate reads a timestamptz into an OffsetDateTime: at the JVM's offset (PostgreSQL keeps none). */
    private static OffsetDateTime instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.atZoneSameInstant(ZoneId.systemDefault()).toOffsetDateTime();
    }

    private record Row(String staffCode, String name, String gender, LocalDate birthDate, String nationalIdLast4,
            String phone, String employingSchool, String highestDegree, String certificateType,
            String certificateStage, String certificateNumber, String title, List<String> subjects,
            String employment, boolean dualQualified, String status, String source, long version,
            OffsetDateTime createdAt, OffsetDateTime updatedAt) {

        TeacherView view(List<Honour> honours, boolean personal) {
            Certificate certificate = certificateStage == null ? null
                    : new Certificate(certificateType, certificateStage, certificateNumber);
            return new TeacherView(staffCode, name, gender, personal ? birthDate : null,
                    personal ? nationalIdLast4 : null, personal ? phone : null, employingSchool, highestDegree,
                    certificate, title, List.copyOf(honours), List.copyOf(subjects), employment, dualQualified, status,
                    source, version, createdAt, updatedAt);
        }
    }
}
