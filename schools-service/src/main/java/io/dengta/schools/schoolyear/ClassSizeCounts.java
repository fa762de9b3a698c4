package io.dengta.schools.schoolyear;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Classes by size (班额). "Over N" means more than N pupils: over 45 and over 50 break the primary and junior
 * class-size standards (班额达标), over 55 is 大班额 (56+), over 65 is 超大班额 (66+). So each count includes the next:
 * over65 ≤ over55 ≤ over50 ≤ over45 ≤ classes.
 */
@Schema(name = "ClassSizeCounts")
public record ClassSizeCounts(
        @Schema(description = "超过45人的班级数: classes with more than 45 pupils (46+; over the primary standard)", example = "3")
        @NotNull @PositiveOrZero Integer classesOver45,
        @Schema(description = "超过50人的班级数: classes with more than 50 pupils (51+; over the junior standard)", example = "1")
        @NotNull @PositiveOrZero Integer classesOver50,
        @Schema(description = "大班额: classes with more than 55 pupils (56+)", example = "0")
        @NotNull @PositiveOrZero Integer classesOver55,
        @Schema(description = "超大班额: classes with more than 65 pupils (66+)", example = "0")
        @NotNull @PositiveOrZero Integer classesOver65) {
}
