package io.dengta.targets.checkin;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A check-in on a target: a value (numeric targets) or a done flag (milestones) for a period. */
@Schema(name = "ProgressReportInput", example = """
        {"period": "2024", "value": 98.7, "comment": "据2024年学前教育统计", "evidenceUrl": "https://example.org/report.pdf"}""")
public record ProgressReportInput(
        @Schema(description = "The period the value is for, e.g. 2024 or 2024Sep") @NotNull String period,
        @Schema(description = "The value reached (numeric targets; for change targets the level, not the change)") BigDecimal value,
        @Schema(description = "Done or not (milestones)") Boolean done,
        @Size(max = 4000) String comment,
        @Schema(description = "A link to the evidence; stored as given, never fetched")
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) link") String evidenceUrl) {
}
