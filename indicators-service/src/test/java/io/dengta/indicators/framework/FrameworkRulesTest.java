package io.dengta.indicators.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dengta.commons.problem.FieldError;
import io.dengta.indicators.framework.FrameworkVersionInput.Band;
import io.dengta.indicators.framework.FrameworkVersionInput.Dimension;
import io.dengta.indicators.framework.FrameworkVersionInput.Item;

class FrameworkRulesTest {

    private static final Map<String, String> CATALOG = Map.of(
            "zz.a", "higher-better", "zz.b", "higher-better", "zz.c", "lower-better", "zz.d", "higher-better",
            "zz.band", "band");

    private static Item item(String indicator, String weight) {
        return new Item(indicator, new BigDecimal(weight), "ratio", new BigDecimal("90"), null, null, null, null);
    }

    private static Item scored(String indicator, String weight, String scoring, String target, Boolean useStandard,
            Band band) {
        return new Item(indicator, new BigDecimal(weight), scoring, target == null ? null : new BigDecimal(target),
                useStandard, band, null, null);
    }

    private static Dimension leaves(String code, Item... items) {
        return new Dimension(code, "维度 " + code, null, null, List.of(items));
    }

    private static Dimension parent(String code, Dimension... children) {
        return new Dimension(code, "维度 " + code, null, List.of(children), null);
    }

    private static List<FieldError> check(Dimension... dimensions) {
        return FrameworkRules.check(new FrameworkVersionInput(null, "test", null, Arrays.asList(dimensions))
                .normalized(2024), CATALOG);
    }

    private static List<String> codes(List<FieldError> errors) {
        return errors.stream().map(FieldError::code).toList();
    }

    private static List<String> pointers(List<FieldError> errors) {
        return errors.stream().map(FieldError::pointer).toList();
    }

    @Test
    void acceptsATwoLevelTreeWhoseWeightsSumToExactly100() {
        assertTrue(check(parent("resources", leaves("staff", item("zz.a", "33.33"), item("zz.b", "33.33")),
                leaves("buildings", item("zz.c", "33.34")))).isEmpty());
    }

    @Test
    void rejectsWeightsThatDoNotSumTo100AndNamesTheSum() {
        List<FieldError> errors = check(leaves("one", item("zz.a", "33.33"), item("zz.b", "33.33")),
                leaves("two", item("zz.c", "33.33")));
        assertEquals(List.of("weights_not_100"), codes(errors));
        assertEquals("/dimensions", errors.get(0).pointer());
        assertEquals("the indicators' weights sum to 99.99; they must sum to exactly 100", errors.get(0).message());
        assertEquals("the indicators' weights sum to 100.50; they must sum to exactly 100",
                check(leaves("one", item("zz.a", "50.5"), item("zz.b", "50"))).get(0).message());
    }

    @Test
    void rejectsWeightsWithMoreThanTwoDecimals() {
        List<FieldError> errors = check(leaves("one", item("zz.a", "33.333"), item("zz.b", "66.667")));
        assertEquals(List.of("too_many_decimals", "too_many_decimals"), codes(errors));
        assertEquals(List.of("/dimensions/0/indicators/0/weight", "/dimensions/0/indicators/1/weight"), pointers(errors));
        assertTrue(check(leaves("one", item("zz.a", "50.500"), item("zz.b", "49.50"))).isEmpty(), "trailing zeros are fine");
    }

    @Test
    void rejectsIndicatorsOutsideTheCatalog() {
        List<FieldError> errors = check(leaves("one", item("zz.a", "50"), item("zz.missing", "50")));
        assertEquals(List.of("unknown_indicator"), codes(errors));
        assertEquals(List.of("/dimensions/0/indicators/1/indicator"), pointers(errors));
    }

    @Test
    void acceptsAnIndicatorOnlyOncePerVersion() {
        List<FieldError> errors = check(leaves("one", item("zz.a", "50")), leaves("two", item("zz.a", "50")));
        assertEquals(List.of("duplicate_indicator"), codes(errors));
        assertEquals(List.of("/dimensions/1/indicators/0/indicator"), pointers(errors));
        assertTrue(errors.get(0).message().contains("/dimensions/0/indicators/0"));
    }

    @Test
    void nestsDimensionsAtMostThreeLevels() {
        assertTrue(check(parent("l1", parent("l2", leaves("l3", item("zz.a", "100"))))).isEmpty());
        List<FieldError> errors = check(parent("l1", parent("l2", parent("l3", leaves("l4", item("zz.a", "100"))))));
        assertEquals(List.of("too_deep"), codes(errors));
        assertEquals(List.of("/dimensions/0/dimensions/0/dimensions/0/dimensions/0"), pointers(errors));
    }

