package io.dengta.indicators.observation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.dengta.commons.period.Period;
import io.dengta.commons.problem.FieldError;

class ObservationRulesTest {

    private static final ReferenceDataIndicatorLookup REFERENCE = new ReferenceDataIndicatorLookup();
    private static final Map<String, IndicatorRef> EXTRA = Map.of(
            "test.school_only", IndicatorRef.of("test.school_only", "count", "school", List.of()));
    private static final Function<String, Optional<IndicatorRef>> CATALOG = code -> EXTRA.containsKey(code)
            ? Optional.of(EXTRA.get(code))
            : REFERENCE.find(code);

    private static final String SCHOOL = "3201130001";

    /** A valid school-level observation of a per-stage % indicator, to vary one field at a time. */
    private static ObservationDraft draft() {
        return new ObservationDraft("qb.class_size_compliance", SCHOOL, "320113", "2024Sep", "primary",
                new BigDecimal("87.5"), new BigDecimal("35"), new BigDecimal("40"), null, "feed", null);
    }

    private static ObservationDraft with(String field, Object value) {
        ObservationDraft d = draft();
        return new ObservationDraft(
                field.equals("indicator") ? (String) value : d.indicator(),
                field.equals("unit") ? (String) value : d.unit(),
                field.equals("region") ? (String) value : d.region(),
                field.equals("period") ? (String) value : d.period(),
                field.equals("stage") ? (String) value : d.stage(),
                field.equals("value") ? (BigDecimal) value : d.value(),
                field.equals("numerator") ? (BigDecimal) value : d.numerator(),
                field.equals("denominator") ? (BigDecimal) value : d.denominator(),
                field.equals("status") ? (String) value : d.status(),
                field.equals("source") ? (String) value : d.source(),
                field.equals("comment") ? (String) value : d.comment());
    }

    private static ObservationDraft noRatio(ObservationDraft d) {
        return new ObservationDraft(d.indicator(), d.unit(), d.region(), d.period(), d.stage(), d.value(), null, null,
                d.status(), d.source(), d.comment());
    }

    private static ObservationDraft noStage(ObservationDraft d) {
        return new ObservationDraft(d.indicator(), d.unit(), d.region(), d.period(), null, d.value(), d.numerator(),
                d.denominator(), d.status(), d.source(), d.comment());
    }

    private static ObservationRules.Checked row(ObservationDraft d) {
        return ObservationRules.check(d, CATALOG, false);
    }

    private static FieldError only(ObservationRules.Checked checked) {
        assertEquals(1, checked.errors().size(), checked.errors().toString());
        return checked.errors().get(0);
    }

    private static void assertError(ObservationRules.Checked checked, String pointer, String code) {
        assertTrue(checked.errors().stream().anyMatch(e -> e.pointer().equals(pointer) && e.code().equals(code)),
                "expected " + pointer + " " + code + " in " + checked.errors());
    }

    @Test
    void acceptsAValidObservationAndNormalizesIt() {
        ObservationRules.Checked checked = row(with("comment", "  "));
        assertTrue(checked.valid(), checked.errors().toString());
        ValidObservation o = checked.observation();
        assertEquals(new ObservationKey("qb.class_size_compliance", SCHOOL, Period.schoolYear(2024), "primary"), o.key());
        assertEquals("submitted", o.status(), "status defaults to submitted");
        assertNull(o.comment(), "a blank comment is no comment");
        assertEquals("320113", o.region());
    }

    @Test
    void theReferenceCatalogKnowsUnitsLevelsStagesAndRanges() {
        IndicatorRef pct = REFERENCE.find("qb.class_size_compliance").orElseThrow();
        assertEquals("%", pct.unit());
        assertEquals(List.of("primary", "junior"), pct.stages());
        assertEquals(0, pct.maxValue().compareTo(BigDecimal.valueOf(100)));
        IndicatorRef ratio = REFERENCE.find("ce.pupil_teacher_ratio").orElseThrow();
        assertNull(ratio.maxValue());
        assertEquals(0, ratio.minValue().signum());
        assertEquals(List.of(), ratio.stages());
        assertEquals("region", REFERENCE.find("pre.gross_enrollment_rate").orElseThrow().level());
        assertEquals(0, REFERENCE.find("js.modernization_score").orElseThrow().maxValue().compareTo(BigDecimal.valueOf(100)));
        assertTrue(REFERENCE.find("no.such").isEmpty());
    }

    @Test
    void rejectsAnUnknownIndicator() {
        assertEquals(new FieldError("/indicator", "unknown_indicator", "'qb.nope' is not an indicator of the catalog"),
                only(row(with("indicator", "qb.nope"))));
        assertError(row(with("indicator", null)), "/indicator", "required");
    }

    @ParameterizedTest
    @CsvSource({ "32011, invalid_unit", "32011300011, invalid_unit", "32O113, invalid_unit", "'', required" })
    void rejectsAUnitThatIsNeitherRegionNorSchool(String unit, String code) {
        assertError(row(with("unit", unit)), "/unit", code);
    }

