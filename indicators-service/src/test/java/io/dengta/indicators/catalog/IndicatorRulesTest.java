package io.dengta.indicators.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.dengta.commons.problem.FieldError;

class IndicatorRulesTest {

    private static final Pattern CODE = Pattern.compile(Vocabulary.INDICATOR_CODE_PATTERN);

    private static IndicatorInput indicator(String unit, String level, String aggregation, List<String> stages,
            BigDecimal min, BigDecimal max) {
        return new IndicatorInput(null, "测试指标", null, unit, null, "higher-better", level, stages, aggregation, null,
                "test", min, max).normalized("zz.test");
    }

    private static List<String> codes(List<FieldError> errors) {
        return errors.stream().map(FieldError::code).toList();
    }

    @Test
    void acceptsEveryShapeOfTheSeededCatalog() {
        assertTrue(IndicatorRules.check(indicator("per100", "both", "ratio-of-sums", List.of("primary", "junior"), null,
                null)).isEmpty());
        assertTrue(IndicatorRules.check(indicator("%", "region", "none", null, null, null)).isEmpty());
        assertTrue(IndicatorRules.check(indicator("count", "both", "sum", null, null, null)).isEmpty());
        assertTrue(IndicatorRules.check(indicator("m2", "both", "pupil-weighted-mean", null, null, null)).isEmpty());
    }

    @Test
    void fillsInTheUnitDefaults() {
        IndicatorInput percent = indicator("%", "region", "none", null, null, null);
        assertEquals(1, percent.decimals());
        assertEquals(BigDecimal.ZERO, percent.minValue());
        assertEquals(new BigDecimal("100"), percent.maxValue());
        IndicatorInput count = indicator("count", "region", "sum", null, null, null);
        assertEquals(0, count.decimals());
        assertEquals(BigDecimal.ZERO, count.minValue());
        assertNull(count.maxValue());
        assertEquals(2, indicator("per100", "region", "none", null, null, null).decimals());
        assertEquals(List.of(), count.stages());
    }

    @Test
    void keepsAnExplicitRangeAndOrdersStagesAsSchoolingDoes() {
        IndicatorInput gross = indicator("%", "region", "none", List.of("junior", "primary"), null, new BigDecimal("150.0"));
        assertEquals(new BigDecimal("150"), gross.maxValue());
        assertEquals(List.of("primary", "junior"), gross.stages());
    }

    @Test
    void rejectsAnInvertedOrEmptyRange() {
        List<FieldError> errors = IndicatorRules.check(indicator("%", "region", "none", null, new BigDecimal("50"),
                new BigDecimal("50")));
        assertEquals(List.of("range_inverted"), codes(errors));
        assertEquals("/maxValue", errors.get(0).pointer());
    }

    @Test
    void rejectsAStageListedTwice() {
        List<FieldError> errors = IndicatorRules.check(indicator("%", "region", "none", List.of("primary", "primary"),
                null, null));
        assertEquals(List.of("duplicate"), codes(errors));
        assertEquals("/stages/1", errors.get(0).pointer());
    }

    @Test
    void requiresAnAggregationForIndicatorsOfSchoolsAndRegions() {
        assertEquals(List.of("aggregation_required"), codes(IndicatorRules.check(indicator("%", "both", "none", null,
                null, null))));
    }

    @Test
    void rejectsSummingRatesAndAveragingCounts() {
        assertEquals(List.of("not_additive"), codes(IndicatorRules.check(indicator("%", "both", "sum", null, null, null))));
        assertEquals(List.of("not_additive"), codes(IndicatorRules.check(indicator("per100", "region", "sum", null,
                null, null))));
        assertEquals(List.of("not_a_rate"), codes(IndicatorRules.check(indicator("count", "both",
                "pupil-weighted-mean", null, null, null))));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertEquals(List.of("duplicate", "range_inverted", "aggregation_required"), codes(IndicatorRules.check(
                indicator("%", "both", "none", List.of("junior", "junior"), new BigDecimal("10"), BigDecimal.ONE))));
    }

    @Test
    void indicatorCodesAreLowerCaseDottedWithTwoToFourSegments() {
        for (String good : List.of("qb.teachers_above_degree_per100", "pre.childcare_places_0_3",
                "eq.disabled_15yr_free_share", "a.b", "js.x.y.z")) {
            assertTrue(CODE.matcher(good).matches(), good);
        }
        for (String bad : List.of("qb", "QB.rate", "qb..rate", "qb.rate_", "qb._rate", "qb.rate__x", "1qb.rate",
                "qb.1rate", "qb-rate", "a.b.c.d.e", "qb.rate.", "qb." + "x".repeat(62))) {
            assertFalse(CODE.matcher(bad).matches(), bad);
        }
    }
}
