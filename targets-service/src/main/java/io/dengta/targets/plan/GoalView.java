package io.dengta.targets.plan;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A goal as the API shows it. */
@Schema(name = "Goal")
public record GoalView(
        String plan,
        String code,
        String parent,
        String title,
        String description,
        String responsibleDepartment,
        int position,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static GoalView of(Goal g) {
        return new GoalView(g.planCode, g.code, g.parentCode, g.title, g.description, g.responsibleDepartment, g.position,
                g.version, g.createdAt, g.updatedAt);
    }
}
