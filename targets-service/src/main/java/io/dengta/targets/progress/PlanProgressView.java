package io.dengta.targets.progress;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A plan's whole tree with the progress of every target and the roll-ups of every goal and of the plan. */
@Schema(name = "PlanProgress")
public record PlanProgressView(String plan, String title, String ownerRegion, LocalDate asOf, Rollup rollup,
        @Schema(description = "True when any target's answer is stale") boolean stale, List<GoalProgress> goals) {

    /** A goal with its own targets, its sub-goals, and the roll-up of both. */
    @Schema(name = "GoalProgress")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GoalProgress(String code, String title, Rollup rollup, List<ProgressView> targets, List<GoalProgress> goals) {
    }
}
