package io.dengta.targets.source;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.dengta.commons.period.Period;
import io.dengta.commons.period.PeriodType;
import io.dengta.targets.progress.Actual;

/**
 * Actual values from the other services, cached for a short while (a plan's progress asks for the same series many
 * times, and dashboards poll). The cache key includes the caller's token: what one caller may see is never answered
 * to another. Failures are not cached.
 * <p>
 * Draft observations are not actuals: a value counts once it is submitted or approved.
 */
@ApplicationScoped
public class ActualSources {

    private final UpstreamReader upstream;
    private final Cache<Key, List<Actual>> cache;

    private record Key(SourceRef ref, String firstSchoolYear, String lastSchoolYear, String authorization) {
    }

    public ActualSources(UpstreamReader upstream,
            @ConfigProperty(name = "dengta.sources.cache-ttl", defaultValue = "PT60S") Duration ttl) {
        this.upstream = upstream;
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(20_000).build();
    }

    /**
     * The actuals of {@code ref}, in period order.
     *
     * @param from for registry statistics: the first school year to read is the one containing its start
     * @throws SourceUnavailableException when the source cannot answer
     */
    public List<Actual> actuals(SourceRef ref, Period from, LocalDate asOf, String authorization) {
        if (SourceRef.REGISTRY.equals(ref.source())) {
            Period first = Period.containing(PeriodType.SCHOOL_YEAR, from.startDate());
            Period last = Period.containing(PeriodType.SCHOOL_YEAR, asOf);
            return cache.get(new Key(ref, first.code(), last.code(), authorization), k -> registry(ref, first, last, authorization));
        }
        return cache.get(new Key(ref, null, null, authorization), k -> indicators(ref, authorization));
    }

    /** Forgets cached values of an indicator and unit (a new observation arrived). */
    public void evict(String indicator, String unit) {
        cache.asMap().keySet().removeIf(k -> Objects.equals(k.ref().indicator(), indicator) && Objects.equals(k.ref().unit(), unit));
    }

    public void evictAll() {
        cache.invalidateAll();
    }

    private List<Actual> indicators(SourceRef ref, String authorization) {
        IndicatorsApi.Series series = upstream.series(authorization, ref.unit(), ref.indicator(), ref.stage());
        List<Actual> actuals = new ArrayList<>();
        if (series == null || series.series() == null) {
            return actuals;
        }
        List<IndicatorsApi.IndicatorSeries> ofIndicator = series.series().stream()
                .filter(s -> ref.indicator().equals(s.indicator()) && s.points() != null).toList();
        for (IndicatorsApi.IndicatorSeries s : ofIndicator) {
            // a target without a stage reads an indicator of a single stage, which observations carry implicitly
            boolean sameStage = Objects.equals(ref.stage(), s.stage())
                    || ref.stage() == null && ofIndicator.size() == 1;
            if (!sameStage) {
                continue;
            }
            for (IndicatorsApi.Point p : s.points()) {
                if (p.value() != null && !"draft".equals(p.status())) {
                    actuals.add(Actual.of(Period.parse(p.period()), p.value(), p.updatedAt(), SourceRef.INDICATORS));
                }
            }
        }
        return List.copyOf(actuals);
    }

    private List<Actual> registry(SourceRef ref, Period first, Period last, String authorization) {
        if (ref.unit().length() != 6) {
            throw new SourceUnavailableException("registry statistics are read per region, not for school " + ref.unit());
        }
        List<Actual> actuals = new ArrayList<>();
        for (Period year = first; year.compareTo(last) <= 0; year = year.next()) {
            SchoolsApi.RegionStatistics stats = upstream.regionStatistics(authorization, ref.unit(), year.code(), ref.stage());
            if (stats == null || stats.statistics() == null) {
                continue;
            }
            for (SchoolsApi.Statistic s : stats.statistics()) {
                if (ref.indicator().equals(s.indicator()) && Objects.equals(ref.stage(), s.stage())) {
                    java.math.BigDecimal value = "count".equals(s.unit()) ? s.numerator() : s.value();
                    if (value != null) {
                        actuals.add(Actual.of(year, value, null, SourceRef.REGISTRY));
                    }
                }
            }
        }
        return List.copyOf(actuals);
    }
}
