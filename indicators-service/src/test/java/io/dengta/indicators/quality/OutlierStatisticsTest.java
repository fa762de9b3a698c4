package io.dengta.indicators.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class OutlierStatisticsTest {

    static final List<Double> HISTORY = List.of(10.0, 12.0, 11.0, 13.0, 9.0);

    @Test
    void zScoreUsesTheMeanAndSampleStandardDeviationOfTheReference() {
        // mean 11; squared deviations 1, 1, 0, 4, 4 → s = √(10 ÷ 4) = 1.5811; (20 − 11) ÷ 1.5811 = 5.6921
        assertEquals(11.0, OutlierStatistics.mean(HISTORY), 1e-12);
        assertEquals(1.5811, OutlierStatistics.sampleStandardDeviation(HISTORY), 0.00005);
        assertEquals(5.6921, OutlierStatistics.zScore(20, HISTORY), 0.00005);
        assertEquals(-1.2649, OutlierStatistics.zScore(9, HISTORY), 0.00005);
    }

    @Test
    void modifiedZScoreIsPointSixSevenFourFiveTimesTheDistanceFromTheMedianOverMad() {
        // median 11; |deviations| 1, 1, 0, 2, 2 → MAD 1; 0.6745 × (20 − 11) ÷ 1 = 6.0705
        assertEquals(11.0, OutlierStatistics.median(HISTORY));
        assertEquals(1.0, OutlierStatistics.mad(HISTORY));
        assertEquals(6.0705, OutlierStatistics.modifiedZScore(20, HISTORY), 0.00005);
        // an even count takes the middle two: median of 1, 2, 3, 4 is 2.5, |deviations| 1.5, 0.5, 0.5, 1.5 → MAD 1
        assertEquals(2.5, OutlierStatistics.median(List.of(4.0, 1.0, 3.0, 2.0)));
        assertEquals(1.0, OutlierStatistics.mad(List.of(4.0, 1.0, 3.0, 2.0)));
    }

    @Test
    void oneWildValueInTheReferenceHidesAnotherFromTheZScoreButNotFromTheModifiedZScore() {
        List<Double> withSpike = List.of(10.0, 12.0, 11.0, 13.0, 9.0, 100.0);
        // the spike inflates s to 36.36 (mean 25.83): z of 60 is only 0.94; median 11.5 and MAD 1.5 keep 60 at 21.8
        assertEquals(0.9396, OutlierStatistics.zScore(60, withSpike), 0.00005);
        assertEquals(21.8088, OutlierStatistics.modifiedZScore(60, withSpike), 0.00005);
    }

    @Test
    void yearOverYearChangeIsAShareOfThePreviousValue() {
        assertEquals(0.6667, OutlierStatistics.yearOverYearChange(200, 120), 0.00005);
        assertEquals(-0.25, OutlierStatistics.yearOverYearChange(90, 120), 1e-12);
        assertNull(OutlierStatistics.yearOverYearChange(5, 0));
    }

    @Test
    void undefinedScoresAreNull() {
        assertNull(OutlierStatistics.zScore(5, List.of(3.0)));
        assertNull(OutlierStatistics.zScore(5, List.of(3.0, 3.0, 3.0)));
        assertNull(OutlierStatistics.modifiedZScore(5, List.of()));
        assertNull(OutlierStatistics.modifiedZScore(5, List.of(3.0, 3.0, 3.0, 4.0)));
    }
}
