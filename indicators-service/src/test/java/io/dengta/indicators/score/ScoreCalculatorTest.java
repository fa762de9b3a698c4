package io.dengta.indicators.score;

import static io.dengta.indicators.score.ScoreCalculator.rounded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.dengta.indicators.score.ScoreCalculator.Band;
import io.dengta.indicators.score.ScoreCalculator.Outcome;
import io.dengta.indicators.score.ScoreCalculator.Status;
import io.dengta.indicators.score.ScoreCalculator.Target;
import io.dengta.indicators.score.ScoreCalculator.Total;
import io.dengta.indicators.score.ScoreCalculator.Weighted;

/** Hand-computed fixtures for each scoring rule, both directions, coverage and the edge cases. */
class ScoreCalculatorTest {

    private static final String HIGHER = "higher-better";
    private static final String LOWER = "lower-better";

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static void assertNumber(String expected, BigDecimal actual, int decimals) {
        assertEquals(d(expected).stripTrailingZeros(), rounded(actual, decimals).stripTrailingZeros());
    }

    private static Outcome ratio(String direction, String weight, String value, String target) {
        return ScoreCalculator.score("ratio", direction, d(weight), d(value),
                ScoreCalculator.frameworkTarget(d(target), direction), null);
    }

    @Test
    void ratioOfAHigherBetterIndicatorIsActualOverTarget() {
        // 97 / 99 = 0.979797…; 6 × 0.979797… = 5.878787…
        Outcome o = ratio(HIGHER, "6", "97", "99");
        assertEquals(Status.SCORED, o.status());
        assertNumber("0.9798", o.achievement(), 4);
        assertNumber("5.8788", o.pointsEarned(), 4);
        assertNumber("0.1212", o.pointsLost(), 4);
    }

    @Test
    void ratioNeverExceedsFullWeightAboveTheTarget() {
        Outcome o = ratio(HIGHER, "2", "98.6", "98");
        assertNumber("1", o.achievement(), 4);
        assertNumber("2", o.pointsEarned(), 4);
        assertNumber("0", o.pointsLost(), 4);
    }

    @Test
    void ratioOfALowerBetterIndicatorIsTargetOverActual() {
        // pupil-teacher ratio 16.4 against 15: 15 / 16.4 = 0.914634…; 10 × that = 9.14634…
        Outcome o = ratio(LOWER, "10", "16.4", "15");
        assertNumber("0.9146", o.achievement(), 4);
        assertNumber("9.1463", o.pointsEarned(), 4);
        assertNumber("0.8537", o.pointsLost(), 4);
        assertNumber("1", ratio(LOWER, "10", "12", "15").achievement(), 4);
    }

    @Test
    void lowerBetterActualOfZeroAchievesFullyWithoutDividingByZero() {
        Outcome o = ratio(LOWER, "5", "0", "3");
        assertEquals(Status.SCORED, o.status());
        assertNumber("1", o.achievement(), 4);
        assertNumber("5", o.pointsEarned(), 4);
    }

    @Test
    void targetOfZeroIsFullForHigherBetterAndOnlyZeroMeetsItForLowerBetter() {
        Target zeroStandard = new Target(">=", d("0"), null, "standard");
        assertNumber("1", ScoreCalculator.score("ratio", HIGHER, d("4"), d("7"), zeroStandard, null).achievement(), 4);
        Target noneAllowed = new Target("<=", d("0"), null, "standard");
        assertNumber("0", ScoreCalculator.score("ratio", LOWER, d("4"), d("0.5"), noneAllowed, null).achievement(), 4);
        assertNumber("1", ScoreCalculator.score("ratio", LOWER, d("4"), d("0"), noneAllowed, null).achievement(), 4);
    }

    @Test
    void ratioAgainstABetweenStandardUsesItsLowEndForHigherBetterAndHighEndForLowerBetter() {
        Target between = new Target("between", d("80"), d("90"), "standard");
        // 72 / 80 = 0.9
        assertNumber("0.9", ScoreCalculator.score("ratio", HIGHER, d("10"), d("72"), between, null).achievement(), 4);
        // 90 / 100 = 0.9
        assertNumber("0.9", ScoreCalculator.score("ratio", LOWER, d("10"), d("100"), between, null).achievement(), 4);
    }

