package io.dengta.indicators.balance;

import java.util.List;

/**
 * The pupil-weighted spread of a per-pupil value over schools (domain.md, 差异系数): with Pᵢ the pupils and xᵢ the
 * value of school i and P = ΣPᵢ, mean = ΣPᵢxᵢ ÷ P, S = √(Σ(Pᵢ ÷ P)(xᵢ − mean)²), CV = S ÷ mean. Weighting matters:
 * a large school far from the mean weighs more than a small one, which an unweighted CV would not see.
 *
 * @param cv null when the mean is 0 (no spread can be expressed relative to it)
 */
public record WeightedDispersion(int schools, double pupils, double mean, double standardDeviation, Double cv) {

    /** A school's weight (pupils) and value. */
    public record Point(double pupils, double value) {
    }

    /** @throws IllegalArgumentException for no points or a weight that is not positive */
    public static WeightedDispersion of(List<Point> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no schools");
        }
        double total = 0;
        double weighted = 0;
        for (Point p : points) {
            if (!(p.pupils() > 0)) {
                throw new IllegalArgumentException("pupils must be positive");
            }
            total += p.pupils();
            weighted += p.pupils() * p.value();
        }
        double mean = weighted / total;
        double variance = 0;
        for (Point p : points) {
            double d = p.value() - mean;
            variance += p.pupils() / total * d * d;
        }
        double s = Math.sqrt(variance);
        return new WeightedDispersion(points.size(), total, mean, s, mean == 0 ? null : s / mean);
    }
}
