package io.dengta.schools.school;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.dengta.commons.paging.Page;
import io.dengta.commons.paging.PageRequest;
import io.dengta.commons.security.RegionCodes;

/**
 * The school list as one keyset query over a projection of {@code school}, built into {@link SchoolView}s as
 * {@link SchoolView#of} builds them from entities: a list page does not need 51 managed entities.
 */
@ApplicationScoped
public class SchoolListQuery {

    private static final KeysetSql KEYSET = new KeysetSql(Map.of(
            "code", new KeysetSql.Column("s.code", v -> v),
            "name", new KeysetSql.Column("s.name", v -> v),
            "updatedAt", new KeysetSql.Column("s.updated_at", OffsetDateTime::parse)), "code");
    private static final String SELECT = "select s.code, s.name, s.name_en, s.region_code, s.stages, s.ownership, "
            + "s.boarding, s.rural, s.quality_rating, s.quality_rating_year, s.address, s.latitude, s.longitude, "
            + "s.founded_on, s.status, s.opened_on, s.closed_on, s.merged_into, s.capacity_seats, s.planned_classes, "
            + "s.source, s.version, s.created_at, s.updated_at from school s";

    private final DataSource dataSource;

    public SchoolListQuery(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Page<SchoolView> fetch(SchoolService.Filter filter, PageRequest page, SchoolAccess.ListScope scope,
            LocalDate today) {
        KeysetSql.Where where = where(filter, scope, today);
        KeysetSql.PageSql sql = KEYSET.page(SELECT, where, page);
        try (Connection c = dataSource.getConnection()) {
            Long total = null;
            if (page.includeTotal()) {
                try (PreparedStatement s = KeysetSql.prepare(c, "select count(*) from school s where " + where.sql(),
                        where.params()); ResultSet rs = s.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<SchoolView> rows = new ArrayList<>();
            try (PreparedStatement s = KeysetSql.prepare(c, sql.sql(), sql.params()); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(view(rs));
                }
            }
            String next = null;
            if (rows.size() > page.limit()) {
                rows = rows.subList(0, page.limit());
                SchoolView last = rows.get(rows.size() - 1);
                next = KeysetSql.next(sql.keyset(), field -> switch (field) {
                    case "name" -> last.name();
                    case "updatedAt" -> last.updatedAt();
                    default -> last.code();
                });
            }
            return new Page<>(List.copyOf(rows), next, total);
        } catch (SQLException e) {
            throw new IllegalStateException("The school list could not be read", e);
        }
    }

    /** The filters and scope with the meaning of the entity query they replace. */
    private static KeysetSql.Where where(SchoolService.Filter filter, SchoolAccess.ListScope scope, LocalDate today) {
        KeysetSql.Where where = new KeysetSql.Where();
        if (filter.region() != null) {
            where.and("s.region_code like ?", RegionCodes.coveragePrefix(filter.region()) + "%");
        }
        if (filter.stage() != null) {
            where.and("s.stages @> array[cast(? as varchar)]", filter.stage());
        }
        if (filter.ownership() != null) {
            where.and("s.ownership = ?", filter.ownership());
        }
        if (filter.status() != null) {
            where.and("s.status = ?", filter.status());
        }
        if (filter.group() != null) {
            // a member on that day, both ends of the membership included (SchoolGroupFilters)
            where.and("exists (select 1 from school_group_member gm where gm.school_code = s.code "
                    + "and gm.group_code = ? and gm.joined_on <= ? and (gm.left_on is null or gm.left_on >= ?))",
                    filter.group(), today, today);
        }
        if (filter.nameContains() != null) {
            where.and("lower(s.name) like ?", "%" + filter.nameContains().toLowerCase() + "%");
        }
        if (filter.updatedSince() != null) {
            where.and("s.updated_at >= ?", filter.updatedSince());
        }
        if (!scope.unrestricted()) {
            List<String> alternatives = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            if (!scope.regionPrefixes().isEmpty()) {
                alternatives.add("s.region_code like any(?)");
                values.add(scope.regionPrefixes().stream().map(p -> p + "%").toList());
            }
            if (!scope.schools().isEmpty()) {
                alternatives.add("s.code = any(?)");
                values.add(scope.schools());
            }
            where.and(alternatives.isEmpty() ? "false" : String.join(" or ", alternatives), values.toArray());
        }
        return where;
    }

    private static SchoolView view(ResultSet rs) throws SQLException {
        return new SchoolView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                List.copyOf(Arrays.asList((String[]) rs.getArray(5).getArray())), rs.getString(6), rs.getBoolean(7),
                rs.getBoolean(8), rs.getString(9), (Integer) rs.getObject(10), rs.getString(11),
                rs.getObject(12, BigDecimal.class), rs.getObject(13, BigDecimal.class),
                rs.getObject(14, LocalDate.class), rs.getString(15), rs.getObject(16, LocalDate.class),
                rs.getObject(17, LocalDate.class), rs.getString(18), (Integer) rs.getObject(19),
                (Integer) rs.getObject(20), rs.getString(21), rs.getLong(22), instant(rs, 23), instant(rs, 24));
    }

    /** As Hibernate reads a timestamptz into an OffsetDateTime: at the JVM's offset (PostgreSQL keeps none). */
    static OffsetDateTime instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.atZoneSameInstant(ZoneId.systemDefault()).toOffsetDateTime();
    }
}
