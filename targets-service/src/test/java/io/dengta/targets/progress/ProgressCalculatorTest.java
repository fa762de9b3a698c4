package io.dengta.targets.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.dengta.commons.period.Period;
import io.dengta.targets.progress.ProgressInput.Kind;
import io.dengta.targets.progress.ProgressInput.Waypoint;
import io.dengta.targets.progress.ProgressResult.TrajectoryPoint;

class ProgressCalculatorTest {

    private static final LocalDate MID_2024 = LocalDate.of(2024, 6, 1);
    /** ≥ 100 by 2025, from 0 in 2020: 60 months; a 2023 value is 36 months along, expected 60. */
    private static final ProgressInput RISE = ProgressInput.indicator(TargetComparator.AT_LEAST, n("100"), n("0"),
            Period.parse("2020"), Period.parse("2025"));
    /** ≤ 10 by 2025, from 20 in 2020 (lower is better): a 2023 value is expected at 14. */
    private static final ProgressInput FALL = ProgressInput.indicator(TargetComparator.AT_MOST, n("10"), n("20"),
            Period.parse("2020"), Period.parse("2025"));

    // --- trajectory and progress ---

    @Test
    void expectedValueLiesOnTheStraightLineFromBaselineToTarget() {
        ProgressResult r = compute(RISE, MID_2024, actual("2023", "60"));
        assertEquals(n("60"), r.expected());
        assertEquals(n("0.6"), r.expectedShare());
        assertEquals(n("0.6"), r.progressShare());
        assertEquals(TargetStatus.ON_TRACK, r.status());
        assertEquals(List.of(point("2020", "0"), point("2025", "100")), r.trajectory());
        assertEquals(point("2020", "0"), r.start());
    }

    @Test
    void expectedNowFollowsTheTrajectoryToTheComputationDay() {
        // 2024-06-30 ends month 42 of 60 after the start: 70.
        assertEquals(n("70"), compute(RISE, LocalDate.of(2024, 6, 30)).expectedNow());
        assertEquals(n("100"), compute(RISE, LocalDate.of(2030, 1, 1)).expectedNow());
        assertEquals(n("0"), compute(RISE, LocalDate.of(2019, 1, 1)).expectedNow());
    }

    @Test
    void progressShareGoesAboveOneAndBelowZero() {
        assertEquals(n("-0.1"), compute(RISE, MID_2024, actual("2023", "-10")).progressShare());
        assertEquals(n("0.25"), compute(FALL, MID_2024, actual("2023", "17.5")).progressShare());
    }

    @Test
    void periodsOfOtherTypesArePlacedByTheMonthTheyEnd() {
        // 2023Sep ends in August 2024: 44 of 60 months.
        ProgressResult r = compute(RISE, LocalDate.of(2024, 10, 1), actual("2023Sep", "80"));
        assertEquals(n("0.7333"), r.expectedShare());
        assertEquals(TargetStatus.ON_TRACK, r.status());
    }

    // --- status boundaries, higher is better ---

    @ParameterizedTest(name = "{0} in 2023 on the way to 100 (expected 60) is {1}")
    @CsvSource({
            "100,    achieved",
            "120,    achieved",
            "99.99,  on-track",
            "60.01,  on-track",
            "60,     on-track",
            "59.99,  at-risk",
            "48.01,  at-risk",
            "48,     at-risk",
            "47.99,  off-track",
            "0,      off-track",
            "-5,     off-track" })
    void statusBoundariesForAHigherIsBetterTarget(String value, String status) {
        assertEquals(TargetStatus.fromCode(status), compute(RISE, MID_2024, actual("2023", value)).status());
    }

    @ParameterizedTest(name = "{0} in 2023 on the way down to 10 (expected 14) is {1}")
    @CsvSource({
            "10,     achieved",
            "9,      achieved",
            "10.01,  on-track",
            "14,     on-track",
            "14.01,  at-risk",
            "15.2,   at-risk",
            "15.21,  off-track",
            "20,     off-track",
            "21,     off-track" })
    void statusBoundariesForALowerIsBetterTarget(String value, String status) {
        assertEquals(TargetStatus.fromCode(status), compute(FALL, MID_2024, actual("2023", value)).status());
    }

