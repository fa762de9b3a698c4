package io.dengta.indicators.observation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.dengta.commons.paging.KeysetQuery;
import io.dengta.commons.paging.Page;
import io.dengta.commons.paging.PageRequest;
import io.dengta.commons.paging.SortKey;
import io.dengta.commons.period.Period;
import io.dengta.commons.period.PeriodType;
import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.security.RegionCodes;

/** Read models for front-ends: a unit's time series and a region's cross-section (also as CSV). */
@ApplicationScoped
public class ObservationQueries {

    static final int MAX_SERIES_POINTS = 10_000;
    static final List<String> CROSS_SECTION_SORTABLE = List.of("unit", "value", "updatedAt");
    private static final KeysetQuery<Observation> CROSS_SECTION = new KeysetQuery<>("from Observation o", Map.of(
            "unit", SortKey.text("o.unitCode", o -> o.unitCode),
            "value", new SortKey<Observation>("o.value", o -> o.value.toPlainString(), BigDecimal::new),
            "updatedAt", SortKey.instant("o.updatedAt", o -> o.updatedAt)), "unit");

    /** A unit's values of some indicators over periods. */
    @Schema(name = "ObservationSeries")
    public record SeriesView(String unit, @Schema(enumeration = { "region", "school" }) String unitType, String from,
            String to, List<IndicatorSeries> series) {
    }

    /** One indicator's (and stage's) values, in period order (start date, then end date). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IndicatorSeries(String indicator, @Schema(description = "The indicator's unit of measure, e.g. %") String indicatorUnit,
            String stage, List<SeriesPoint> points) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SeriesPoint(String period, String periodType, BigDecimal value, BigDecimal numerator,
            BigDecimal denominator, String status, OffsetDateTime updatedAt) {
    }

    /**
     * @param from only periods starting on or after its start (null: no bound)
     * @param to only periods ending on or before its end (null: no bound)
     * @param stage only this stage (null: every stage, each its own series)
     * @param indicators known indicators, in the order to answer them
     */
    public SeriesView series(String unit, List<IndicatorRef> indicators, Period from, Period to, String stage,
            PeriodType type, ObservationAccess.ListScope scope) {
        StringBuilder where = new StringBuilder("o.unitCode = :unit and o.indicatorCode in :indicators and o.deletedAt is null");
        Map<String, Object> params = new HashMap<>();
        params.put("unit", unit);
        params.put("indicators", indicators.stream().map(IndicatorRef::code).toList());
        if (from != null) {
            where.append(" and o.periodStart >= :from");
            params.put("from", from.startDate());
        }
        if (to != null) {
            where.append(" and o.periodEnd <= :to");
            params.put("to", to.endDate());
        }
        if (stage != null) {
            where.append(" and o.stage = :stage");
            params.put("stage", stage);
        }
        if (type != null) {
            where.append(" and o.periodType = :type");
            params.put("type", type.code());
        }
        appendScope(where, params, scope);
        List<Observation> rows = Observation.<Observation>find("from Observation o where " + where
                + " order by o.indicatorCode, o.stage, o.periodStart, o.periodEnd", params)
                .page(0, MAX_SERIES_POINTS + 1).list();
        if (rows.size() > MAX_SERIES_POINTS) {
            throw ProblemException.invalid("to", "too_many_points", "more than " + MAX_SERIES_POINTS
                    + " values: narrow the series with from, to, periodType or fewer indicators");
        }
        Map<String, List<Observation>> byIndicatorAndStage = new LinkedHashMap<>();
        for (Observation o : rows) {
            byIndicatorAndStage.computeIfAbsent(o.indicatorCode + "\n" + o.stage, k -> new ArrayList<>()).add(o);
        }
        List<IndicatorSeries> series = new ArrayList<>();
        for (IndicatorRef indicator : indicators) {
            boolean any = false;
            for (Map.Entry<String, List<Observation>> e : byIndicatorAndStage.entrySet()) {
                if (!e.getKey().startsWith(indicator.code() + "\n")) {
                    continue;
                }
                any = true;
                List<SeriesPoint> points = e.getValue().stream()
                        .map(o -> new SeriesPoint(o.periodCode, o.periodType, ObservationView.number(o.value),
                                ObservationView.number(o.numerator), ObservationView.number(o.denominator), o.status,
                                o.updatedAt))
                        .toList();
                series.add(new IndicatorSeries(indicator.code(), indicator.unit(),
                        ObservationKey.stageOf(e.getValue().get(0).stage), points));
            }
            if (!any) {
                series.add(new IndicatorSeries(indicator.code(), indicator.unit(), stage, List.of()));
            }
        }
        return new SeriesView(unit, ObservationKey.unitTypeOf(unit), from == null ? null : from.code(),
                to == null ? null : to.code(), series);
    }

    /** Filters of a cross-section; {@code stage} as stored ('' for none). */
    public record CrossSection(IndicatorRef indicator, Period period, String region, String stage, String unitType,
            OffsetDateTime updatedSince) {
    }

    /** One page of the observations of every unit in a region (itself, its sub-regions, their schools). */
    public Page<ObservationView> crossSection(CrossSection filter, PageRequest page, ObservationAccess.ListScope scope) {
        StringBuilder where = new StringBuilder("""
                o.indicatorCode = :indicator and o.periodCode = :period and o.stage = :stage \
                and o.regionCode like :region and o.deletedAt is null""");
        Map<String, Object> params = new HashMap<>();
        params.put("indicator", filter.indicator().code());
        params.put("period", filter.period().code());
        params.put("stage", filter.stage());
        params.put("region", RegionCodes.coveragePrefix(filter.region()) + "%");
        if (filter.unitType() != null) {
            where.append(" and o.unitType = :unitType");
            params.put("unitType", filter.unitType());
        }
        if (filter.updatedSince() != null) {
            where.append(" and o.updatedAt >= :updatedSince");
            params.put("updatedSince", filter.updatedSince());
        }
        appendScope(where, params, scope);
        return CROSS_SECTION.fetch(page, where.toString(), params,
                (jpql, p, max) -> Observation.<Observation>find(jpql, p).page(0, max).list(),
                (jpql, p) -> Observation.count(jpql, p), ObservationView::of);
    }

    /** Every page of a cross-section, each read in its own transaction, handed to {@code sink} in order. */
    public void crossSectionPages(CrossSection filter, String sort, ObservationAccess.ListScope scope,
            Consumer<List<ObservationView>> sink) {
        String cursor = null;
        do {
            PageRequest page = PageRequest.of(Integer.toString(PageRequest.MAX_LIMIT), cursor, sort, null,
                    CROSS_SECTION_SORTABLE, "unit");
            Page<ObservationView> items = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                    .call(() -> crossSection(filter, page, scope));
            sink.accept(items.items());
            cursor = items.next();
        } while (cursor != null);
    }

    private static void appendScope(StringBuilder where, Map<String, Object> params, ObservationAccess.ListScope scope) {
        if (scope.approvedOnly()) {
            where.append(" and o.status = 'approved'");
        }
        if (scope.unrestricted()) {
            return;
        }
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < scope.regionPrefixes().size(); i++) {
            alternatives.add("o.regionCode like :scope" + i);
            params.put("scope" + i, scope.regionPrefixes().get(i) + "%");
        }
        if (!scope.schools().isEmpty()) {
            alternatives.add("(o.unitType = 'school' and o.unitCode in :scopeSchools)");
            params.put("scopeSchools", scope.schools());
        }
        where.append(alternatives.isEmpty() ? " and 1 = 0" : " and (" + String.join(" or ", alternatives) + ")");
    }
}
