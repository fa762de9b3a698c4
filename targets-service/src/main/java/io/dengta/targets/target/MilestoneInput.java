package io.dengta.targets.target;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A yearly (or other period) milestone on the way to a target's deadline. */
@Schema(name = "TargetMilestone")
public record MilestoneInput(@NotNull String period, @NotNull BigDecimal value) {
}
