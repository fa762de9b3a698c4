package io.dengta.indicators.quality;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.dengta.indicators.catalog.Vocabulary;
import io.dengta.commons.period.Period;

/**
 * The data-quality rules over the observations of one period (pure; the service reads the data):
 * <ul>
 * <li><b>range</b> (error): the indicator's own range, else its unit's (0–100 for % and score, ≥ 0 otherwise);
 * <b>count-whole</b> (error): a count with a fraction;</li>
 * <li><b>cross-indicator</b> (error): {@link CrossIndicatorRules} between indicators of the same unit, period, stage;</li>
 * <li><b>history</b> (warning): the value against the same unit's earlier periods of the same type — z-score and
 * modified z-score — and the <b>year-over-year</b> change against the same period a year earlier;</li>
 * <li><b>peers</b> (warning): modified z-score among the same indicator, stage and period of sibling units (schools of
 * one region, regions of one parent).</li>
 * </ul>
 */
public final class QualityChecker {

    static final int SCALE = 4;
    static final Comparator<QualityFinding> ORDER = Comparator
            .comparing((QualityFinding f) -> f.severity().equals("error") ? 0 : 1)
            .thenComparing(QualityFinding::indicator).thenComparing(QualityFinding::unit)
            .thenComparing(f -> f.stage() == null ? "" : f.stage()).thenComparing(QualityFinding::rule);

    private QualityChecker() {
    }

    /** An observation as the checks see it; {@code stage} null when it has none. */
    public record Obs(String indicator, String unit, String unitType, String region, String stage, Period period,
            BigDecimal value) {
    }

    /** What the checks need of a catalog indicator. */
    public record IndicatorInfo(String code, String unit, BigDecimal minValue, BigDecimal maxValue) {
    }

    /**
     * @param observations the period's observations and the earlier ones of the same units (their history)
     * @return the findings about the period's observations, errors first
     */
    public static List<QualityFinding> check(Period period, List<Obs> observations, Map<String, IndicatorInfo> catalog,
            QualitySettings settings) {
        List<Obs> current = new ArrayList<>();
        Map<String, TreeMap<Period, Double>> series = new HashMap<>();
        for (Obs o : observations) {
            if (o.period().equals(period)) {
                current.add(o);
            } else if (o.period().compareTo(period) < 0 && o.period().type() == period.type()) {
                series.computeIfAbsent(seriesKey(o), k -> new TreeMap<>()).put(o.period(), o.value().doubleValue());
            }
        }
        List<QualityFinding> findings = new ArrayList<>();
        for (Obs o : current) {
            IndicatorInfo info = catalog.get(o.indicator());
            if (info != null) {
                range(o, info, findings);
            }
            history(o, series.getOrDefault(seriesKey(o), new TreeMap<>()), settings, findings);
        }
        cross(current, findings);
        peers(current, settings, findings);
        findings.sort(ORDER);
        return findings;
    }

    static void range(Obs o, IndicatorInfo info, List<QualityFinding> findings) {
        BigDecimal min = info.minValue() != null ? info.minValue() : Vocabulary.defaultMin(info.unit());
        BigDecimal max = info.maxValue() != null ? info.maxValue() : Vocabulary.defaultMax(info.unit());
        if (min != null && o.value().compareTo(min) < 0 || max != null && o.value().compareTo(max) > 0) {
            findings.add(finding("range", "error", o, min, max, "unit " + info.unit(), null,
                    plain(o.value()) + " is outside the range of " + o.indicator() + " (" + plain(min) + " to "
                            + (max == null ? "unbounded" : plain(max)) + ")"));
        }
        if (info.unit().equals("count") && o.value().stripTrailingZeros().scale() > 0) {
            findings.add(finding("count-whole", "error", o, null, null, "unit count", null,
                    plain(o.value()) + " is a count with a fraction"));
        }
    }

    static void history(Obs o, TreeMap<Period, Double> earlier, QualitySettings s, List<QualityFinding> findings) {
        double x = o.value().doubleValue();
        List<Double> window = new ArrayList<>();
        Period from = earliest(o.period(), s.historyPeriods());
        earlier.forEach((p, v) -> {
            if (p.compareTo(from) >= 0) {
                window.add(v);
            }
        });
        if (window.size() >= s.minHistory()) {
            String reference = window.size() + " earlier " + o.period().type().code() + " values";
            Double z = OutlierStatistics.zScore(x, window);
            if (z != null && Math.abs(z) > s.zMax().doubleValue()) {
                double mean = OutlierStatistics.mean(window);
                double spread = s.zMax().doubleValue() * OutlierStatistics.sampleStandardDeviation(window);
                findings.add(finding("history-z-score", "warning", o, round(mean - spread), round(mean + spread),
                        reference + " (mean " + plain(round(mean)) + ")", round(z),
                        "z-score " + plain(round(z)) + " against the unit's history exceeds " + plain(s.zMax())));
            }
            Double mz = OutlierStatistics.modifiedZScore(x, window);
            if (mz != null && Math.abs(mz) > s.modifiedZMax().doubleValue()) {
                double median = OutlierStatistics.median(window);
                double spread = s.modifiedZMax().doubleValue() * OutlierStatistics.mad(window) / OutlierStatistics.MAD_FACTOR;
                findings.add(finding("history-modified-z-score", "warning", o, round(median - spread),
                        round(median + spread), reference + " (median " + plain(round(median)) + ")", round(mz),
                        "modified z-score " + plain(round(mz)) + " against the unit's history exceeds "
                                + plain(s.modifiedZMax())));
            }
        }
        Period yearEarlier = o.period().yearEarlier();
        Double previous = earlier.get(yearEarlier);
        if (previous != null) {
            Double change = OutlierStatistics.yearOverYearChange(x, previous);
            double share = s.yearOverYearMaxChange().doubleValue();
            if (change != null && Math.abs(change) > share) {
                double allowed = share * Math.abs(previous);
                findings.add(finding("year-over-year-jump", "warning", o, round(previous - allowed),
                        round(previous + allowed), yearEarlier.code() + " = " + plain(round(previous)), round(change),
                        String.format("changed by %s%% from %s in %s (more than %s%%)",
                                plain(round(change * 100).setScale(1, RoundingMode.HALF_UP)), plain(round(previous)),
                                yearEarlier.code(), plain(s.yearOverYearMaxChange().multiply(BigDecimal.valueOf(100))))));
            }
        }
    }

