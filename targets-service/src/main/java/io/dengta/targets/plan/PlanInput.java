package io.dengta.targets.plan;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /targets/v1/plans/{planCode}}; {@code code} is optional (if given it must match the path). */
@Schema(name = "PlanInput", example = """
        {"title": "栖霞区对标找差行动方案", "kind": "benchmarking", "ownerRegion": "320113", "firstYear": 2024,
         "lastYear": 2025, "status": "active", "sourceDocument": "栖霞区教育对标找差行动方案", "source": "seed"}""")
public record PlanInput(
        @Pattern(regexp = PlanInput.CODE, message = "must be 2 to 64 lower-case letters, digits or '-'") String code,
        @NotBlank @Size(max = 300) String title,
        @NotNull @Pattern(regexp = "five-year|three-year-action|annual|benchmarking",
                message = "must be five-year, three-year-action, annual or benchmarking") String kind,
        @NotNull @Pattern(regexp = "\\d{6}", message = "must be a 6-digit region code") String ownerRegion,
        @NotNull @Min(2000) @Max(2100) Integer firstYear,
        @NotNull @Min(2000) @Max(2100) Integer lastYear,
        @NotNull @Pattern(regexp = "draft|active|closed", message = "must be draft, active or closed") String status,
        @Size(max = 500) String sourceDocument,
        @Size(max = 4000) String description,
        @Schema(description = "Where the record comes from; `seed` marks the demo plans encoded from the seed documents")
        @Size(max = 100) String source) {

    public static final String CODE = "[a-z0-9][a-z0-9-]{1,63}";

    static PlanInput of(Plan p) {
        return new PlanInput(p.code, p.title, p.kind, p.ownerRegion, p.firstYear, p.lastYear, p.status, p.sourceDocument,
                p.description, p.source);
    }

    PlanInput withCode(String planCode) {
        return new PlanInput(planCode, title, kind, ownerRegion, firstYear, lastYear, status, sourceDocument, description,
                source);
    }
}