    @Test
    void thresholdGivesFullWeightWhenTheComparatorHoldsBoundaryIncluded() {
        Target standard = new Target(">=", d("95"), null, "standard");
        Outcome met = ScoreCalculator.score("threshold", HIGHER, d("7"), d("95"), standard, null);
        assertNumber("1", met.achievement(), 4);
        assertNumber("7", met.pointsEarned(), 4);
        Outcome missed = ScoreCalculator.score("threshold", HIGHER, d("7"), d("94.9"), standard, null);
        assertNumber("0", missed.achievement(), 4);
        assertNumber("0", missed.pointsEarned(), 4);
        assertNumber("7", missed.pointsLost(), 4);
    }

    @Test
    void thresholdOnAFrameworkTargetReadsTheDirection() {
        Target lowerTarget = ScoreCalculator.frameworkTarget(d("5"), LOWER);
        assertEquals("<=", lowerTarget.comparator());
        assertNumber("1", ScoreCalculator.score("threshold", LOWER, d("3"), d("5"), lowerTarget, null).achievement(), 4);
        assertNumber("0", ScoreCalculator.score("threshold", LOWER, d("3"), d("5.1"), lowerTarget, null).achievement(), 4);
        Target higherTarget = ScoreCalculator.frameworkTarget(d("5"), HIGHER);
        assertNumber("0", ScoreCalculator.score("threshold", HIGHER, d("3"), d("4.9"), higherTarget, null).achievement(), 4);
    }

    @Test
    void thresholdHonoursEqualAndBetweenStandards() {
        Target equal = new Target("=", d("100"), null, "standard");
        assertNumber("1", ScoreCalculator.score("threshold", HIGHER, d("1"), d("100.0"), equal, null).achievement(), 4);
        assertNumber("0", ScoreCalculator.score("threshold", HIGHER, d("1"), d("99.99"), equal, null).achievement(), 4);
        Target between = new Target("between", d("0.9"), d("1.1"), "standard");
        assertNumber("1", ScoreCalculator.score("threshold", "band", d("1"), d("1.1"), between, null).achievement(), 4);
        assertNumber("0", ScoreCalculator.score("threshold", "band", d("1"), d("1.11"), between, null).achievement(), 4);
    }

    @Test
    void bandIsFullInsideAndFallsLinearlyToZeroAtTheZeroDistance() {
        Band band = new Band(d("0.9"), d("1.1"), d("0.5"));
        assertNumber("1", ScoreCalculator.score("band", "band", d("5"), d("1.0"), null, band).achievement(), 4);
        assertNumber("1", ScoreCalculator.score("band", "band", d("5"), d("0.9"), null, band).achievement(), 4);
        // 0.2 below: 1 − 0.2 / 0.5 = 0.6 → 3 points of 5
        Outcome below = ScoreCalculator.score("band", "band", d("5"), d("0.7"), null, band);
        assertNumber("0.6", below.achievement(), 4);
        assertNumber("3", below.pointsEarned(), 4);
        assertNumber("2", below.pointsLost(), 4);
        // 0.25 above: 1 − 0.25 / 0.5 = 0.5
        assertNumber("0.5", ScoreCalculator.score("band", "band", d("5"), d("1.35"), null, band).achievement(), 4);
        // exactly at and beyond the zero distance
        assertNumber("0", ScoreCalculator.score("band", "band", d("5"), d("0.4"), null, band).achievement(), 4);
        assertNumber("0", ScoreCalculator.score("band", "band", d("5"), d("1.7"), null, band).achievement(), 4);
    }

    @Test
    void missingValueOrTargetIsNotScoredAndNotZero() {
        Outcome noValue = ScoreCalculator.score("ratio", HIGHER, d("6"), null,
                ScoreCalculator.frameworkTarget(d("99"), HIGHER), null);
        assertEquals(Status.NO_VALUE, noValue.status());
        assertNull(noValue.pointsEarned());
        Outcome noTarget = ScoreCalculator.score("threshold", HIGHER, d("6"), d("97"), null, null);
        assertEquals(Status.NO_TARGET, noTarget.status());
        assertNull(noTarget.achievement());
        assertEquals(Status.NO_TARGET, ScoreCalculator.score("ratio", HIGHER, d("6"), d("97"), null, null).status());
        assertEquals(Status.NO_TARGET, ScoreCalculator.score("band", "band", d("6"), d("1"), null, null).status());
    }