    static void cross(List<Obs> current, List<QualityFinding> findings) {
        Map<String, Map<String, Obs>> byUnitAndStage = new HashMap<>();
        for (Obs o : current) {
            byUnitAndStage.computeIfAbsent(o.unit() + "/" + o.stage(), k -> new HashMap<>()).put(o.indicator(), o);
        }
        for (Map<String, Obs> unit : byUnitAndStage.values()) {
            for (CrossIndicatorRules.Rule rule : CrossIndicatorRules.RULES) {
                Obs left = unit.get(rule.left());
                Obs right = unit.get(rule.right());
                if (left == null || right == null || CrossIndicatorRules.holds(rule, left.value(), right.value())) {
                    continue;
                }
                String reference = rule.right() + " = " + plain(right.value());
                if (rule.relation() == CrossIndicatorRules.Relation.AT_MOST) {
                    findings.add(finding(rule.code(), "error", left, null, right.value(), reference, null,
                            rule.left() + " " + plain(left.value()) + " exceeds " + rule.right() + " "
                                    + plain(right.value()) + ": " + rule.why()));
                } else {
                    findings.add(finding(rule.code(), "error", left, null, rule.bound().subtract(right.value()),
                            reference, null, rule.left() + " " + plain(left.value()) + " + " + rule.right() + " "
                                    + plain(right.value()) + " exceeds " + plain(rule.bound()) + ": " + rule.why()));
                }
            }
        }
    }

    static void peers(List<Obs> current, QualitySettings s, List<QualityFinding> findings) {
        Map<String, List<Obs>> groups = new HashMap<>();
        for (Obs o : current) {
            groups.computeIfAbsent(o.indicator() + "/" + o.stage() + "/" + o.unitType() + "/" + parent(o), k -> new ArrayList<>())
                    .add(o);
        }
        for (List<Obs> group : groups.values()) {
            if (group.size() < s.minPeers()) {
                continue;
            }
            List<Double> values = group.stream().map(o -> o.value().doubleValue()).toList();
            double median = OutlierStatistics.median(values);
            double mad = OutlierStatistics.mad(values);
            if (mad == 0) {
                continue;
            }
            double spread = s.modifiedZMax().doubleValue() * mad / OutlierStatistics.MAD_FACTOR;
            Obs first = group.get(0);
            String reference = group.size() + (first.unitType().equals("school") ? " schools of " : " regions under ")
                    + parent(first) + " (median " + plain(round(median)) + ")";
            for (Obs o : group) {
                double mz = OutlierStatistics.MAD_FACTOR * (o.value().doubleValue() - median) / mad;
                if (Math.abs(mz) > s.modifiedZMax().doubleValue()) {
                    findings.add(finding("peer-modified-z-score", "warning", o, round(median - spread),
                            round(median + spread), reference, round(mz), "modified z-score " + plain(round(mz))
                                    + " among its peers exceeds " + plain(s.modifiedZMax())));
                }
            }
        }
    }

    /** The unit's peers share this: a school's region; a region's parent region. */
    static String parent(Obs o) {
        return o.unitType().equals("school") ? o.region() : parentRegion(o.unit());
    }

    /** 320113 → 320100, 320100 → 320000, 320000 → 000000. */
    static String parentRegion(String region) {
        if (region.endsWith("0000")) {
            return "000000";
        }
        if (region.endsWith("00")) {
            return region.substring(0, 2) + "0000";
        }
        return region.substring(0, 4) + "00";
    }

    /** The first period of the history window (no earlier than the calendar allows). */
    static Period earliest(Period period, int steps) {
        try {
            return period.plus(-steps);
        } catch (io.dengta.commons.period.InvalidPeriodException e) {
            return new Period(period.type(), Period.FIRST_YEAR, 1);
        }
    }

    private static String seriesKey(Obs o) {
        return o.indicator() + "/" + o.unit() + "/" + o.stage();
    }

    private static QualityFinding finding(String rule, String severity, Obs o, BigDecimal min, BigDecimal max,
            String reference, BigDecimal score, String message) {
        return new QualityFinding(rule, severity, o.indicator(), o.unit(), o.unitType(), o.region(), o.stage(),
                o.period().code(), plain(o.value()), plain(min), plain(max), reference, plain(score), message);
    }

    static BigDecimal round(double x) {
        return BigDecimal.valueOf(x).setScale(SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal plain(BigDecimal n) {
        return Vocabulary.plain(n);
    }
}
