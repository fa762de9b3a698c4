package io.dengta.targets.plan;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /targets/v1/plans/{planCode}/goals/{goalCode}}. */
@Schema(name = "GoalInput", example = """
        {"parent": "actions", "title": "学前教育优质普惠行动", "description": "实施学前教育优质普惠行动",
         "responsibleDepartment": "学前教育科", "position": 1}""")
public record GoalInput(
        @Pattern(regexp = GoalInput.CODE, message = "must be 1 to 64 lower-case letters, digits or '-'") String code,
        @Schema(description = "Code of the parent goal in the same plan; absent for a top-level goal")
        @Pattern(regexp = GoalInput.CODE, message = "must be 1 to 64 lower-case letters, digits or '-'") String parent,
        @NotBlank @Size(max = 300) String title,
        @Size(max = 4000) String description,
        @Size(max = 200) String responsibleDepartment,
        @Schema(description = "Order among its siblings (default 0)") @Min(0) Integer position) {

    /** Codes of goals, targets and actions within a plan. */
    public static final String CODE = "[a-z0-9][a-z0-9-]{0,63}";

    static GoalInput of(Goal g) {
        return new GoalInput(g.code, g.parentCode, g.title, g.description, g.responsibleDepartment, g.position);
    }

    GoalInput normalized(String goalCode) {
        return new GoalInput(goalCode, parent, title, description, responsibleDepartment, position == null ? 0 : position);
    }
}