    @Test
    void unitMustFitTheIndicatorsLevel() {
        ObservationRules.Checked regionOnly = row(new ObservationDraft("pre.gross_enrollment_rate", SCHOOL, "320113", "2024",
                null, BigDecimal.TEN, null, null, null, null, null));
        assertEquals("level_mismatch", only(regionOnly).code());
        ObservationRules.Checked schoolOnly = row(new ObservationDraft("test.school_only", "320113", null, "2024", null,
                BigDecimal.TEN, null, null, null, null, null));
        assertEquals("level_mismatch", only(schoolOnly).code());
        assertTrue(row(new ObservationDraft("pre.gross_enrollment_rate", "320113", null, "2024", null, BigDecimal.TEN,
                null, null, null, null, null)).valid());
    }

    @Test
    void aSchoolNamesItsRegionAndARegionNoOther() {
        assertEquals(new FieldError("/region", "required", "a school's observation names the school's region"),
                only(row(with("region", null))));
        assertEquals("invalid_region", only(row(with("region", "3201"))).code());
        ObservationDraft region = new ObservationDraft("ce.pupil_teacher_ratio", "320113", "320100", "2024", null,
                BigDecimal.TEN, null, null, null, null, null);
        assertEquals("mismatch", only(row(region)).code());
        ObservationRules.Checked withoutRegion = row(new ObservationDraft("ce.pupil_teacher_ratio", "320113", null, "2024",
                null, BigDecimal.TEN, null, null, null, null, null));
        assertEquals("320113", withoutRegion.observation().region(), "a region is its own region");
    }

    @Test
    void rejectsAMalformedPeriodWithTheParsersMessage() {
        FieldError e = only(row(with("period", "2024Q5")));
        assertEquals("/period", e.pointer());
        assertEquals("invalid_period", e.code());
        assertTrue(e.message().contains("Q1 to Q4"), e.message());
    }

    @Test
    void aPerStageIndicatorNeedsOneOfItsStages() {
        assertError(row(with("stage", null)), "/stage", "required");
        assertError(row(with("stage", "senior")), "/stage", "stage_not_applicable");
        assertError(row(with("stage", "primry")), "/stage", "unknown_value");
    }

    @Test
    void aSingleStageIndicatorTakesItsStageByDefault() {
        ObservationRules.Checked checked = row(new ObservationDraft("pre.public_share", "320113", null, "2024", null,
                BigDecimal.TEN, null, null, null, null, null));
        assertEquals("kindergarten", checked.observation().key().stage());
    }

    @Test
    void anIndicatorWithoutStagesTakesAnyStageOrNone() {
        ObservationDraft none = new ObservationDraft("ce.pupil_teacher_ratio", SCHOOL, "320113", "2024Sep", null,
                new BigDecimal("16.2"), null, null, null, null, null);
        assertNull(row(none).observation().key().stage());
        ObservationDraft junior = new ObservationDraft("ce.pupil_teacher_ratio", SCHOOL, "320113", "2024Sep", "junior",
                new BigDecimal("12.1"), null, null, null, null, null);
        assertEquals("junior", row(junior).observation().key().stage());
    }

    @ParameterizedTest(name = "{0} {1} is out of range")
    @CsvSource({ "qb.class_size_compliance, 100.01", "qb.class_size_compliance, -0.5", "ce.pupil_teacher_ratio, -1",
            "js.modernization_score, 101", "cap.seats_added, -3" })
    void rejectsAValueOutsideTheIndicatorsRange(String indicator, BigDecimal value) {
        ObservationDraft d = new ObservationDraft(indicator, "320113", null, "2024", indicator.startsWith("qb") ? "primary" : null,
                value, null, null, null, null, null);
        FieldError e = only(row(d));
        assertEquals("/value", e.pointer());
        assertEquals("out_of_range", e.code());
    }

    @Test
    void acceptsTheBoundsOfTheRange() {
        assertTrue(row(noRatio(with("value", new BigDecimal("100")))).valid());
        assertTrue(row(noRatio(with("value", BigDecimal.ZERO))).valid());
        assertTrue(row(new ObservationDraft("cap.seats_added", "320113", null, "2024", null, new BigDecimal("11000"), null,
                null, null, null, null)).valid(), "counts have no upper bound");
    }

    @Test
    void valueMustBeNumeratorOverDenominatorTimes100ForPercentages() {
        // 35 / 40 × 100 = 87.5
        assertTrue(row(draft()).valid());
        assertTrue(row(with("value", new BigDecimal("88"))).valid(), "87.5 rounded to whole numbers");
        assertTrue(row(with("value", new BigDecimal("87.50"))).valid(), "trailing zeros do not count");
        FieldError e = only(row(with("value", new BigDecimal("87.6"))));
        assertEquals("/value", e.pointer());
        assertEquals("inconsistent_ratio", e.code());
        assertTrue(e.message().contains("87.5"), e.message());
    }

