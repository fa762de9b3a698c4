package io.dengta.schools.statistics;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One statistic of a school or region for a stage (or over all stages), with what it is computed from. */
@Schema(name = "Statistic", example = """
        {"statistic": "pupil-teacher-ratio", "indicator": "ce.pupil_teacher_ratio", "name": "生师比",
         "nameEn": "Pupil-teacher ratio", "stage": "primary", "numerator": 540, "denominator": 30.5, "value": 17.7,
         "unit": "ratio"}""")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StatisticView(
        @Schema(description = "The statistic's stable name in this API (also when the catalog has no indicator code)",
                example = "pupil-teacher-ratio") String statistic,
        @Schema(description = "The catalog's indicator code it is published as; null when the catalog has none",
                nullable = true) String indicator,
        @Schema(description = "Official Chinese name") String name,
        @Schema(description = "English name") String nameEn,
        @Schema(description = "学段 the statistic is for; null: over all stages", nullable = true) String stage,
        @Schema(description = "Sum of the numerators of the schools (e.g. pupils, teachers, m², classes)") BigDecimal numerator,
        @Schema(description = "Sum of the denominators of the schools; null for counts", nullable = true) BigDecimal denominator,
        @Schema(description = "numerator ÷ denominator (× 100 for per100 and %), 2 decimals; null when the denominator "
                + "is 0 (no data)", nullable = true) BigDecimal value,
        @Schema(description = "ratio, per100, %, m2, CNY or count") String unit) {
}