    @Test
    void atRiskAndOffTrackReasonsNameTheExpectedValue() {
        ProgressResult atRisk = compute(RISE, MID_2024, actual("2023", "50"));
        assertEquals("50 (2023) is behind the trajectory's 60 (progress 0.5 < expected 0.6, but at least 80% of it)",
                atRisk.reason());
        ProgressResult offTrack = compute(RISE, MID_2024, actual("2023", "30"));
        assertEquals("30 (2023) is behind the trajectory's 60 (progress 0.3 < 80% of expected 0.6)", offTrack.reason());
    }

    // --- the deadline ---

    @Test
    void onTheLastDayOfTheDeadlineATargetNotMetIsNotYetOverdue() {
        ProgressResult r = compute(RISE, LocalDate.of(2025, 12, 31), actual("2025", "90"));
        assertFalse(r.deadlinePassed());
        assertEquals(n("1"), r.expectedShare());
        assertEquals(TargetStatus.AT_RISK, r.status());
        assertEquals(TargetStatus.OFF_TRACK, compute(RISE, LocalDate.of(2025, 12, 31), actual("2025", "79.99")).status());
    }

    @Test
    void theDayAfterTheDeadlineATargetNotMetIsOverdue() {
        ProgressResult r = compute(RISE, LocalDate.of(2026, 1, 1), actual("2025", "99.9"));
        assertTrue(r.deadlinePassed());
        assertEquals(TargetStatus.OVERDUE, r.status());
        assertEquals("99.9 (2025) does not meet the target >= 100 and the deadline 2025 has passed", r.reason());
    }

    @Test
    void aTargetMetStaysAchievedAfterTheDeadline() {
        assertEquals(TargetStatus.ACHIEVED, compute(RISE, LocalDate.of(2027, 3, 1), actual("2025", "100")).status());
    }

    @Test
    void aValueReachedAfterTheDeadlineCountsAsAchieved() {
        assertEquals(TargetStatus.ACHIEVED, compute(RISE, LocalDate.of(2027, 3, 1), actual("2025", "90"),
                actual("2026", "101")).status());
    }

    // --- no data ---

    @Test
    void withoutActualsTheStatusIsNoDataAlsoAfterTheDeadline() {
        ProgressResult before = compute(RISE, MID_2024);
        assertEquals(TargetStatus.NO_DATA, before.status());
        assertNull(before.latest());
        assertNull(before.freshness());
        ProgressResult after = compute(RISE, LocalDate.of(2026, 2, 1));
        assertEquals(TargetStatus.NO_DATA, after.status());
        assertEquals("no actual value since 2020; the deadline 2025 has passed", after.reason());
    }

    @Test
    void actualsOfPeriodsThatHaveNotStartedOnTheDayAreNotCounted() {
        ProgressResult r = compute(RISE, LocalDate.of(2023, 12, 31), actual("2023", "60"), actual("2024", "100"));
        assertEquals("2023", r.latest().period().code());
        assertEquals(TargetStatus.ON_TRACK, r.status());
    }

    @Test
    void actualsOfPeriodsBeforeTheBaselineAreIgnored() {
        assertEquals(TargetStatus.NO_DATA, compute(RISE, MID_2024, actual("2019", "100")).status());
    }

    @Test
    void theLatestActualDecidesWhateverTheOrderGiven() {
        ProgressResult r = compute(RISE, MID_2024, actual("2023", "20"), actual("2021", "90"));
        assertEquals("2023", r.latest().period().code());
        assertEquals(TargetStatus.OFF_TRACK, r.status());
    }

    // --- bands, equality, changes, counts ---

    @Test
    void aBandTargetIsAchievedInsideTheBandAndAimsAtTheNearestEdge() {
        // 45–55 by 2025 from 70 in 2020: the line heads for 55; in 2023 it expects 61.
        ProgressInput band = ProgressInput.band(n("45"), n("55"), n("70"), Period.parse("2020"), Period.parse("2025"));
        ProgressResult r = compute(band, MID_2024, actual("2023", "61"));
        assertEquals(n("61"), r.expected());
        assertEquals(n("55"), r.targetValue());
        assertEquals(TargetStatus.ON_TRACK, r.status());
        assertEquals(TargetStatus.ACHIEVED, compute(band, MID_2024, actual("2023", "55")).status());
        assertEquals(TargetStatus.ACHIEVED, compute(band, MID_2024, actual("2023", "45")).status());
        assertEquals(TargetStatus.AT_RISK, compute(band, MID_2024, actual("2023", "62.8")).status());
        assertEquals(TargetStatus.OFF_TRACK, compute(band, MID_2024, actual("2023", "62.81")).status());
        assertTrue(compute(band, LocalDate.of(2026, 1, 1), actual("2025", "60")).reason().contains("target between 45 and 55"));
    }

