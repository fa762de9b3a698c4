package io.dengta.targets.plan;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /targets/v1/plans/{planCode}/actions/{actionCode}}. */
@Schema(name = "ActionInput", example = """
        {"kind": "project", "title": "学位供给扩容工程", "goal": "supply", "responsibleDepartment": "计划财务科",
         "firstYear": 2021, "lastYear": 2025, "targets": ["seats-added"]}""")
public record ActionInput(
        @Pattern(regexp = GoalInput.CODE, message = "must be 1 to 64 lower-case letters, digits or '-'") String code,
        @NotNull @Pattern(regexp = "action|project", message = "must be action or project") String kind,
        @NotBlank @Size(max = 300) String title,
        @Size(max = 4000) String description,
        @Schema(description = "The goal it belongs to, if any")
        @Pattern(regexp = GoalInput.CODE, message = "must be 1 to 64 lower-case letters, digits or '-'") String goal,
        @Size(max = 200) String responsibleDepartment,
        @Schema(description = "Code of a schools-service construction project this action stands for")
        @Size(max = 64) String constructionProject,
        @Min(2000) @Max(2100) Integer firstYear,
        @Min(2000) @Max(2100) Integer lastYear,
        @Schema(description = "Codes of the plan's targets this action serves")
        List<@NotNull @Pattern(regexp = GoalInput.CODE, message = "must be a target code") String> targets) {

    static ActionInput of(PlanAction a) {
        return new ActionInput(a.code, a.kind, a.title, a.description, a.goalCode, a.responsibleDepartment,
                a.constructionProject, a.firstYear, a.lastYear, a.targetCodes.stream().sorted().toList());
    }

    ActionInput normalized(String actionCode) {
        return new ActionInput(actionCode, kind, title, description, goal, responsibleDepartment, constructionProject,
                firstYear, lastYear, targets == null ? List.of() : targets.stream().sorted().toList());
    }
}
