package io.dengta.targets.checkin;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An analyst's decision on a submitted progress report. */
@Schema(name = "ReviewInput", example = """
        {"decision": "returned", "comment": "请补充统计报表"}""")
public record ReviewInput(
        @NotNull @Pattern(regexp = "accepted|returned", message = "must be accepted or returned") String decision,
        @Size(max = 4000) String comment) {
}