    @Test
    void aBandTargetStartingInsideTheBandIsOffTrackWhenItLeavesIt() {
        ProgressInput band = ProgressInput.band(n("45"), n("55"), n("50"), Period.parse("2020"), Period.parse("2025"));
        assertEquals(TargetStatus.ACHIEVED, compute(band, MID_2024, actual("2023", "54")).status());
        ProgressResult out = compute(band, MID_2024, actual("2023", "56"));
        assertEquals(TargetStatus.OFF_TRACK, out.status());
        assertNull(out.progressShare());
    }

    @Test
    void anEqualityTargetIsAchievedOnlyAtTheValue() {
        ProgressInput oneToOne = ProgressInput.indicator(TargetComparator.EQUAL, n("1"), n("0.8"), Period.parse("2020"),
                Period.parse("2025"));
        assertEquals(TargetStatus.ACHIEVED, compute(oneToOne, MID_2024, actual("2023", "1.00")).status());
        assertEquals(TargetStatus.ON_TRACK, compute(oneToOne, MID_2024, actual("2023", "0.95")).status());
        assertEquals(TargetStatus.OVERDUE, compute(oneToOne, LocalDate.of(2026, 1, 1), actual("2025", "1.01")).status());
    }

    @Test
    void aChangeTargetIsMeasuredFromItsBaseline() {
        // Seed 004: myopia rate down at least 0.5 points in 2023 from 52.0 in 2022.
        ProgressInput myopia = new ProgressInput(Kind.CHANGE, TargetComparator.AT_MOST, n("-0.5"), null, null, n("52.0"),
                Period.parse("2022"), Period.parse("2023"), List.of());
        ProgressResult met = compute(myopia, LocalDate.of(2024, 2, 1), actual("2023", "51.4"));
        assertEquals(TargetStatus.ACHIEVED, met.status());
        assertEquals(n("51.5"), met.targetValue());
        ProgressResult late = compute(myopia, LocalDate.of(2023, 12, 31), actual("2023", "51.8"));
        assertEquals(n("0.4"), late.progressShare());
        assertEquals(TargetStatus.OFF_TRACK, late.status());
        assertEquals(TargetStatus.OVERDUE, compute(myopia, LocalDate.of(2024, 1, 1), actual("2023", "51.8")).status());
    }

    @Test
    void aChangeBandTargetIsMetInsideTheShiftedBand() {
        // "down 0.5–1 points" from 52: 51 to 51.5.
        ProgressInput myopia = new ProgressInput(Kind.CHANGE, TargetComparator.BETWEEN, null, n("-1"), n("-0.5"),
                n("52"), Period.parse("2022"), Period.parse("2023"), List.of());
        ProgressResult r = compute(myopia, LocalDate.of(2024, 2, 1), actual("2023", "51.2"));
        assertEquals(TargetStatus.ACHIEVED, r.status());
        assertEquals(n("51"), r.targetLow());
        assertEquals(n("51.5"), r.targetHigh());
    }

    @Test
    void aCountTargetRisesFromZeroLikeAnyOther() {
        // Seed 003: 11,000 seats added by projects in use by the end of 2024; half a year in, 5,500 is on track.
        ProgressInput seats = new ProgressInput(Kind.COUNT, TargetComparator.AT_LEAST, n("11000"), null, null, n("0"),
                Period.parse("2023"), Period.parse("2024"), List.of());
        ProgressResult r = compute(seats, LocalDate.of(2024, 7, 15), actual("2024S1", "5500"));
        assertEquals(n("0.5"), r.expectedShare());
        assertEquals(TargetStatus.ON_TRACK, r.status());
        assertEquals(TargetStatus.AT_RISK, compute(seats, LocalDate.of(2024, 7, 15), actual("2024S1", "4400")).status());
        assertEquals(TargetStatus.OFF_TRACK, compute(seats, LocalDate.of(2024, 7, 15), actual("2024S1", "4399")).status());
    }

