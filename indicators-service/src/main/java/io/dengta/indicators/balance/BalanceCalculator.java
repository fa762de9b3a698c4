package io.dengta.indicators.balance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dengta.indicators.catalog.Vocabulary;

/**
 * Balance of a region's schools (domain.md, 均衡): which schools count, each resource indicator's pupil-weighted
 * CV against the rule's maximum, the schools furthest from the mean, and how many schools meet enough of the
 * resource standards. Pure: the service reads the observations and the rule.
 */
public final class BalanceCalculator {

    public static final int FURTHEST = 5;
    static final int SCALE = 4;

    private BalanceCalculator() {
    }

    /**
     * What is known of one school for the stage and period.
     *
     * @param pupils null when unknown
     * @param special a special school (特殊教育学校): never counted
     * @param values per-pupil value of each resource indicator it has
     */
    public record SchoolValues(String school, String region, BigDecimal pupils, boolean special,
            Map<String, BigDecimal> values) {
    }

    /** The rule's figures (see {@link BalanceView.Rule}). */
    public record Method(BigDecimal maxCv, int minPupils, int minStandardsMet) {
    }

    /** The figures of a balance; the service adds region, stage, period and the rule's provenance. */
    public record Result(Boolean passed, BalanceView.Schools schools, List<BalanceView.IndicatorBalance> indicators,
            BalanceView.SchoolStandards schoolStandards, BalanceView.Coverage coverage) {
    }

    /**
     * @param indicators the resource indicators, in the order to answer them
     * @param standards the school-level standard of each resource indicator that has one
     */
    public static Result compute(List<String> indicators, List<SchoolValues> schools, Method method,
            Map<String, SchoolStandard> standards) {
        List<SchoolValues> included = new ArrayList<>();
        int special = 0;
        int small = 0;
        int withoutPupils = 0;
        List<BalanceView.SchoolGap> gaps = new ArrayList<>();
        for (SchoolValues s : sorted(schools)) {
            if (s.special()) {
                special++;
            } else if (s.pupils() == null || s.pupils().signum() <= 0) {
                withoutPupils++;
                List<String> missing = new ArrayList<>(List.of(BalanceService.PUPILS));
                indicators.stream().filter(i -> !s.values().containsKey(i)).forEach(missing::add);
                gaps.add(new BalanceView.SchoolGap(s.school(), s.region(), missing));
            } else if (s.pupils().compareTo(BigDecimal.valueOf(method.minPupils())) < 0) {
                small++;
            } else {
                included.add(s);
                List<String> missing = indicators.stream().filter(i -> !s.values().containsKey(i)).toList();
                if (!missing.isEmpty()) {
                    gaps.add(new BalanceView.SchoolGap(s.school(), s.region(), missing));
                }
            }
        }
        List<BalanceView.IndicatorBalance> balances = new ArrayList<>();
        boolean anyFailed = false;
        boolean anyUnknown = false;
        for (String indicator : indicators) {
            BalanceView.IndicatorBalance b = indicator(indicator, included, method.maxCv());
            balances.add(b);
            anyFailed |= Boolean.FALSE.equals(b.passed());
            anyUnknown |= b.passed() == null;
        }
        Boolean passed = anyFailed ? Boolean.FALSE : anyUnknown ? null : Boolean.TRUE;
        return new Result(passed,
                new BalanceView.Schools(schools.size(), included.size(), special, small, withoutPupils), balances,
                schoolStandards(indicators, included, method.minStandardsMet(), standards),
                new BalanceView.Coverage(gaps.size(), gaps));
    }

    static BalanceView.IndicatorBalance indicator(String indicator, List<SchoolValues> included, BigDecimal maxCv) {
        List<SchoolValues> with = included.stream().filter(s -> s.values().containsKey(indicator)).toList();
        if (with.isEmpty()) {
            return new BalanceView.IndicatorBalance(indicator, 0, BigDecimal.ZERO, null, null, null, maxCv, null, List.of());
        }
        WeightedDispersion d = WeightedDispersion.of(with.stream()
                .map(s -> new WeightedDispersion.Point(s.pupils().doubleValue(), s.values().get(indicator).doubleValue()))
                .toList());
        BigDecimal cv = d.cv() == null ? null : round(d.cv());
        List<BalanceView.SchoolDeviation> furthest = new ArrayList<>();
        if (d.mean() != 0) {
            double mean = d.mean();
            with.stream()
                    .sorted(Comparator.comparingDouble((SchoolValues s) -> -Math.abs(s.values().get(indicator).doubleValue() - mean))
                            .thenComparing(SchoolValues::school))
                    .limit(FURTHEST)
                    .forEach(s -> {
                        double x = s.values().get(indicator).doubleValue();
                        furthest.add(new BalanceView.SchoolDeviation(s.school(), s.region(), Vocabulary.plain(s.pupils()),
                                Vocabulary.plain(s.values().get(indicator)), round(Math.abs(x - mean) / Math.abs(mean)),
                                x >= mean ? "above" : "below"));
                    });
        }
        BigDecimal pupils = with.stream().map(SchoolValues::pupils).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new BalanceView.IndicatorBalance(indicator, with.size(), Vocabulary.plain(pupils), round(d.mean()),
                round(d.standardDeviation()), cv, maxCv, cv == null ? null : cv.compareTo(maxCv) <= 0, furthest);
    }

    static BalanceView.SchoolStandards schoolStandards(List<String> indicators, List<SchoolValues> included,
            int minStandardsMet, Map<String, SchoolStandard> standards) {
        List<String> withStandard = indicators.stream().filter(standards::containsKey).toList();
        int meeting = 0;
        int notMeeting = 0;
        int undetermined = 0;
        List<BalanceView.SchoolStandardsMet> shortfalls = new ArrayList<>();
        for (SchoolValues s : included) {
            List<String> notMet = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            int met = 0;
            for (String indicator : withStandard) {
                BigDecimal x = s.values().get(indicator);
                if (x == null) {
                    missing.add(indicator);
                } else if (standards.get(indicator).met(x)) {
                    met++;
                } else {
                    notMet.add(indicator);
                }
            }
            if (met >= minStandardsMet) {
                meeting++;
                continue;
            }
            if (met + missing.size() < minStandardsMet) {
                notMeeting++;
            } else {
                undetermined++;
            }
            shortfalls.add(new BalanceView.SchoolStandardsMet(s.school(), met, notMet, missing));
        }
        return new BalanceView.SchoolStandards(withStandard, meeting, notMeeting, undetermined, shortfalls);
    }

    private static List<SchoolValues> sorted(List<SchoolValues> schools) {
        Map<String, SchoolValues> byCode = new LinkedHashMap<>();
        schools.stream().sorted(Comparator.comparing(SchoolValues::school)).forEach(s -> byCode.put(s.school(), s));
        return List.copyOf(byCode.values());
    }

    static BigDecimal round(double x) {
        return BigDecimal.valueOf(x).setScale(SCALE, RoundingMode.HALF_UP);
    }
}
