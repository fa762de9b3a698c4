package io.dengta.indicators.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dengta.commons.problem.FieldError;

class StandardRulesTest {

    private static Indicator indicator(String unit, List<String> stages) {
        Indicator i = new Indicator();
        i.code = "zz.rate";
        i.unit = unit;
        i.stages = stages;
        i.minValue = BigDecimal.ZERO;
        i.maxValue = unit.equals("%") ? BigDecimal.valueOf(100) : null;
        return i;
    }

    private static StandardInput standard(String jurisdiction, List<String> stages, String comparator, String value,
            String high, int from, Integer to) {
        return new StandardInput("zz.rate", jurisdiction, stages, comparator, new BigDecimal(value),
                high == null ? null : new BigDecimal(high), from, to, "test", null, null).normalized();
    }

    private static Standard stored(String jurisdiction, List<String> stages, int from, Integer to) {
        Standard s = new Standard();
        s.id = UUID.randomUUID();
        s.indicatorCode = "zz.rate";
        s.jurisdiction = jurisdiction;
        s.stages = stages;
        s.fromYear = from;
        s.toYear = to;
        return s;
    }

    private static List<String> codes(List<FieldError> errors) {
        return errors.stream().map(FieldError::code).toList();
    }

    private static List<String> pointers(List<FieldError> errors) {
        return errors.stream().map(FieldError::pointer).toList();
    }

    private static final Indicator PERCENT = indicator("%", List.of());

    @Test
    void acceptsAThresholdAndABand() {
        assertTrue(StandardRules.check(standard("000000", List.of(), ">=", "95", null, 2017, null), PERCENT).isEmpty());
        assertTrue(StandardRules.check(standard("320000", List.of(), "between", "45", "55", 2013, 2020), PERCENT)
                .isEmpty());
        assertTrue(StandardRules.check(standard("320000", List.of(), "between", "50", "50", 2013, null), PERCENT)
                .isEmpty(), "low = high is a band of one value");
    }

    @Test
    void rejectsAnIndicatorOutsideTheCatalog() {
        assertEquals(List.of("unknown_indicator"), codes(StandardRules.check(
                standard("000000", List.of(), ">=", "95", null, 2017, null), null)));
    }

    @Test
    void requiresTheHighEndForBetweenAndOnlyForBetween() {
        List<FieldError> missing = StandardRules.check(standard("000000", List.of(), "between", "1", null, 2017, null),
                PERCENT);
        assertEquals(List.of("required"), codes(missing));
        assertEquals(List.of("/valueHigh"), pointers(missing));
        assertEquals(List.of("not_allowed"), codes(StandardRules.check(
                standard("000000", List.of(), ">=", "1", "2", 2017, null), PERCENT)));
        assertEquals(List.of("below_low"), codes(StandardRules.check(
                standard("000000", List.of(), "between", "60", "40", 2017, null), PERCENT)));
    }

    @Test
    void rejectsALastYearBeforeTheFirst() {
        List<FieldError> errors = StandardRules.check(standard("000000", List.of(), ">=", "1", null, 2020, 2019), PERCENT);
        assertEquals(List.of("before_from_year"), codes(errors));
        assertEquals(List.of("/toYear"), pointers(errors));
    }

    @Test
    void rejectsStagesTheIndicatorDoesNotHave() {
        List<FieldError> errors = StandardRules.check(standard("000000", List.of("primary", "senior"), ">=", "1", null,
                2017, null), indicator("per100", List.of("primary", "junior")));
        assertEquals(List.of("stage_not_of_indicator"), codes(errors));
        assertEquals(List.of("/stages/1"), pointers(errors));
    }

    @Test
    void rejectsValuesOutsideTheIndicatorsValidRange() {
        List<FieldError> errors = StandardRules.check(standard("000000", List.of(), "between", "-1", "101", 2017, null),
                PERCENT);
        assertEquals(List.of("/value", "/valueHigh"), pointers(errors));
        assertEquals(List.of("out_of_range", "out_of_range"), codes(errors));
    }

