package io.dengta.targets.progress;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.dengta.commons.period.Period;

/**
 * Reads targets, their milestones, goals and accepted progress reports with plain SQL: the engine depends on the
 * schema (V1–V3), not on the plan feature's entities.
 */
@ApplicationScoped
public class TargetDefinitions {

    private static final String SELECT = """
            select t.id, t.plan_code, t.goal_code, t.code, t.title, p.owner_region, t.kind, t.indicator_code, t.unit_code,
                   t.stage, t.comparator, t.target_value, t.target_low, t.target_high, t.deadline_period,
                   t.baseline_value, t.baseline_period, t.actual_source
            from target t join plan p on p.code = t.plan_code
            """;

    /** A goal of a plan's tree. */
    public record GoalRow(String code, String parentCode, String title, int position) {
    }

    /** A plan's heading. */
    public record PlanRow(String code, String title, String ownerRegion, int firstYear, int lastYear, String status) {
    }

    private final EntityManager em;

    public TargetDefinitions(EntityManager em) {
        this.em = em;
    }

    public Optional<TargetDefinition> byId(long id) {
        List<TargetDefinition> found = query(SELECT + " where t.id = :p", id);
        return found.stream().findFirst();
    }

    public List<TargetDefinition> byIds(List<Long> ids) {
        return ids.isEmpty() ? List.of() : query(SELECT + " where t.id in (:p) order by t.id", ids);
    }

    public List<TargetDefinition> ofPlan(String planCode) {
        return query(SELECT + " where t.plan_code = :p order by t.goal_code, t.code", planCode);
    }

    /** Targets whose owner region starts with one of {@code prefixes} (null: all). */
    public List<TargetDefinition> inScope(List<String> prefixes) {
        if (prefixes == null) {
            return query(SELECT + " order by t.id", null);
        }
        List<TargetDefinition> all = new ArrayList<>();
        for (String prefix : prefixes) {
            all.addAll(query(SELECT + " where p.owner_region like :p order by t.id", prefix + "%"));
        }
        return all;
    }

    /** Targets reading observations of {@code indicator} for {@code unit}. */
    public List<TargetDefinition> readingObservations(String indicator, String unit) {
        List<TargetDefinition> found = query(SELECT + " where t.indicator_code = :p and t.actual_source = 'indicators' order by t.id", indicator);
        return found.stream().filter(t -> t.unit().equals(unit)).toList();
    }

    public Optional<PlanRow> plan(String code) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select code, title, owner_region, first_year, last_year, status from plan where code = :c")
                .setParameter("c", code).getResultList();
        return rows.stream().findFirst().map(r -> new PlanRow((String) r[0], (String) r[1], (String) r[2],
                ((Number) r[3]).intValue(), ((Number) r[4]).intValue(), (String) r[5]));
    }

    public List<GoalRow> goals(String planCode) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select code, parent_code, title, position from goal where plan_code = :c order by position, code")
                .setParameter("c", planCode).getResultList();
        return rows.stream().map(r -> new GoalRow((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).intValue())).toList();
    }

    /** Accepted progress reports of a target as actuals (the latest accepted report of a period wins). */
    public List<Actual> acceptedReports(long targetId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select period, value, done, updated_at from progress_report
                where target_id = :t and status = 'accepted' order by period, updated_at, id""")
                .setParameter("t", targetId).getResultList();
        Map<String, Actual> byPeriod = new LinkedHashMap<>();
        for (Object[] r : rows) {
            Period period = Period.parse((String) r[0]);
            OffsetDateTime updated = toOffset(r[3]);
            byPeriod.put(period.code(), new Actual(period, number(r[1]), (Boolean) r[2], updated, "progress-report"));
        }
        return List.copyOf(byPeriod.values());
    }

    private List<TargetDefinition> query(String sql, Object param) {
        var q = em.createNativeQuery(sql);
        if (param != null) {
            q.setParameter("p", param);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<TargetDefinition.Milestone>> milestones = milestones(rows.stream().map(r -> ((Number) r[0]).longValue()).toList());
        List<TargetDefinition> out = new ArrayList<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            out.add(new TargetDefinition(id, (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                    (String) r[6], (String) r[7], (String) r[8], (String) r[9], (String) r[10], number(r[11]),
                    number(r[12]), number(r[13]), (String) r[14], number(r[15]), (String) r[16],
                    (String) r[17], milestones.getOrDefault(id, List.of())));
        }
        return out;
    }

    private Map<Long, List<TargetDefinition.Milestone>> milestones(List<Long> ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select target_id, period, value from target_milestone where target_id in (:ids) order by target_id, period")
                .setParameter("ids", ids).getResultList();
        Map<Long, List<TargetDefinition.Milestone>> out = new HashMap<>();
        for (Object[] r : rows) {
            out.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>())
                    .add(new TargetDefinition.Milestone((String) r[1], number(r[2])));
        }
        return out;
    }

    /** A numeric(18, 6) as written: 99.000000 → 99. */
    static BigDecimal number(Object value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = ((BigDecimal) value).stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static OffsetDateTime toOffset(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(value.toString());
    }
}