    // --- yearly milestones and missing baselines ---

    @Test
    void yearlyMilestonesBendTheTrajectory() {
        ProgressInput stepped = RISE.withMilestones(List.of(new Waypoint(Period.parse("2021"), n("50"))));
        ProgressResult r = compute(stepped, MID_2024, actual("2023", "60"));
        assertEquals(List.of(point("2020", "0"), point("2021", "50"), point("2025", "100")), r.trajectory());
        assertEquals(n("75"), r.expected());
        assertEquals(TargetStatus.AT_RISK, r.status());
        assertEquals(TargetStatus.OFF_TRACK, compute(stepped, MID_2024, actual("2023", "59.99")).status());
    }

    @Test
    void withoutABaselineTheEarliestActualIsTheStart() {
        ProgressInput noBaseline = ProgressInput.indicator(TargetComparator.AT_LEAST, n("50"), null, null, Period.parse("2025"));
        ProgressResult r = compute(noBaseline, MID_2024, actual("2021", "10"), actual("2023", "30"));
        assertEquals(point("2021", "10"), r.start());
        assertEquals(n("30"), r.expected());
        assertEquals(TargetStatus.ON_TRACK, r.status());
        ProgressResult nothing = compute(noBaseline, MID_2024);
        assertEquals(TargetStatus.NO_DATA, nothing.status());
        assertEquals("no baseline and no actual value yet", nothing.reason());
    }

    // --- milestone targets ---

    @Test
    void aMilestoneIsAchievedWhenReportedDone() {
        ProgressInput centre = ProgressInput.milestone(Period.parse("2024"));
        assertEquals(TargetStatus.NO_DATA, compute(centre, MID_2024).status());
        assertEquals(TargetStatus.ON_TRACK, compute(centre, MID_2024, done("2024Q1", false)).status());
        ProgressResult achieved = compute(centre, MID_2024, done("2024Q1", false), done("2024Q2", true));
        assertEquals(TargetStatus.ACHIEVED, achieved.status());
        assertEquals("done in 2024Q2", achieved.reason());
    }

    @Test
    void aMilestoneNotDoneByItsDeadlineIsOverdueAndDoneLateIsAchievedLate() {
        ProgressInput centre = ProgressInput.milestone(Period.parse("2024"));
        assertEquals(TargetStatus.ON_TRACK, compute(centre, LocalDate.of(2024, 12, 31), done("2024Q1", false)).status());
        assertEquals(TargetStatus.OVERDUE, compute(centre, LocalDate.of(2025, 1, 1)).status());
        assertEquals(TargetStatus.OVERDUE, compute(centre, LocalDate.of(2025, 1, 1), done("2024Q1", false)).status());
        ProgressResult late = compute(centre, LocalDate.of(2025, 6, 1), done("2025Q1", true));
        assertEquals(TargetStatus.ACHIEVED, late.status());
        assertEquals("done in 2025Q1, after the deadline 2024", late.reason());
    }

    // --- forecasts ---

    @Test
    void withNoPointThereIsNoForecast() {
        ProgressInput noBaseline = ProgressInput.indicator(TargetComparator.AT_LEAST, n("50"), null, null, Period.parse("2025"));
        Forecast f = compute(noBaseline, MID_2024).forecast();
        assertEquals("none", f.method());
        assertEquals(0, f.points());
        assertNull(f.value());
        assertNull(f.meetsTarget());
    }

    @Test
    void withOnePointTheForecastIsThatValue() {
        ProgressInput noBaseline = ProgressInput.indicator(TargetComparator.AT_LEAST, n("50"), null, null, Period.parse("2025"));
        Forecast f = compute(noBaseline, MID_2024, actual("2022", "42")).forecast();
        assertEquals("last-value", f.method());
        assertEquals(1, f.points());
        assertEquals(n("42"), f.value());
        assertFalse(f.meetsTarget());
        Forecast baselineOnly = compute(RISE, MID_2024).forecast();
        assertEquals(1, baselineOnly.points());
        assertEquals(n("0"), baselineOnly.value());
    }

