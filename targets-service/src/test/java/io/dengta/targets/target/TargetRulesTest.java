package io.dengta.targets.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.dengta.commons.problem.FieldError;

class TargetRulesTest {

    private static final TargetRules.PlanFrame QIXIA_2021_2025 = new TargetRules.PlanFrame("320113", 2021, 2025, Set.of("g1"));

    private static TargetInput indicator(String unit, String comparator, BigDecimal value, BigDecimal low, BigDecimal high,
            String deadline, String baselinePeriod) {
        return new TargetInput(null, "g1", "t", null, "indicator", "pre.net_enrollment_rate", unit, null, null, comparator,
                value, low, high, deadline, baselinePeriod == null ? null : BigDecimal.ONE, baselinePeriod, null, null, null);
    }

    private static List<String> codes(List<FieldError> errors) {
        return errors.stream().map(e -> e.pointer() + " " + e.code()).toList();
    }

    @Test
    void acceptsConsistentIndicatorTarget() {
        assertEquals(List.of(), TargetRules.check(indicator("320113", ">=", BigDecimal.TEN, null, null, "2025", "2020"),
                QIXIA_2021_2025));
    }

    @Test
    void rejectsUnitOutsidePlanOwnersRegion() {
        assertEquals(List.of("/unit outside_plan_region"), codes(TargetRules.check(
                indicator("320211", ">=", BigDecimal.TEN, null, null, "2025", null), QIXIA_2021_2025)));
    }

    @Test
    void acceptsUnitInSubRegionOfCityPlan() {
        TargetRules.PlanFrame nanjing = new TargetRules.PlanFrame("320100", 2021, 2025, Set.of("g1"));
        assertEquals(List.of(), TargetRules.check(indicator("320113", ">=", BigDecimal.TEN, null, null, "2025", null), nanjing));
    }

    @Test
    void rejectsSchoolUnitOfAnotherRegionAndRequiresSchoolRegion() {
        TargetInput other = new TargetInput(null, "g1", "t", null, "milestone", null, "3202119001", "320211", null, null,
                null, null, null, "2024", null, null, null, null, null);
        assertEquals(List.of("/unit outside_plan_region"), codes(TargetRules.check(other, QIXIA_2021_2025)));
        TargetInput missing = new TargetInput(null, "g1", "t", null, "milestone", null, "3201139001", null, null, null,
                null, null, null, "2024", null, null, null, null, null);
        assertEquals(List.of("/schoolRegion required"), codes(TargetRules.check(missing, QIXIA_2021_2025)));
    }

    @Test
    void rejectsDeadlineOutsidePlanYears() {
        assertEquals(List.of("/deadline outside_plan_years"), codes(TargetRules.check(
                indicator("320113", ">=", BigDecimal.TEN, null, null, "2026", null), QIXIA_2021_2025)));
        assertEquals(List.of("/deadline outside_plan_years"), codes(TargetRules.check(
                indicator("320113", ">=", BigDecimal.TEN, null, null, "2020Sep", null), QIXIA_2021_2025)));
        assertEquals(List.of(), codes(TargetRules.check(
                indicator("320113", ">=", BigDecimal.TEN, null, null, "2025Sep", null), QIXIA_2021_2025)));
    }

    @Test
    void rejectsMalformedDeadline() {
        assertEquals(List.of("/deadline invalid_period"), codes(TargetRules.check(
                indicator("320113", ">=", BigDecimal.TEN, null, null, "2025-12", null), QIXIA_2021_2025)));
    }

    @Test
    void rejectsBaselineNotBeforeDeadline() {
        assertEquals(List.of("/baselinePeriod not_before_deadline"), codes(TargetRules.check(
                indicator("320113", ">=", BigDecimal.TEN, null, null, "2024", "2024"), QIXIA_2021_2025)));
        assertEquals(List.of("/baselinePeriod not_before_deadline"), codes(TargetRules.check(
                indicator("320113", ">=", BigDecimal.TEN, null, null, "2024", "2025"), QIXIA_2021_2025)));
    }

    @Test
    void rejectsBaselineValueWithoutPeriod() {
        TargetInput in = new TargetInput(null, "g1", "t", null, "indicator", "pre.net_enrollment_rate", "320113", null, null,
                ">=", BigDecimal.TEN, null, null, "2025", BigDecimal.ONE, null, null, null, null);
        assertEquals(List.of("/baselinePeriod required"), codes(TargetRules.check(in, QIXIA_2021_2025)));
    }