    @Test
    void scoreOnHalfTheWeightSaysSo() {
        // 80 / 100 on weight 50 earns 40; the other 50 has no value: 40 / 50 × 100 = 80 over covered weight 50
        Outcome scored = ratio(HIGHER, "50", "80", "100");
        Outcome missing = ScoreCalculator.score("ratio", HIGHER, d("50"), null,
                ScoreCalculator.frameworkTarget(d("100"), HIGHER), null);
        Total total = ScoreCalculator.total(List.of(new Weighted(d("50"), scored), new Weighted(d("50"), missing)));
        assertNumber("80", total.score(), 2);
        assertNumber("50", total.coveredWeight(), 2);
        assertNumber("50", total.missingWeight(), 2);
        assertNumber("40", total.pointsEarned(), 4);
        assertNumber("10", total.pointsLost(), 4);
        assertFalse(total.complete());
    }

    @Test
    void frameworkScoreAddsPointsOverTheScoredWeights() {
        // 2 × 97/98 = 1.979592 (ratio) + 0 of 48 (threshold missed) + 50 × 0.6 = 30 (band): 31.979592 / 100
        Outcome a = ratio(HIGHER, "2", "97", "98");
        Outcome b = ScoreCalculator.score("threshold", HIGHER, d("48"), d("98"),
                new Target(">=", d("99"), null, "standard"), null);
        Outcome c = ScoreCalculator.score("band", "band", d("50"), d("0.7"), null, new Band(d("0.9"), d("1.1"), d("0.5")));
        Total total = ScoreCalculator.total(List.of(new Weighted(d("2"), a), new Weighted(d("48"), b),
                new Weighted(d("50"), c)));
        assertNumber("31.98", total.score(), 2);
        assertNumber("100", total.coveredWeight(), 2);
        assertTrue(total.complete());
        assertNumber("68.0204", total.pointsLost(), 4);
    }

    @Test
    void nothingScoredHasNoScore() {
        Outcome missing = ScoreCalculator.score("ratio", HIGHER, d("100"), null, null, null);
        Total total = ScoreCalculator.total(List.of(new Weighted(d("100"), missing)));
        assertNull(total.score());
        assertNumber("0", total.coveredWeight(), 2);
        assertNumber("100", total.missingWeight(), 2);
    }

    @Test
    void stageChoiceReadsTheStageAskedForOnlyWhereItApplies() {
        assertEquals(List.of(""), StageChoice.of(List.of(), null).storedStages());
        assertEquals(List.of("primary", ""), StageChoice.of(List.of(), "primary").storedStages());
        assertEquals(List.of("kindergarten"), StageChoice.of(List.of("kindergarten"), "primary").storedStages());
        assertEquals(List.of("junior"), StageChoice.of(List.of("primary", "junior"), "junior").storedStages());
        assertTrue(StageChoice.of(List.of("primary", "junior"), null).stageRequired());
        assertTrue(StageChoice.of(List.of("primary", "junior"), "senior").stageRequired());
    }

    @Test
    void aLeafPinnedToAStageReadsThatStageWhateverStageIsAsked() {
        List<String> compulsory = List.of("primary", "junior");
        assertEquals(new StageChoice(List.of("junior"), "junior"), StageChoice.of(compulsory, "junior", null));
        assertEquals(new StageChoice(List.of("junior"), "junior"), StageChoice.of(compulsory, "junior", "primary"));
        assertEquals(new StageChoice(List.of("junior"), "junior"), StageChoice.of(compulsory, "junior", "senior"));
        assertTrue(StageChoice.of(compulsory, null, null).stageRequired(), "unpinned: the request must name a stage");
        assertEquals(List.of("primary"), StageChoice.of(compulsory, null, "primary").storedStages());
    }
}