    @Test
    void withPointsOnALineTheForecastContinuesIt() {
        Forecast f = compute(RISE, MID_2024, actual("2021", "20"), actual("2022", "40")).forecast();
        assertEquals("linear-trend", f.method());
        assertEquals(3, f.points());
        assertEquals(n("100"), f.value());
        assertEquals(n("20"), f.slopePerYear());
        assertTrue(f.meetsTarget());
    }

    @Test
    void withScatteredPointsTheForecastIsTheLeastSquaresLine() {
        // x (months from 2020's end) 0, 12, 24, 36; y 0, 10, 40, 30: slope 1 a month through (18, 20); at 60: 62.
        Forecast f = compute(RISE, MID_2024, actual("2021", "10"), actual("2022", "40"), actual("2023", "30")).forecast();
        assertEquals(4, f.points());
        assertEquals(n("62"), f.value());
        assertEquals(n("12"), f.slopePerYear());
        assertFalse(f.meetsTarget());
    }

    @Test
    void aLaterValueForTheBaselinePeriodReplacesTheBaselineInTheForecast() {
        Forecast f = compute(RISE, MID_2024, actual("2020", "10"), actual("2021", "30")).forecast();
        assertEquals(2, f.points());
        assertEquals(n("110"), f.value());
    }

    @Test
    void aLowerIsBetterForecastMeetsTheTargetGoingDown() {
        Forecast f = compute(FALL, MID_2024, actual("2021", "18"), actual("2022", "16")).forecast();
        assertEquals(n("10"), f.value());
        assertTrue(f.meetsTarget());
    }

    // --- freshness ---

    @Test
    void freshnessCountsThePeriodsSinceTheLatestActual() {
        OffsetDateTime loaded = OffsetDateTime.of(2024, 3, 1, 8, 0, 0, 0, ZoneOffset.UTC);
        Actual a2023 = Actual.of(Period.parse("2023"), n("60"), loaded, "indicators");
        Freshness current = ProgressCalculator.freshness(a2023, LocalDate.of(2024, 6, 1));
        assertEquals("current", current.state());
        assertEquals("2023", current.lastCompletePeriod());
        assertEquals(0, current.periodsBehind());
        assertEquals(92, current.ageDays());
        Freshness due = ProgressCalculator.freshness(a2023, LocalDate.of(2024, 12, 31));
        assertEquals("due", due.state());
        assertEquals("2024", due.lastCompletePeriod());
        Freshness outdated = ProgressCalculator.freshness(a2023, LocalDate.of(2026, 2, 1));
        assertEquals("outdated", outdated.state());
        assertEquals(2, outdated.periodsBehind());
    }

    @Test
    void anActualForTheCurrentPeriodIsCurrent() {
        Actual month = Actual.of(Period.parse("202406"), n("1"), null, "progress-report");
        Freshness f = ProgressCalculator.freshness(month, LocalDate.of(2024, 6, 10));
        assertEquals("current", f.state());
        assertNull(f.ageDays());
    }

    // --- inputs ---

    @Test
    void rejectsInconsistentInputs() {
        Period y = Period.parse("2025");
        assertThrows(IllegalArgumentException.class, () -> ProgressInput.band(n("5"), n("4"), null, null, y));
        assertThrows(IllegalArgumentException.class, () -> ProgressInput.indicator(TargetComparator.AT_LEAST, null, null, null, y));
        assertThrows(IllegalArgumentException.class, () -> new ProgressInput(Kind.CHANGE, TargetComparator.AT_MOST,
                n("-1"), null, null, null, null, y, null));
        assertThrows(IllegalArgumentException.class, () -> ProgressInput.indicator(TargetComparator.AT_LEAST, n("1"),
                n("0"), null, y));
    }

    private static ProgressResult compute(ProgressInput in, LocalDate asOf, Actual... actuals) {
        return ProgressCalculator.compute(in, Arrays.asList(actuals), asOf);
    }

    private static Actual actual(String period, String value) {
        return Actual.of(Period.parse(period), n(value), null, "indicators");
    }

    private static Actual done(String period, boolean done) {
        return Actual.done(Period.parse(period), done, null, "progress-report");
    }

    private static TrajectoryPoint point(String period, String value) {
        return new TrajectoryPoint(period, n(value));
    }

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }
}
