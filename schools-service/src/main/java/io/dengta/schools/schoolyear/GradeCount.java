package io.dengta.schools.schoolyear;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One grade's pupils and classes in a school year (in requests and responses). */
@Schema(name = "GradeCount")
public record GradeCount(
        @Schema(description = "年级 (grade): k1–k3 (幼儿园 kindergarten), p1–p6 (小学 primary), j1–j3 (初中 junior), "
                + "s1–s3 (高中 senior), v1–v3 (中职 vocational), sp1–sp9 (特殊教育 special)", example = "p1")
        @NotNull @Pattern(regexp = Grades.PATTERN, message = "must be a grade code: k1-k3, p1-p6, j1-j3, s1-s3, "
                + "v1-v3 or sp1-sp9") String grade,
        @Schema(description = "在校生数: pupils enrolled in the grade", example = "270")
        @NotNull @PositiveOrZero @Max(100000) Integer pupils,
        @Schema(description = "班级数: classes of the grade", example = "6")
        @NotNull @PositiveOrZero @Max(2000) Integer classes) {
}
