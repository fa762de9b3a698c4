package io.dengta.targets.plan;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An action or project of a plan as the API shows it. */
@Schema(name = "Action")
public record ActionView(
        String plan,
        String code,
        @Schema(description = "action, project") String kind,
        String title,
        String description,
        String goal,
        String responsibleDepartment,
        String constructionProject,
        Integer firstYear,
        Integer lastYear,
        @Schema(description = "Codes of the targets it serves") List<String> targets,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static ActionView of(PlanAction a) {
        return new ActionView(a.planCode, a.code, a.kind, a.title, a.description, a.goalCode, a.responsibleDepartment,
                a.constructionProject, a.firstYear, a.lastYear, List.copyOf(a.targetCodes), a.version, a.createdAt,
                a.updatedAt);
    }
}
