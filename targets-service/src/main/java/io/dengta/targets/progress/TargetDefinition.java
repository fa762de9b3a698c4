package io.dengta.targets.progress;

import java.math.BigDecimal;
import java.util.List;

import io.dengta.commons.period.Period;
import io.dengta.targets.progress.ProgressInput.Kind;
import io.dengta.targets.progress.ProgressInput.Waypoint;
import io.dengta.targets.source.SourceRef;

/**
 * A target as the progress engine reads it from the plans' tables (read-only: the plan and target features own them).
 *
 * @param actualSource {@code indicators}, {@code registry} or {@code reports}
 */
public record TargetDefinition(long id, String planCode, String goalCode, String code, String title, String ownerRegion,
        String kind, String indicator, String unit, String stage, String comparator, BigDecimal value, BigDecimal low,
        BigDecimal high, String deadline, BigDecimal baseline, String baselinePeriod, String actualSource,
        List<Milestone> milestones) {

    public record Milestone(String period, BigDecimal value) {
    }

    public ProgressInput input() {
        Kind k = Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
        return new ProgressInput(k, comparator == null ? null : TargetComparator.fromCode(comparator), value, low, high,
                baseline, baselinePeriod == null ? null : Period.parse(baselinePeriod), Period.parse(deadline),
                milestones.stream().map(m -> new Waypoint(Period.parse(m.period()), m.value())).toList());
    }

    /** The same target with its baseline value filled in (a plan that names only the baseline period). */
    public TargetDefinition withBaseline(BigDecimal observed) {
        return new TargetDefinition(id, planCode, goalCode, code, title, ownerRegion, kind, indicator, unit, stage,
                comparator, value, low, high, deadline, observed, baselinePeriod, actualSource, milestones);
    }

    /** Where the actuals come from; null when they are accepted progress reports (and always for milestones). */
    public SourceRef sourceRef() {
        if ("milestone".equals(kind) || "reports".equals(actualSource) || indicator == null) {
            return null;
        }
        return new SourceRef(actualSource, indicator, unit, stage);
    }
}
