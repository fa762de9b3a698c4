package io.dengta.indicators.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dengta.indicators.benchmark.GapCalculator.Comparison;
import io.dengta.indicators.benchmark.GapCalculator.Peer;

/** Hand-computed gaps for the seed-000 group: Qixia (owner), Longgang (lighthouse), Xinwu and Taicang (catch-up). */
class GapCalculatorTest {

    private static final String QIXIA = "320113";
    private static final String LONGGANG = "440307";
    private static final String XINWU = "320214";
    private static final String TAICANG = "320585";

    private static BigDecimal d(String v) {
        return v == null ? null : new BigDecimal(v);
    }

    private static List<Peer> peers(String longgang, String xinwu, String taicang) {
        return List.of(new Peer(LONGGANG, "lighthouse", d(longgang)), new Peer(XINWU, "catch-up", d(xinwu)),
                new Peer(TAICANG, "catch-up", d(taicang)));
    }

    private static void assertNumber(String expected, BigDecimal actual) {
        assertEquals(0, d(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }

    @Test
    void higherBetterGapIsPeerMinusOwnerSoBehindIsPositive() {
        Comparison c = GapCalculator.compare("higher-better", null, null, QIXIA, d("96"), peers("99", "97.5", "95"));
        assertNumber("3", c.gaps().get(LONGGANG));
        assertNumber("1.5", c.gaps().get(XINWU));
        assertNumber("-1", c.gaps().get(TAICANG));
        assertEquals(LONGGANG, c.best().region());
        assertNumber("3", c.best().gap());
        assertEquals("lighthouse", c.byRole().get(0).role());
        assertNumber("3", c.byRole().get(0).gap());
        assertEquals("catch-up", c.byRole().get(1).role());
        assertEquals(XINWU, c.byRole().get(1).region());
        assertNumber("1.5", c.byRole().get(1).gap());
        assertEquals(Map.of(LONGGANG, 1, XINWU, 2, QIXIA, 3, TAICANG, 4), c.ranks());
        assertEquals(4, c.rankedOf());
    }

    @Test
    void lowerBetterGapIsOwnerMinusPeer() {
        // myopia rate: Qixia 52.3 against 48.0, 53.1 and 50.2
        Comparison c = GapCalculator.compare("lower-better", null, null, QIXIA, d("52.3"), peers("48.0", "53.1", "50.2"));
        assertNumber("4.3", c.gaps().get(LONGGANG));
        assertNumber("-0.8", c.gaps().get(XINWU));
        assertNumber("2.1", c.gaps().get(TAICANG));
        assertEquals(LONGGANG, c.best().region());
        assertNumber("4.3", c.best().gap());
        assertEquals(TAICANG, c.byRole().get(1).region());
        assertNumber("2.1", c.byRole().get(1).gap());
        assertEquals(3, c.rank(QIXIA));
        assertEquals(1, c.rank(LONGGANG));
        assertEquals(4, c.rank(XINWU));
    }

    @Test
    void ownerAheadOfEveryPeerHasANegativeGapToTheBest() {
        Comparison c = GapCalculator.compare("higher-better", null, null, QIXIA, d("100"), peers("99", "97.5", "95"));
        assertNumber("-1", c.best().gap());
        assertEquals(1, c.rank(QIXIA));
    }

    @Test
    void equalValuesShareARankAndTheNextRankSkips() {
        Comparison c = GapCalculator.compare("higher-better", null, null, QIXIA, d("98"), peers("98.0", "99", "98"));
        assertEquals(Map.of(XINWU, 1, QIXIA, 2, LONGGANG, 2, TAICANG, 2), c.ranks());
        assertNumber("0", c.gaps().get(LONGGANG));
        assertNumber("1", c.best().gap());
    }

    @Test
    void missingPeerValuesHaveNoGapNoRankAndAreNeverBest() {
        Comparison c = GapCalculator.compare("higher-better", null, null, QIXIA, d("90"), peers(null, "92", null));
        assertEquals(Map.of(XINWU, d("2")).keySet(), c.gaps().keySet());
        assertEquals(2, c.rankedOf());
        assertNull(c.rank(LONGGANG));
        assertEquals(XINWU, c.best().region());
        assertNumber("2", c.best().gap());
        assertEquals("lighthouse", c.byRole().get(0).role());
        assertNull(c.byRole().get(0).region());
        assertNull(c.byRole().get(0).gap());
    }

    @Test
    void missingOwnerValueLeavesPeersRankedButNoGaps() {
        Comparison c = GapCalculator.compare("higher-better", null, null, QIXIA, null, peers("90", "80", null));
        assertEquals(Map.of(), c.gaps());
        assertNull(c.rank(QIXIA));
        assertEquals(1, c.rank(LONGGANG));
        assertEquals(2, c.rank(XINWU));
        assertEquals(LONGGANG, c.best().region());
        assertNull(c.best().gap());
    }

    @Test
    void bandGapIsTheDifferenceOfDistancesOutsideTheBand() {
        // band 0.9–1.1: Qixia 0.7 is 0.2 outside, Longgang 1.0 inside, Xinwu 1.25 is 0.15 outside
        Comparison c = GapCalculator.compare("band", d("0.9"), d("1.1"), QIXIA, d("0.7"), peers("1.0", "1.25", null));
        assertNumber("0.2", c.gaps().get(LONGGANG));
        assertNumber("0.05", c.gaps().get(XINWU));
        assertEquals(3, c.rank(QIXIA));
        assertEquals(LONGGANG, c.best().region());
    }

    @Test
    void bandIndicatorWithoutABandIsShownNotOrdered() {
        Comparison c = GapCalculator.compare("band", null, null, QIXIA, d("0.7"), peers("1.0", "1.25", null));
        assertFalse(c.comparable());
        assertEquals(Map.of(), c.gaps());
        assertNull(c.best());
    }
}
