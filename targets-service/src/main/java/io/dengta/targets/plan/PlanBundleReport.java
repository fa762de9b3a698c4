package io.dengta.targets.plan;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What loading a plan bundle did: counts over the plan, goals, targets and actions, and what needs a look. */
@Schema(name = "PlanBundleReport")
public record PlanBundleReport(
        String plan,
        int created,
        int updated,
        int unchanged,
        @Schema(description = "Codes of targets whose indicator indicators-service could not confirm (re-checked later)")
        List<String> unverifiedTargets,
        @Schema(description = "Non-blocking findings per target") List<TargetWarning> warnings) {

    @Schema(name = "PlanBundleWarning")
    public record TargetWarning(String target, String pointer, String code, String message) {
    }
}
