package io.dengta.indicators.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dengta.commons.period.Period;

class QualityCheckerTest {

    static final Period P2024 = Period.year(2024);
    static final Map<String, QualityChecker.IndicatorInfo> CATALOG = Map.of(
            "pre.gross_enrollment_rate", new QualityChecker.IndicatorInfo("pre.gross_enrollment_rate", "%", BigDecimal.ZERO, BigDecimal.valueOf(150)),
            "pre.net_enrollment_rate", new QualityChecker.IndicatorInfo("pre.net_enrollment_rate", "%", BigDecimal.ZERO, BigDecimal.valueOf(100)),
            "zz.share", new QualityChecker.IndicatorInfo("zz.share", "%", null, null),
            "cap.seats_added", new QualityChecker.IndicatorInfo("cap.seats_added", "count", BigDecimal.ZERO, null),
            "zz.area", new QualityChecker.IndicatorInfo("zz.area", "m2", BigDecimal.valueOf(2), BigDecimal.valueOf(50)));

    static QualityChecker.Obs region(String indicator, String unit, Period period, String value) {
        return new QualityChecker.Obs(indicator, unit, "region", unit, indicator.startsWith("pre.") ? "kindergarten" : null,
                period, new BigDecimal(value));
    }

    static QualityChecker.Obs school(String indicator, String school, String stage, String value) {
        return new QualityChecker.Obs(indicator, school, "school", "320113", stage, P2024, new BigDecimal(value));
    }

    static List<QualityFinding> check(List<QualityChecker.Obs> observations) {
        return QualityChecker.check(P2024, observations, CATALOG, QualitySettings.DEFAULTS);
    }

    static List<String> rules(List<QualityFinding> findings) {
        return findings.stream().map(QualityFinding::rule).toList();
    }

    @Test
    void rangeIsTheIndicatorsOwnElseItsUnits() {
        List<QualityFinding> findings = check(List.of(
                region("pre.gross_enrollment_rate", "320113", P2024, "120"), // own range to 150: fine
                region("zz.share", "320113", P2024, "120"), // % without its own range: 0–100
                region("zz.area", "320113", P2024, "1.5"), // own range 2–50
                region("cap.seats_added", "320114", P2024, "-1")));
        assertEquals(List.of("range", "range", "range"), rules(findings));
        QualityFinding share = findings.stream().filter(f -> f.indicator().equals("zz.share")).findFirst().orElseThrow();
        assertEquals("error", share.severity());
        assertEquals(BigDecimal.ZERO, share.expectedMin());
        assertEquals(BigDecimal.valueOf(100), share.expectedMax());
        assertEquals(new BigDecimal("2"), findings.stream().filter(f -> f.indicator().equals("zz.area")).findFirst()
                .orElseThrow().expectedMin());
    }

    @Test
    void aCountWithAFractionIsAnError() {
        assertEquals(List.of("count-whole"), rules(check(List.of(region("cap.seats_added", "320113", P2024, "12.5")))));
        assertEquals(List.of(), rules(check(List.of(region("cap.seats_added", "320113", P2024, "12.000")))));
    }

    @Test
    void netEnrolmentAboveGrossEnrolmentIsAnError() {
        List<QualityFinding> findings = check(List.of(
                region("pre.net_enrollment_rate", "320113", P2024, "99"),
                region("pre.gross_enrollment_rate", "320113", P2024, "97.5"),
                region("pre.net_enrollment_rate", "320114", P2024, "96"),
                region("pre.gross_enrollment_rate", "320114", P2024, "97.5"),
                region("pre.net_enrollment_rate", "320115", P2023(), "99")));
        assertEquals(List.of("net-at-most-gross"), rules(findings));
        QualityFinding f = findings.get(0);
        assertEquals("320113", f.unit());
        assertEquals(new BigDecimal("97.5"), f.expectedMax());
        assertEquals("pre.gross_enrollment_rate = 97.5", f.reference());
        assertEquals("error", f.severity());
    }

    private static Period P2023() {
        return Period.year(2023);
    }

    @Test
    void crossRulesCompareTheSameUnitAndStage() {
        List<QualityFinding> findings = check(List.of(
                school("ce.very_large_class_share", "3201130001", "primary", "12"),
                school("ce.large_class_share", "3201130001", "primary", "10"),
                school("ce.large_class_share", "3201130001", "junior", "20"), // another stage: not compared
                school("qb.class_size_compliance", "3201130001", "junior", "85"),
                school("qb.class_size_compliance", "3201130002", "junior", "70"),
                school("ce.large_class_share", "3201130002", "junior", "30")));
        assertEquals(List.of("very-large-classes-within-large", "compliant-and-large-classes-disjoint"), rules(findings).stream()
                .sorted(java.util.Comparator.reverseOrder()).toList());
        QualityFinding sum = findings.stream().filter(f -> f.rule().equals("compliant-and-large-classes-disjoint"))
                .findFirst().orElseThrow();
        assertEquals("3201130001", sum.unit());
        assertEquals(new BigDecimal("80"), sum.expectedMax(), "100 − 20");
    }