    @Test
    void rejectsEmptyMixedAndRepeatedDimensions() {
        Dimension mixed = new Dimension("mixed", "混合", null, List.of(leaves("inner", item("zz.a", "50"))),
                List.of(item("zz.b", "50")));
        List<FieldError> errors = check(mixed, new Dimension("empty", "空", null, null, null),
                leaves("inner", item("zz.c", "0.01")));
        assertEquals(List.of("mixed_dimension", "empty_dimension", "duplicate", "weights_not_100"), codes(errors));
        assertEquals(List.of("/dimensions/0", "/dimensions/1", "/dimensions/2/code", "/dimensions"), pointers(errors));
    }

    @Test
    void ratioAndThresholdNeedATargetOrTheStandardButNotBoth() {
        List<FieldError> errors = check(leaves("one", scored("zz.a", "40", "ratio", null, null, null),
                scored("zz.b", "30", "threshold", "90", true, null),
                scored("zz.c", "30", "threshold", null, true, null)));
        assertEquals(List.of("target_required", "not_allowed"), codes(errors));
        assertEquals(List.of("/dimensions/0/indicators/0/target", "/dimensions/0/indicators/1/useStandard"),
                pointers(errors));
    }

    @Test
    void ratioDividesByAPositiveTargetOfADirectedIndicator() {
        List<FieldError> errors = check(leaves("one", scored("zz.a", "50", "ratio", "0", null, null),
                scored("zz.band", "50", "ratio", "1", null, null)));
        assertEquals(List.of("must_be_positive", "scoring_not_for_direction"), codes(errors));
        assertEquals(List.of("/dimensions/0/indicators/0/target", "/dimensions/0/indicators/1/scoring"),
                pointers(errors));
    }

    @Test
    void bandScoringNeedsAnOrderedBandAndNoTarget() {
        Band band = new Band(new BigDecimal("0.9"), new BigDecimal("1.1"), new BigDecimal("0.5"));
        assertTrue(check(leaves("one", scored("zz.band", "60", "band", null, null, band),
                scored("zz.c", "40", "threshold", null, true, null))).isEmpty());
        List<FieldError> errors = check(leaves("one",
                scored("zz.band", "25", "band", null, null, null),
                scored("zz.a", "25", "band", "90", true, new Band(BigDecimal.TEN, BigDecimal.ONE, BigDecimal.ONE)),
                scored("zz.b", "50", "ratio", "90", null, band)));
        assertEquals(List.of("band_required", "band_inverted", "not_allowed", "not_allowed", "not_allowed"),
                codes(errors));
        assertEquals(List.of("/dimensions/0/indicators/0/band", "/dimensions/0/indicators/1/band/high",
                "/dimensions/0/indicators/1/target", "/dimensions/0/indicators/1/useStandard",
                "/dimensions/0/indicators/2/band"), pointers(errors));
    }

    @Test
    void reportsEveryProblemOfAVersionAtOnce() {
        List<FieldError> errors = check(leaves("one", item("zz.missing", "10"), item("zz.a", "10.005")),
                leaves("one", item("zz.a", "10")));
        assertEquals(List.of("unknown_indicator", "too_many_decimals", "duplicate", "duplicate_indicator",
                "weights_not_100"), codes(errors));
        assertEquals("the indicators' weights sum to 30.005; they must sum to exactly 100", errors.get(4).message());
    }

    @Test
    void aLeafPinsOnlyOneOfItsIndicatorsStages() {
        Map<String, List<String>> stages = Map.of("zz.a", List.of("primary", "junior"), "zz.b", List.of());
        Item junior = new Item("zz.a", new BigDecimal("50"), "ratio", new BigDecimal("90"), null, null, null, null,
                "junior");
        Item senior = new Item("zz.a", new BigDecimal("50"), "ratio", new BigDecimal("90"), null, null, null, null,
                "senior");
        Item notPerStage = new Item("zz.b", new BigDecimal("50"), "ratio", new BigDecimal("90"), null, null, null,
                null, "primary");
        assertTrue(FrameworkRules.check(version(leaves("one", junior, item("zz.b", "50"))), CATALOG, stages).isEmpty());
        List<FieldError> errors = FrameworkRules.check(version(leaves("one", senior, notPerStage)), CATALOG, stages);
        assertEquals(List.of("/dimensions/0/indicators/0/stage", "/dimensions/0/indicators/1/stage"),
                errors.stream().map(FieldError::pointer).toList());
        assertEquals(List.of("not_a_stage_of_indicator", "not_per_stage"), errors.stream().map(FieldError::code).toList());
    }

    private static FrameworkVersionInput version(Dimension... dimensions) {
        return new FrameworkVersionInput(null, "test", null, Arrays.asList(dimensions)).normalized(2020);
    }
}
