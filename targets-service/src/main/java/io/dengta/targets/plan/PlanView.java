package io.dengta.targets.plan;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A plan as the API shows it. */
@Schema(name = "Plan")
public record PlanView(
        String code,
        String title,
        @Schema(description = "five-year, three-year-action, annual, benchmarking") String kind,
        String ownerRegion,
        int firstYear,
        int lastYear,
        @Schema(description = "draft, active, closed") String status,
        String sourceDocument,
        String description,
        @Schema(description = "`seed` for the demo plans encoded from the seed documents") String source,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static PlanView of(Plan p) {
        return new PlanView(p.code, p.title, p.kind, p.ownerRegion, p.firstYear, p.lastYear, p.status, p.sourceDocument,
                p.description, p.source, p.version, p.createdAt, p.updatedAt);
    }
}