    /** cap.seats_added of 320113: 10, 12, 11, 13, 9 in 2019–2023. */
    static List<QualityChecker.Obs> history(String value2024) {
        List<QualityChecker.Obs> obs = new ArrayList<>();
        String[] values = { "10", "12", "11", "13", "9" };
        for (int i = 0; i < values.length; i++) {
            obs.add(region("cap.seats_added", "320113", Period.year(2019 + i), values[i]));
        }
        obs.add(region("cap.seats_added", "320113", P2024, value2024));
        return obs;
    }

    @Test
    void flagsAValueFarFromTheUnitsHistory() {
        List<QualityFinding> findings = check(history("20"));
        assertEquals(List.of("history-modified-z-score", "history-z-score", "year-over-year-jump"), rules(findings));
        QualityFinding z = findings.get(1);
        assertEquals(new BigDecimal("5.6921"), z.score());
        assertEquals("warning", z.severity());
        // mean 11 ± 3 × 1.5811
        assertEquals(new BigDecimal("6.2566"), z.expectedMin());
        assertEquals(new BigDecimal("15.7434"), z.expectedMax());
        assertEquals(new BigDecimal("6.0705"), findings.get(0).score());
        // median 11 ± 3.5 × 1 ÷ 0.6745
        assertEquals(new BigDecimal("16.189"), findings.get(0).expectedMax());
        QualityFinding yoy = findings.get(2);
        assertEquals(new BigDecimal("1.2222"), yoy.score(), "(20 − 9) ÷ 9");
        assertEquals("2023 = 9", yoy.reference());
        assertEquals(new BigDecimal("4.5"), yoy.expectedMin());
        assertEquals(new BigDecimal("13.5"), yoy.expectedMax());
    }

    @Test
    void aValueWithinItsHistoryIsNotFlagged() {
        assertEquals(List.of(), check(history("12")));
        // 13 from 9 is +44%: within the 50% allowed
        assertEquals(List.of(), check(history("13")));
    }

    @Test
    void tooShortAHistoryIsNotScoredButTheYearEarlierValueStillCounts() {
        List<QualityChecker.Obs> obs = new ArrayList<>(history("20").subList(2, 6));
        assertEquals(List.of("year-over-year-jump"), rules(check(obs)));
    }

    @Test
    void flagsAValueFarFromItsPeers() {
        List<QualityChecker.Obs> obs = new ArrayList<>();
        String[] values = { "10", "11", "12", "10", "11", "40" };
        for (int i = 0; i < values.length; i++) {
            obs.add(school("qb.key_teachers_per100", "320113000" + i, "primary", values[i]));
        }
        List<QualityFinding> findings = check(obs);
        // median 11, MAD 1: 0.6745 × (40 − 11) = 19.5605
        assertEquals(List.of("peer-modified-z-score"), rules(findings));
        assertEquals("3201130005", findings.get(0).unit());
        assertEquals(new BigDecimal("19.5605"), findings.get(0).score());
        assertTrue(findings.get(0).reference().startsWith("6 schools of 320113"));
        // fewer than 5 peers: no peer check
        assertEquals(List.of(), check(obs.subList(2, 6)));
    }

    @Test
    void regionsArePeersOfTheirSiblings() {
        assertEquals("320100", QualityChecker.parentRegion("320113"));
        assertEquals("320000", QualityChecker.parentRegion("320100"));
        assertEquals("000000", QualityChecker.parentRegion("320000"));
        assertEquals("320500", QualityChecker.parentRegion("320585"));
    }

    @Test
    void crossRulesAreDataOverCatalogIndicators() {
        for (CrossIndicatorRules.Rule rule : CrossIndicatorRules.RULES) {
            assertTrue(rule.left().matches("[a-z]+\\.[a-z0-9_]+") && rule.right().matches("[a-z]+\\.[a-z0-9_]+"), rule.code());
        }
        assertTrue(CrossIndicatorRules.holds(CrossIndicatorRules.RULES.get(0), BigDecimal.ONE, BigDecimal.ONE));
    }
}
