package io.dengta.indicators.quality;

import java.util.Arrays;
import java.util.List;

/**
 * The outlier measures of the quality checks, on plain numbers:
 * <ul>
 * <li>z-score of x against reference values: (x − mean) ÷ s, s the sample standard deviation (n − 1);</li>
 * <li>modified z-score (Iglewicz and Hoaglin): 0.6745 × (x − median) ÷ MAD, MAD the median of |vᵢ − median| — robust,
 * one wild value in the reference does not hide another;</li>
 * <li>year-over-year change: (x − previous) ÷ |previous|, a share (0.5 = 50%).</li>
 * </ul>
 * Each answers null where it is undefined (too few values, no spread, a previous value of 0).
 */
public final class OutlierStatistics {

    /** 0.6745 ≈ the 0.75 quantile of the standard normal: makes MAD comparable to a standard deviation. */
    public static final double MAD_FACTOR = 0.6745;

    private OutlierStatistics() {
    }

    public static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** With n − 1: the reference values are a sample of what the unit reports. */
    public static double sampleStandardDeviation(List<Double> values) {
        double m = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - m) * (v - m);
        }
        return Math.sqrt(sum / (values.size() - 1));
    }

    public static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Median absolute deviation from the median. */
    public static double mad(List<Double> values) {
        double m = median(values);
        return median(Arrays.stream(values.stream().mapToDouble(v -> Math.abs(v - m)).toArray()).boxed().toList());
    }

    /** Null with fewer than 2 reference values or none spread. */
    public static Double zScore(double x, List<Double> reference) {
        if (reference.size() < 2) {
            return null;
        }
        double s = sampleStandardDeviation(reference);
        return s == 0 ? null : (x - mean(reference)) / s;
    }

    /** Null without reference values or with a MAD of 0 (more than half of them equal). */
    public static Double modifiedZScore(double x, List<Double> reference) {
        if (reference.isEmpty()) {
            return null;
        }
        double mad = mad(reference);
        return mad == 0 ? null : MAD_FACTOR * (x - median(reference)) / mad;
    }

    /** Null when the previous value is 0 (no share of nothing). */
    public static Double yearOverYearChange(double x, double previous) {
        return previous == 0 ? null : (x - previous) / Math.abs(previous);
    }
}
