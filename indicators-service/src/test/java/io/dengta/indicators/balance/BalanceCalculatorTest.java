package io.dengta.indicators.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BalanceCalculatorTest {

    static final int[] PUPILS = { 100, 50, 80, 40, 32 };
    static final int[] BOOKS = { 600, 500, 400, 160, 253 };
    static final String BOOKS_PER_PUPIL = "books";
    static final BalanceCalculator.Method NATIONAL_PRIMARY = new BalanceCalculator.Method(new BigDecimal("0.50"), 50, 6);

    static List<WeightedDispersion.Point> fixture() {
        List<WeightedDispersion.Point> points = new ArrayList<>();
        for (int i = 0; i < PUPILS.length; i++) {
            points.add(new WeightedDispersion.Point(PUPILS[i], (double) BOOKS[i] / PUPILS[i]));
        }
        return points;
    }

    @Test
    void weightsEachSchoolByItsPupilsAsTheHandComputedFixture() {
        WeightedDispersion d = WeightedDispersion.of(fixture());
        // per pupil 6, 10, 5, 4, 7.90625; mean = 1913 / 302
        assertEquals(6.3344, d.mean(), 0.00005);
        assertEquals(1.9279, d.standardDeviation(), 0.00005);
        assertEquals(0.3044, d.cv(), 0.00005);
        assertEquals(302, d.pupils());
    }

    @Test
    void differsFromTheUnweightedCoefficientOfVariation() {
        double[] x = fixture().stream().mapToDouble(WeightedDispersion.Point::value).toArray();
        double mean = java.util.Arrays.stream(x).average().orElseThrow();
        double s = Math.sqrt(java.util.Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / x.length);
        assertEquals(0.3255, s / mean, 0.00005, "the unweighted CV of the same schools");
        double weighted = WeightedDispersion.of(fixture()).cv();
        assertNotEquals(Math.round(s / mean * 10_000), Math.round(weighted * 10_000));
        // equal pupils make the two the same: only the weights tell them apart
        List<WeightedDispersion.Point> equal = fixture().stream().map(p -> new WeightedDispersion.Point(1, p.value())).toList();
        assertEquals(s / mean, WeightedDispersion.of(equal).cv(), 1e-12);
    }

    @Test
    void aMeanOfZeroHasNoCoefficientOfVariation() {
        assertNull(WeightedDispersion.of(List.of(new WeightedDispersion.Point(60, 0), new WeightedDispersion.Point(70, 0))).cv());
        assertThrows(IllegalArgumentException.class, () -> WeightedDispersion.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> WeightedDispersion.of(List.of(new WeightedDispersion.Point(0, 3))));
    }

    /** The fixture with 10 times the pupils (so none is under 50) and the same per-pupil values. */
    static List<BalanceCalculator.SchoolValues> scaledSchools() {
        List<BalanceCalculator.SchoolValues> schools = new ArrayList<>();
        for (int i = 0; i < PUPILS.length; i++) {
            BigDecimal x = BigDecimal.valueOf(BOOKS[i]).divide(BigDecimal.valueOf(PUPILS[i]));
            schools.add(new BalanceCalculator.SchoolValues("320113000" + i, "320113", BigDecimal.valueOf(PUPILS[i] * 10L),
                    false, Map.of(BOOKS_PER_PUPIL, x)));
        }
        return schools;
    }

    @Test
    void computesTheCvOfEachIndicatorAgainstTheRule() {
        BalanceCalculator.Result r = BalanceCalculator.compute(List.of(BOOKS_PER_PUPIL), scaledSchools(), NATIONAL_PRIMARY, Map.of());
        BalanceView.IndicatorBalance b = r.indicators().get(0);
        assertEquals(new BigDecimal("0.3044"), b.cv());
        assertEquals(new BigDecimal("6.3344"), b.mean());
        assertEquals(new BigDecimal("1.9279"), b.standardDeviation());
        assertEquals(new BigDecimal("3020"), b.pupils());
        assertEquals(Boolean.TRUE, b.passed());
        assertEquals(Boolean.TRUE, r.passed());
        // junior's 0.45 passes too; a stricter 0.30 does not
        BalanceCalculator.Result strict = BalanceCalculator.compute(List.of(BOOKS_PER_PUPIL), scaledSchools(),
                new BalanceCalculator.Method(new BigDecimal("0.30"), 50, 6), Map.of());
        assertEquals(Boolean.FALSE, strict.indicators().get(0).passed());
        assertEquals(Boolean.FALSE, strict.passed());
    }

    @Test
    void listsTheSchoolsFurthestFromTheMeanRelativeToIt() {
        BalanceCalculator.Result r = BalanceCalculator.compute(List.of(BOOKS_PER_PUPIL), scaledSchools(), NATIONAL_PRIMARY, Map.of());
        List<BalanceView.SchoolDeviation> furthest = r.indicators().get(0).furthest();
        // |x − 6.3344| ÷ 6.3344: 10 → 0.5787, 4 → 0.3685, 7.90625 → 0.2481, 5 → 0.2107, 6 → 0.0528
        assertEquals(List.of("3201130001", "3201130003", "3201130004", "3201130002", "3201130000"),
                furthest.stream().map(BalanceView.SchoolDeviation::school).toList());
        assertEquals(new BigDecimal("0.5787"), furthest.get(0).relativeDeviation());
        assertEquals("above", furthest.get(0).side());
        assertEquals(new BigDecimal("0.3685"), furthest.get(1).relativeDeviation());
        assertEquals("below", furthest.get(1).side());
        assertEquals(new BigDecimal("10"), furthest.get(0).value());
    }

    @Test
    void leavesOutSpecialSchoolsAndSchoolsUnderFiftyPupils() {
        List<BalanceCalculator.SchoolValues> schools = new ArrayList<>(scaledSchools());
        schools.add(new BalanceCalculator.SchoolValues("3201139001", "320113", BigDecimal.valueOf(800), true,
                Map.of(BOOKS_PER_PUPIL, BigDecimal.valueOf(90))));
        schools.add(new BalanceCalculator.SchoolValues("3201139002", "320113", BigDecimal.valueOf(49), false,
                Map.of(BOOKS_PER_PUPIL, BigDecimal.valueOf(90))));
        schools.add(new BalanceCalculator.SchoolValues("3201139003", "320113", BigDecimal.valueOf(50), false,
                Map.of(BOOKS_PER_PUPIL, new BigDecimal("6.3344370860927"))));
        BalanceCalculator.Result r = BalanceCalculator.compute(List.of(BOOKS_PER_PUPIL), schools, NATIONAL_PRIMARY, Map.of());
        assertEquals(new BalanceView.Schools(8, 6, 1, 1, 0), r.schools());
        assertEquals(6, r.indicators().get(0).schools());
        // a school at the mean adds weight but no spread: S shrinks a little, the mean stays
        assertEquals(new BigDecimal("6.3344"), r.indicators().get(0).mean());
        assertEquals(new BigDecimal("0.3019"), r.indicators().get(0).cv());
    }

    @Test
    void reportsSchoolsLackingDataAndLeavesThemOutOfThatIndicatorOnly() {
        List<BalanceCalculator.SchoolValues> schools = new ArrayList<>(scaledSchools());
        schools.add(new BalanceCalculator.SchoolValues("3201139004", "320113", null, false, Map.of(BOOKS_PER_PUPIL, BigDecimal.ONE)));
        schools.add(new BalanceCalculator.SchoolValues("3201139005", "320113", BigDecimal.valueOf(500), false, Map.of()));
        BalanceCalculator.Result r = BalanceCalculator.compute(List.of(BOOKS_PER_PUPIL, "rooms"), schools, NATIONAL_PRIMARY, Map.of());
        assertEquals(new BalanceView.Schools(7, 6, 0, 0, 1), r.schools());
        assertEquals(5, r.indicators().get(0).schools());
        assertEquals(new BigDecimal("0.3044"), r.indicators().get(0).cv());
        BalanceView.IndicatorBalance rooms = r.indicators().get(1);
        assertEquals(0, rooms.schools());
        assertNull(rooms.cv());
        assertNull(rooms.passed());
        assertNull(r.passed(), "no indicator failed, but one could not be computed");
        assertEquals(7, r.coverage().schoolsLackingData());
        assertEquals(List.of("ce.pupils", "rooms"), r.coverage().gaps().stream()
                .filter(g -> g.school().equals("3201139004")).findFirst().orElseThrow().missing());
        assertEquals(List.of(BOOKS_PER_PUPIL, "rooms"), r.coverage().gaps().stream()
                .filter(g -> g.school().equals("3201139005")).findFirst().orElseThrow().missing());
    }

    @Test
    void countsSchoolsMeetingAtLeastSixOfTheSevenStandards() {
        List<String> seven = List.of("a", "b", "c", "d", "e", "f", "g");
        Map<String, SchoolStandard> standards = new HashMap<>();
        seven.forEach(i -> standards.put(i, new SchoolStandard(">=", BigDecimal.TEN, null)));
        Map<String, BigDecimal> allMet = new HashMap<>();
        seven.forEach(i -> allMet.put(i, BigDecimal.TEN));
        Map<String, BigDecimal> sixMet = new HashMap<>(allMet);
        sixMet.put("g", BigDecimal.ONE);
        Map<String, BigDecimal> fiveMet = new HashMap<>(sixMet);
        fiveMet.put("f", BigDecimal.ONE);
        Map<String, BigDecimal> fiveMetOneMissing = new HashMap<>(sixMet);
        fiveMetOneMissing.remove("f");
        fiveMetOneMissing.put("e", BigDecimal.ONE);
        Map<String, BigDecimal> fiveMetOneMissingOneMet = new HashMap<>(allMet);
        fiveMetOneMissingOneMet.remove("a");
        fiveMetOneMissingOneMet.put("b", BigDecimal.ONE);
        BigDecimal p = BigDecimal.valueOf(300);
        List<BalanceCalculator.SchoolValues> schools = List.of(
                new BalanceCalculator.SchoolValues("3201130001", "320113", p, false, allMet),
                new BalanceCalculator.SchoolValues("3201130002", "320113", p, false, sixMet),
                new BalanceCalculator.SchoolValues("3201130003", "320113", p, false, fiveMet),
                new BalanceCalculator.SchoolValues("3201130004", "320113", p, false, fiveMetOneMissing),
                new BalanceCalculator.SchoolValues("3201130005", "320113", p, false, fiveMetOneMissingOneMet));
        BalanceView.SchoolStandards s = BalanceCalculator.compute(seven, schools, NATIONAL_PRIMARY, standards).schoolStandards();
        assertEquals(2, s.meeting());
        assertEquals(2, s.notMeeting());
        assertEquals(1, s.undetermined());
        assertEquals(List.of("3201130003", "3201130004", "3201130005"),
                s.shortfalls().stream().map(BalanceView.SchoolStandardsMet::school).toList());
        assertEquals(List.of("f", "g"), s.shortfalls().get(0).notMet());
        assertEquals(List.of("a"), s.shortfalls().get(2).missing());
    }

    @Test
    void aSchoolStandardComparesByItsComparator() {
        assertEquals(true, new SchoolStandard(">=", new BigDecimal("4.5"), null).met(new BigDecimal("4.50")));
        assertEquals(false, new SchoolStandard(">=", new BigDecimal("4.5"), null).met(new BigDecimal("4.49")));
        assertEquals(true, new SchoolStandard("<=", new BigDecimal("45"), null).met(new BigDecimal("45")));
        assertEquals(true, new SchoolStandard("between", BigDecimal.ONE, BigDecimal.TEN).met(BigDecimal.TEN));
        assertEquals(false, new SchoolStandard("between", BigDecimal.ONE, BigDecimal.TEN).met(BigDecimal.ZERO));
    }
}
