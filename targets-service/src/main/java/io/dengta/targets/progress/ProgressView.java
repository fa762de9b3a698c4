package io.dengta.targets.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.dengta.targets.progress.ProgressResult.TrajectoryPoint;

/**
 * A target's progress on a day, with what a front-end needs to draw its trajectory chart: the planned line
 * ({@code trajectory}), the actual points ({@code actuals}) and the forecast at the deadline.
 */
@Schema(name = "TargetProgress")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgressView(
        long targetId, String plan, String goal, String code, String title,
        @Schema(enumeration = { "indicator", "change", "count", "milestone" }) String kind,
        String indicator, String unit, String stage, String comparator, String deadline, LocalDate asOf,
        @Schema(enumeration = { "achieved", "on-track", "at-risk", "off-track", "no-data", "overdue" }) TargetStatus status,
        @Schema(description = "The rule that decided the status, in words") String reason,
        @Schema(description = "The absolute value to reach (a change target's change added to its baseline; a band's "
                + "edge nearest the start)") BigDecimal targetValue,
        BigDecimal targetLow, BigDecimal targetHigh,
        @Schema(description = "Where the trajectory starts: the baseline, or the earliest actual") TrajectoryPoint start,
        ActualView latest,
        @Schema(description = "The trajectory's value at the latest actual's period") BigDecimal expected,
        @Schema(description = "Share of the way expected by the latest actual's period, 0–1") BigDecimal expectedShare,
        @Schema(description = "(latest − start) ÷ (target − start)") BigDecimal progressShare,
        @Schema(description = "The trajectory's value on asOf") BigDecimal expectedNow,
        boolean deadlinePassed,
        @Schema(description = "The planned line's points: start, yearly milestones, deadline") List<TrajectoryPoint> trajectory,
        @Schema(description = "The actual values counted, in period order (running totals for count targets)") List<ActualView> actuals,
        Forecast forecast, Freshness freshness,
        @Schema(description = "True when a source could not be read: this is the last progress computed") boolean stale,
        @Schema(description = "Why the answer is stale") String staleReason,
        OffsetDateTime computedAt) {

    /** An actual value as the API shows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ActualView(String period, BigDecimal value, Boolean done, OffsetDateTime updatedAt,
            @Schema(enumeration = { "indicators", "registry", "progress-report" }) String source) {

        static ActualView of(Actual a) {
            return a == null ? null : new ActualView(a.period().code(), a.value(), a.done(), a.updatedAt(), a.source());
        }
    }

    static ProgressView of(TargetDefinition t, LocalDate asOf, ProgressResult r, List<Actual> actuals, OffsetDateTime at) {
        return new ProgressView(t.id(), t.planCode(), t.goalCode(), t.code(), t.title(), t.kind(), t.indicator(), t.unit(),
                t.stage(), t.comparator(), t.deadline(), asOf, r.status(), r.reason(), r.targetValue(), r.targetLow(),
                r.targetHigh(), r.start(), ActualView.of(r.latest()), r.expected(), r.expectedShare(), r.progressShare(),
                r.expectedNow(), r.deadlinePassed(), r.trajectory(), actuals.stream().map(ActualView::of).toList(),
                r.forecast(), r.freshness(), false, null, at);
    }

    ProgressView asStale(String reason) {
        return new ProgressView(targetId, plan, goal, code, title, kind, indicator, unit, stage, comparator, deadline, asOf,
                status, this.reason, targetValue, targetLow, targetHigh, start, latest, expected, expectedShare,
                progressShare, expectedNow, deadlinePassed, trajectory, actuals, forecast, freshness, true, reason, computedAt);
    }

    /** Without the chart's points ({@code trajectory}, {@code actuals}): what a plan's tree shows by default. */
    ProgressView withoutPoints() {
        return new ProgressView(targetId, plan, goal, code, title, kind, indicator, unit, stage, comparator, deadline, asOf,
                status, reason, targetValue, targetLow, targetHigh, start, latest, expected, expectedShare,
                progressShare, expectedNow, deadlinePassed, null, null, forecast, freshness, stale, staleReason, computedAt);
    }

    /** A target whose definition cannot be measured: no-data with the reason. */
    static ProgressView unmeasurable(TargetDefinition t, LocalDate asOf, String problem, OffsetDateTime at) {
        return new ProgressView(t.id(), t.planCode(), t.goalCode(), t.code(), t.title(), t.kind(), t.indicator(), t.unit(),
                t.stage(), t.comparator(), t.deadline(), asOf, TargetStatus.NO_DATA, "the target cannot be measured: " + problem,
                null, null, null, null, null, null, null, null, null, false, List.of(), List.of(), null, null, false, null, at);
    }

    /** Without a progress computed before: only the target and why nothing is known. */
    static ProgressView unknown(TargetDefinition t, LocalDate asOf, String reason) {
        return new ProgressView(t.id(), t.planCode(), t.goalCode(), t.code(), t.title(), t.kind(), t.indicator(), t.unit(),
                t.stage(), t.comparator(), t.deadline(), asOf, TargetStatus.NO_DATA,
                "no progress was computed before the source became unavailable", null, null, null, null, null, null,
                null, null, null, false, List.of(), List.of(), null, null, true, reason, null);
    }
}
