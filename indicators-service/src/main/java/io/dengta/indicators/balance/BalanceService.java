package io.dengta.indicators.balance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import io.dengta.commons.security.RegionCodes;
import io.dengta.indicators.catalog.CatalogCache;
import io.dengta.indicators.catalog.Jurisdictions;
import io.dengta.indicators.catalog.Standard;
import io.dengta.indicators.catalog.Vocabulary;
import io.dengta.indicators.catalog.StandardRules;
import io.dengta.indicators.catalog.StandardView;
import io.dengta.indicators.observation.ObservationAccess;
import io.dengta.commons.period.Period;

/**
 * Reads what a balance needs in one set-based query (the school-level observations of the resource indicators,
 * enrolment and stage markers of every school under the region for the period) and hands it to
 * {@link BalanceCalculator}.
 * <p>
 * Pupils Pᵢ: the school's enrolment observation ({@value #PUPILS}) for the stage and period; without one, the
 * denominator of its resource observations (each of the 7 is "… ÷ pupils", and the registry publishes them with
 * numerator and denominator). Special schools: a school with any of these observations at stage {@code special} for
 * the period; the registry publishes the pupil-teacher ratio and enrolment per stage a school teaches, and
 * {@code special} is the stage of 特殊教育学校.
 */
@ApplicationScoped
public class BalanceService {

    /** The enrolment indicator (added to the catalog by V45). */
    public static final String PUPILS = "ce.pupils";
    /** Published for every stage a school has pupils in: tells a special school even without enrolment data. */
    static final String STAGE_MARKER = "ce.pupil_teacher_ratio";
    static final String SPECIAL = "special";

    /** The 7 resource indicators of 教督〔2017〕6号, in the method's order. */
    public static final List<String> RESOURCE_INDICATORS = List.of(
            "qb.teachers_above_degree_per100",
            "qb.key_teachers_per100",
            "qb.pe_art_teachers_per100",
            "qb.teaching_floor_area_per_pupil",
            "qb.sports_area_per_pupil",
            "qb.equipment_value_per_pupil",
            "qb.multimedia_classrooms_per100");

    private final EntityManager em;
    private final CatalogCache cache;

    public BalanceService(EntityManager em, CatalogCache cache) {
        this.em = em;
        this.cache = cache;
    }

    /** The stages some balance rule is for (to tell a caller what to ask). */
    public List<String> stagesWithRule() {
        return cache.get("balance-rule-stages", () -> List.copyOf(em.createQuery(
                "select distinct r.stage from BalanceRule r order by r.stage", String.class).getResultList()));
    }

    /**
     * The rule for the region, stage and year: the most specific jurisdiction covering the region, in force that year.
     * The rules come from migrations only (no API writes them), so they are cached with the catalog; the entities
     * are detached and only read.
     */
    public Optional<BalanceRule> rule(String region, String stage, int year) {
        List<BalanceRule> rules = cache.get("balance-rules", () -> List.copyOf(BalanceRule.<BalanceRule>listAll()));
        return rules.stream().filter(r -> r.stage.equals(stage))
                .filter(r -> r.fromYear <= year && (r.toYear == null || r.toYear >= year))
                .filter(r -> Jurisdictions.covers(r.jurisdiction, region))
                .max(Comparator.comparingInt((BalanceRule r) -> Jurisdictions.specificity(r.jurisdiction))
                        .thenComparingInt(r -> r.fromYear));
    }

    public BalanceView balance(String region, String stage, Period period, BalanceRule rule,
            ObservationAccess.ListScope scope) {
        int year = period.startDate().getYear();
        List<BalanceCalculator.SchoolValues> schools = schools(region, stage, period, scope);
        BalanceCalculator.Result r = BalanceCalculator.compute(RESOURCE_INDICATORS, schools,
                new BalanceCalculator.Method(Vocabulary.plain(rule.maxCv), rule.minPupils, rule.minStandardsMet),
                standards(region, stage, year));
        return new BalanceView(region, stage, period.code(),
                new BalanceView.Rule(rule.jurisdiction, rule.source, Vocabulary.plain(rule.maxCv), rule.minPupils,
                        rule.minStandardsMet, RESOURCE_INDICATORS.size()),
                r.passed(), r.schools(), r.indicators(), r.schoolStandards(), r.coverage());
    }