    @Test
    void overlapNeedsTheSameJurisdictionACommonStageAndACommonYear() {
        StandardInput from2017 = standard("000000", List.of("primary"), ">=", "1", null, 2017, null);
        assertTrue(StandardRules.overlaps(from2017, stored("000000", List.of("primary"), 2020, 2022)));
        assertTrue(StandardRules.overlaps(from2017, stored("000000", List.of(), 2010, 2017)), "every stage, last year 2017");
        assertTrue(StandardRules.overlaps(from2017, stored("000000", List.of("junior", "primary"), 2030, null)));
        assertFalse(StandardRules.overlaps(from2017, stored("000000", List.of("primary"), 2010, 2016)));
        assertFalse(StandardRules.overlaps(from2017, stored("000000", List.of("junior"), 2017, null)));
        assertFalse(StandardRules.overlaps(from2017, stored("320000", List.of("primary"), 2017, null)));
        StandardInput closed = standard("000000", List.of(), ">=", "1", null, 2013, 2016);
        assertFalse(StandardRules.overlaps(closed, stored("000000", List.of("primary"), 2017, null)));
        assertTrue(StandardRules.overlaps(closed, stored("000000", List.of("primary"), 2016, null)));
    }

    private static StandardView view(String jurisdiction, List<String> stages, String value, int from, Integer to) {
        return new StandardView(UUID.randomUUID(), "zz.rate", jurisdiction, stages, ">=", new BigDecimal(value), null,
                from, to, "test", "unverified", null, 0, OffsetDateTime.now(), OffsetDateTime.now());
    }

    private static final List<StandardView> HIERARCHY = List.of(
            view("000000", List.of(), "85", 2017, null),
            view("320000", List.of(), "95", 2013, null),
            view("320100", List.of(), "97", 2020, 2025),
            view("320113", List.of(), "99", 2024, null),
            view("440000", List.of(), "90", 2013, null));

    private static String value(StandardRules.Resolution r) {
        return r.standard() == null ? null : r.standard().value().toPlainString();
    }

    @Test
    void appliesTheMostSpecificJurisdictionCoveringTheRegion() {
        assertEquals("99", value(StandardRules.applicable(HIERARCHY, "320113", 2024, null)), "the district's own");
        assertEquals("97", value(StandardRules.applicable(HIERARCHY, "320113", 2023, null)), "the district's starts 2024");
        assertEquals("97", value(StandardRules.applicable(HIERARCHY, "320114", 2024, null)), "another Nanjing district");
        assertEquals("95", value(StandardRules.applicable(HIERARCHY, "320585", 2024, null)), "Taicang: Suzhou has none");
        assertEquals("95", value(StandardRules.applicable(HIERARCHY, "320114", 2026, null)), "Nanjing's ended 2025");
        assertEquals("90", value(StandardRules.applicable(HIERARCHY, "440307", 2024, null)));
        assertEquals("85", value(StandardRules.applicable(HIERARCHY, "210213", 2024, null)), "national for Liaoning");
        assertNull(StandardRules.applicable(HIERARCHY, "210213", 2016, null).standard(), "nothing in force in 2016");
        assertEquals("85", value(StandardRules.applicable(HIERARCHY, "000000", 2024, null)), "asking for the nation");
    }

    @Test
    void choosesByStageAndAsksForOneWhenStandardsDifferByStage() {
        List<StandardView> perStage = List.of(
                view("000000", List.of("primary"), "4.2", 2017, null),
                view("000000", List.of("junior"), "5.3", 2017, null),
                view("320000", List.of("primary", "junior"), "99", 2013, null));
        assertEquals("5.3", value(StandardRules.applicable(perStage.subList(0, 2), "320113", 2024, "junior")));
        StandardRules.Resolution ambiguous = StandardRules.applicable(perStage.subList(0, 2), "320113", 2024, null);
        assertTrue(ambiguous.ambiguous());
        assertEquals(List.of("primary", "junior"), List.copyOf(ambiguous.stagesToChooseFrom()));
        assertEquals("99", value(StandardRules.applicable(perStage.subList(2, 3), "320113", 2024, null)),
                "one standard for primary and junior needs no stage");
        assertEquals("99", value(StandardRules.applicable(perStage, "320113", 2024, "primary")));
        assertNull(StandardRules.applicable(perStage, "320113", 2024, "senior").standard());
        assertEquals(Set.of(), StandardRules.applicable(perStage, "320113", 2024, "senior").stagesToChooseFrom());
    }

    @Test
    void jurisdictionsCoverTheRegionsBelowThem() {
        assertTrue(Jurisdictions.covers("000000", "320113"));
        assertTrue(Jurisdictions.covers("320000", "320113"));
        assertTrue(Jurisdictions.covers("320100", "320113"));
        assertTrue(Jurisdictions.covers("320113", "320113"));
        assertFalse(Jurisdictions.covers("320100", "320585"));
        assertFalse(Jurisdictions.covers("320113", "320100"));
        assertEquals(List.of("national", "province", "city", "district"),
                List.of("000000", "320000", "320100", "320113").stream().map(Jurisdictions::level).toList());
    }
}