    @Test
    void roundingToleranceIsHalfAUnitOfTheValuesLastDecimal() {
        BigDecimal third = new BigDecimal("33.33333333333333333");
        assertTrue(ObservationRules.roundsTo(third, new BigDecimal("33")));
        assertTrue(ObservationRules.roundsTo(third, new BigDecimal("33.3")));
        assertTrue(ObservationRules.roundsTo(third, new BigDecimal("33.33")));
        assertTrue(ObservationRules.roundsTo(third, new BigDecimal("33.333333")));
        assertFalse(ObservationRules.roundsTo(third, new BigDecimal("33.4")));
        assertFalse(ObservationRules.roundsTo(third, new BigDecimal("33.34")));
        assertFalse(ObservationRules.roundsTo(third, new BigDecimal("34")));
        assertTrue(ObservationRules.roundsTo(new BigDecimal("2.5"), new BigDecimal("3")), "half rounds either way");
        assertTrue(ObservationRules.roundsTo(new BigDecimal("2.5"), new BigDecimal("2")));
    }

    @Test
    void per100IsTimes100AndOtherUnitsAreThePlainRatio() {
        ObservationDraft per100 = new ObservationDraft("qb.key_teachers_per100", SCHOOL, "320113", "2024Sep", "primary",
                new BigDecimal("2.35"), new BigDecimal("47"), new BigDecimal("2000"), null, null, null);
        assertTrue(row(per100).valid(), row(per100).errors().toString());
        ObservationDraft ratio = new ObservationDraft("ce.pupil_teacher_ratio", SCHOOL, "320113", "2024Sep", null,
                new BigDecimal("16.7"), new BigDecimal("1500"), new BigDecimal("90"), null, null, null);
        assertTrue(row(ratio).valid(), row(ratio).errors().toString());
        ObservationDraft ratioTimes100 = new ObservationDraft("ce.pupil_teacher_ratio", SCHOOL, "320113", "2024Sep", null,
                new BigDecimal("1666.7"), new BigDecimal("1500"), new BigDecimal("90"), null, null, null);
        assertEquals("inconsistent_ratio", only(row(ratioTimes100)).code());
    }

    @Test
    void numeratorAndDenominatorGoTogetherAndMakeSense() {
        assertEquals(new FieldError("/denominator", "required", "numerator and denominator go together"),
                only(row(with("denominator", null))));
        assertEquals("/numerator", only(row(with("numerator", null))).pointer());
        assertError(row(with("denominator", BigDecimal.ZERO)), "/denominator", "must_be_positive");
        assertError(row(with("numerator", new BigDecimal("-1"))), "/numerator", "out_of_range");
        assertTrue(row(noRatio(draft())).valid(), "both may be left out");
    }

    @Test
    void numbersHaveAtMost14DigitsBeforeAnd6AfterThePoint() {
        assertEquals("too_precise", only(row(noRatio(with("value", new BigDecimal("87.1234567"))))).code());
        assertTrue(row(noRatio(with("value", new BigDecimal("87.123456")))).valid());
        ObservationDraft huge = new ObservationDraft("cap.seats_added", "320113", null, "2024", null,
                new BigDecimal("123456789012345"), null, null, null, null, null);
        assertEquals("too_precise", only(row(huge)).code());
        assertEquals("too_precise", only(row(with("denominator", new BigDecimal("40.00000001")))).code());
    }

    @Test
    void valueIsRequired() {
        assertEquals(new FieldError("/value", "required", "the value is required"), only(row(noRatio(with("value", null)))));
    }

    @Test
    void statusIsOneOfThreeAndTextsAreBounded() {
        assertError(row(with("status", "published")), "/status", "unknown_value");
        assertTrue(row(with("status", "approved")).valid());
        assertError(row(with("source", "x".repeat(201))), "/source", "too_long");
        assertError(row(with("comment", "x".repeat(1001))), "/comment", "too_long");
    }

    @Test
    void reportsEveryProblemAtOnceAndStillNamesAValidKey() {
        ObservationDraft bad = new ObservationDraft("qb.class_size_compliance", SCHOOL, null, "2024Sep", "primary",
                new BigDecimal("120"), new BigDecimal("1"), null, "final", null, null);
        ObservationRules.Checked checked = row(bad);
        assertEquals(List.of("/region", "/value", "/denominator", "/status"),
                checked.errors().stream().map(FieldError::pointer).toList());
        assertNotNull(checked.key(), "the key is valid, so duplicates can be told");
        assertNull(checked.observation());
        assertNull(row(with("period", "2024X")).key());
    }

    @Test
    void keyFieldsOfAPutArePathAndQueryParameters() {
        ObservationRules.Checked checked = ObservationRules.check(noStage(with("period", "24")), CATALOG, true);
        assertEquals(List.of("period", "stage"), checked.errors().stream().map(FieldError::pointer).toList());
    }

    @Test
    void journalKeyIsTheObservationsPath() {
        assertEquals("qb.class_size_compliance/3201130001/2024Sep?stage=primary", row(draft()).observation().key().journalKey());
        assertEquals("cap.seats_added/320113/2024", new ObservationKey("cap.seats_added", "320113", Period.year(2024), null)
                .journalKey());
    }
}