    /** The school-level standard of each resource indicator for the region, stage and year. */
    Map<String, SchoolStandard> standards(String region, String stage, int year) {
        return cache.get(new StandardsKey(region, stage, year), () -> Collections.unmodifiableMap(loadStandards(region, stage, year)));
    }

    private record StandardsKey(String region, String stage, int year) {
    }

    private Map<String, SchoolStandard> loadStandards(String region, String stage, int year) {
        Map<String, List<StandardView>> byIndicator = new HashMap<>();
        for (Standard s : Standard.<Standard>list("indicatorCode in ?1", RESOURCE_INDICATORS)) {
            byIndicator.computeIfAbsent(s.indicatorCode, k -> new ArrayList<>()).add(StandardView.of(s));
        }
        Map<String, SchoolStandard> standards = new LinkedHashMap<>();
        byIndicator.forEach((indicator, list) -> {
            StandardView v = StandardRules.applicable(list, region, year, stage).standard();
            if (v != null) {
                standards.put(indicator, new SchoolStandard(v.comparator(), v.value(), v.valueHigh()));
            }
        });
        return standards;
    }

    /** One query: every school under the region with its values for the stage (and its special-stage markers). */
    List<BalanceCalculator.SchoolValues> schools(String region, String stage, Period period,
            ObservationAccess.ListScope scope) {
        List<String> codes = new ArrayList<>(RESOURCE_INDICATORS);
        codes.add(PUPILS);
        codes.add(STAGE_MARKER);
        Query q = em.createQuery("""
                select o.unitCode, o.regionCode, o.indicatorCode, o.stage, o.value, o.denominator from Observation o
                where o.indicatorCode in :codes and o.periodCode = :period and o.stage in :stages
                  and o.unitType = 'school' and o.regionCode like :region and o.deletedAt is null"""
                + (scope.approvedOnly() ? " and o.status = 'approved'" : ""));
        q.setParameter("codes", codes);
        q.setParameter("period", period.code());
        q.setParameter("stages", List.of(stage, SPECIAL));
        q.setParameter("region", RegionCodes.coveragePrefix(region) + "%");
        Map<String, Builder> bySchool = new LinkedHashMap<>();
        for (Object row : q.getResultList()) {
            Object[] f = (Object[]) row;
            Builder b = bySchool.computeIfAbsent((String) f[0], code -> new Builder(code, (String) f[1]));
            String indicator = (String) f[2];
            if (SPECIAL.equals(f[3]) && !SPECIAL.equals(stage)) {
                b.special = true;
            } else if (indicator.equals(PUPILS)) {
                b.pupils = (BigDecimal) f[4];
            } else if (RESOURCE_INDICATORS.contains(indicator)) {
                b.values.put(indicator, (BigDecimal) f[4]);
                if (f[5] != null) {
                    b.denominators.add((BigDecimal) f[5]);
                }
            }
        }
        return bySchool.values().stream().map(Builder::build).toList();
    }

    private static final class Builder {
        final String school;
        final String region;
        BigDecimal pupils;
        boolean special;
        final Map<String, BigDecimal> values = new HashMap<>();
        final TreeSet<BigDecimal> denominators = new TreeSet<>();

        Builder(String school, String region) {
            this.school = school;
            this.region = region;
        }

        BalanceCalculator.SchoolValues build() {
            // the enrolment observation wins; else the resource observations' pupils (the largest, if they differ)
            BigDecimal p = pupils != null ? pupils : denominators.isEmpty() ? null : denominators.last();
            return new BalanceCalculator.SchoolValues(school, region, p, special, values);
        }
    }
}