    @Test
    void rejectsBandWithLowAboveHigh() {
        assertEquals(List.of("/low low_above_high"), codes(TargetRules.check(
                indicator("320113", "between", null, new BigDecimal("1.2"), new BigDecimal("0.8"), "2025", null),
                QIXIA_2021_2025)));
        assertEquals(List.of(), codes(TargetRules.check(
                indicator("320113", "between", null, new BigDecimal("0.8"), new BigDecimal("1.2"), "2025", null),
                QIXIA_2021_2025)));
    }

    @Test
    void requiresTheValuesTheComparatorNeeds() {
        assertEquals(List.of("/high required", "/value not_allowed"), codes(TargetRules.check(
                indicator("320113", "between", BigDecimal.ONE, BigDecimal.ONE, null, "2025", null), QIXIA_2021_2025)));
        assertEquals(List.of("/value required"), codes(TargetRules.check(
                indicator("320113", ">=", null, null, null, "2025", null), QIXIA_2021_2025)));
    }

    @Test
    void milestoneHasNoIndicatorOrValues() {
        TargetInput in = new TargetInput(null, "g1", "t", null, "milestone", "pre.net_enrollment_rate", "320113", null,
                null, ">=", BigDecimal.ONE, null, null, "2025", null, null, "indicators", null, null);
        assertEquals(List.of("/indicator not_allowed", "/comparator not_allowed", "/value not_allowed",
                "/actualSource not_allowed"), codes(TargetRules.check(in, QIXIA_2021_2025)));
    }

    @Test
    void changeTargetNeedsBaselinePeriod() {
        TargetInput in = new TargetInput(null, "g1", "t", null, "change", "health.myopia_rate", "320113", null, null,
                "between", null, new BigDecimal("-1"), new BigDecimal("-0.5"), "2023", null, null, null, null, null);
        assertEquals(List.of("/baselinePeriod required"), codes(TargetRules.check(in, QIXIA_2021_2025)));
    }

    @Test
    void rejectsUnknownGoal() {
        TargetInput in = new TargetInput(null, "g9", "t", null, "milestone", null, "320113", null, null, null, null, null,
                null, "2025", null, null, null, null, null);
        assertEquals(List.of("/goal unknown_goal"), codes(TargetRules.check(in, QIXIA_2021_2025)));
    }

    @Test
    void milestonesLieBetweenBaselineAndDeadline() {
        TargetInput in = new TargetInput(null, "g1", "t", null, "indicator", "pre.net_enrollment_rate", "320113", null,
                null, ">=", BigDecimal.TEN, null, null, "2024", BigDecimal.ONE, "2021",
                null, List.of(new MilestoneInput("2022", BigDecimal.ONE), new MilestoneInput("2022", BigDecimal.ONE),
                        new MilestoneInput("2025", BigDecimal.TEN), new MilestoneInput("2021", BigDecimal.ONE)), null);
        assertEquals(List.of("/milestones/1/period duplicate", "/milestones/2/period after_deadline",
                "/milestones/3/period not_after_baseline"), codes(TargetRules.check(in, QIXIA_2021_2025)));
    }

    @Test
    void warnsOnComparatorAgainstIndicatorDirection() {
        assertEquals(List.of("/comparator direction_mismatch"),
                codes(TargetRules.warnings("indicator", ">=", BigDecimal.ONE, null, null, "lower-better")));
        assertEquals(List.of("/comparator direction_mismatch"),
                codes(TargetRules.warnings("indicator", "<=", BigDecimal.ONE, null, null, "higher-better")));
        assertEquals(List.of(), codes(TargetRules.warnings("indicator", "<=", BigDecimal.ONE, null, null, "lower-better")));
        assertEquals(List.of(), codes(TargetRules.warnings("indicator", "between", null, BigDecimal.ONE, BigDecimal.TEN, "band")));
        assertEquals(List.of(), codes(TargetRules.warnings("indicator", ">=", BigDecimal.ONE, null, null, null)));
    }

    @Test
    void warnsOnChangeThatIsADeterioration() {
        assertEquals(List.of("/value direction_mismatch"), codes(TargetRules.warnings("change", "between", null,
                new BigDecimal("0.5"), BigDecimal.ONE, "lower-better")));
        assertTrue(TargetRules.warnings("change", "between", null, new BigDecimal("-1"), new BigDecimal("-0.5"),
                "lower-better").isEmpty());
        assertEquals(List.of("/value direction_mismatch"), codes(TargetRules.warnings("change", "<=", new BigDecimal("-1"),
                null, null, "higher-better")));
    }
}
