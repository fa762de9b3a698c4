package io.dengta.targets.plan;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.dengta.targets.target.TargetInput;

/**
 * A whole plan in one document, for loading plans such as the demo plans of {@code samples/plans/}: the plan,
 * its goals (each with its {@code code}; a parent before or after its children), its targets and its actions.
 * Loading it is create-or-replace of each part by code; parts missing from the bundle are left as they are.
 */
@Schema(name = "PlanBundle")
public record PlanBundle(
        @Valid @NotNull PlanInput plan,
        List<@Valid @NotNull GoalInput> goals,
        List<@Valid @NotNull TargetInput> targets,
        List<@Valid @NotNull ActionInput> actions) {

    List<GoalInput> goalsOrEmpty() {
        return goals == null ? List.of() : goals;
    }

    List<TargetInput> targetsOrEmpty() {
        return targets == null ? List.of() : targets;
    }

    List<ActionInput> actionsOrEmpty() {
        return actions == null ? List.of() : actions;
    }
}
