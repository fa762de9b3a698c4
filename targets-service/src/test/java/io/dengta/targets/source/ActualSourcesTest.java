package io.dengta.targets.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.dengta.commons.period.Period;
import io.dengta.targets.progress.Actual;

class ActualSourcesTest {

    private static final SourceRef ENROLMENT = new SourceRef(SourceRef.INDICATORS, "pre.net_enrollment_rate", "320113", null);
    private static final LocalDate DAY = LocalDate.of(2024, 6, 1);

    /** Counts the calls; answers a fixed series, or fails while {@code down}. */
    static class FakeUpstream extends UpstreamReader {
        int seriesCalls;
        int statisticsCalls;
        boolean down;

        FakeUpstream() {
            super(null, null);
        }

        @Override
        public IndicatorsApi.Series series(String authorization, String unit, String indicator, String stage) {
            seriesCalls++;
            if (down) {
                throw new SourceDownException("indicators-service could not be reached");
            }
            return new IndicatorsApi.Series(unit, List.of(
                    new IndicatorsApi.IndicatorSeries(indicator, null, List.of(
                            new IndicatorsApi.Point("2022", new BigDecimal("94"), "approved", null),
                            new IndicatorsApi.Point("2023", new BigDecimal("95"), "draft", null))),
                    new IndicatorsApi.IndicatorSeries(indicator, "primary", List.of(
                            new IndicatorsApi.Point("2022", new BigDecimal("50"), "approved", null)))));
        }

        @Override
        public SchoolsApi.RegionStatistics regionStatistics(String authorization, String region, String schoolYear, String stage) {
            statisticsCalls++;
            return new SchoolsApi.RegionStatistics(region, schoolYear, 1, List.of(new SchoolsApi.Statistic("seats-added",
                    "cap.seats_added", null, new BigDecimal("100"), null, new BigDecimal("100"), "count")));
        }
    }

    @Test
    void repeatedReadsWithTheSameTokenAreServedFromTheCache() {
        FakeUpstream upstream = new FakeUpstream();
        ActualSources sources = new ActualSources(upstream, Duration.ofMinutes(1));
        sources.actuals(ENROLMENT, Period.parse("2020"), DAY, "Bearer a");
        sources.actuals(ENROLMENT, Period.parse("2020"), DAY, "Bearer a");
        assertEquals(1, upstream.seriesCalls);
        sources.actuals(ENROLMENT, Period.parse("2020"), DAY, "Bearer b");
        assertEquals(2, upstream.seriesCalls);
        sources.evict("pre.net_enrollment_rate", "320113");
        sources.actuals(ENROLMENT, Period.parse("2020"), DAY, "Bearer a");
        assertEquals(3, upstream.seriesCalls);
    }

    @Test
    void failuresAreNotCached() {
        FakeUpstream upstream = new FakeUpstream();
        ActualSources sources = new ActualSources(upstream, Duration.ofMinutes(1));
        upstream.down = true;
        assertThrows(SourceDownException.class, () -> sources.actuals(ENROLMENT, Period.parse("2020"), DAY, "Bearer a"));
        upstream.down = false;
        assertEquals(1, sources.actuals(ENROLMENT, Period.parse("2020"), DAY, "Bearer a").size());
        assertEquals(2, upstream.seriesCalls);
    }

    @Test
    void onlyTheTargetsStageCountsAndDraftsDoNot() {
        ActualSources sources = new ActualSources(new FakeUpstream(), Duration.ZERO);
        List<Actual> all = sources.actuals(ENROLMENT, Period.parse("2020"), DAY, null);
        assertEquals(List.of("2022"), all.stream().map(a -> a.period().code()).toList());
        List<Actual> primary = sources.actuals(new SourceRef(SourceRef.INDICATORS, "pre.net_enrollment_rate", "320113", "primary"),
                Period.parse("2020"), DAY, null);
        assertEquals(new BigDecimal("50"), primary.get(0).value());
    }

    @Test
    void registryCountsAreReadForEachSchoolYearFromTheStartToTheDay() {
        FakeUpstream upstream = new FakeUpstream();
        ActualSources sources = new ActualSources(upstream, Duration.ZERO);
        List<Actual> seats = sources.actuals(new SourceRef(SourceRef.REGISTRY, "cap.seats_added", "320113", null),
                Period.parse("2022Sep"), LocalDate.of(2025, 3, 1), null);
        assertEquals(List.of("2022Sep", "2023Sep", "2024Sep"), seats.stream().map(a -> a.period().code()).toList());
        assertEquals(3, upstream.statisticsCalls);
        assertThrows(SourceUnavailableException.class, () -> sources.actuals(
                new SourceRef(SourceRef.REGISTRY, "cap.seats_added", "3201130001", null), Period.parse("2022Sep"), DAY, null));
    }
}
