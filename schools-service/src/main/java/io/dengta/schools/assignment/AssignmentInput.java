package io.dengta.schools.assignment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /schools/v1/assignments} and {@code PUT /schools/v1/assignments/{id}}, and one row of an
 * assignments import (JSON object or CSV line with these field names), where (teacher, school, startsOn, kind) is
 * the natural key.
 */
@Schema(name = "AssignmentInput", example = """
        {"teacher": "T-320113-0001", "school": "3201130002", "startsOn": "2024-09-01", "endsOn": "2025-08-31",
         "fte": 1, "role": "teacher", "kind": "rotation", "originSchool": "3201130001"}""")
public record AssignmentInput(
        @Schema(description = "Staff code of the teacher")
        @NotNull @Pattern(regexp = "[A-Za-z0-9-]{4,32}", message = "must be a staff code: 4 to 32 letters, digits or '-'") String teacher,
        @Schema(description = "10-digit code of the school the teacher works at")
        @NotNull @Pattern(regexp = "\\d{10}", message = "must be a 10-digit school code") String school,
        @NotNull LocalDate startsOn,
        @Schema(description = "Last day (inclusive); open-ended when absent") LocalDate endsOn,
        @Schema(description = "Full-time equivalent: more than 0, at most 1, two decimals") @NotNull BigDecimal fte,
        @NotNull @Pattern(regexp = "teacher|principal|vice-principal|other",
                message = "must be teacher, principal, vice-principal or other") String role,
        @Schema(description = "regular; rotation (交流轮岗) or support (支教) with the origin school")
        @NotNull @Pattern(regexp = "regular|rotation|support", message = "must be regular, rotation or support") String kind,
        @Schema(description = "The school the teacher comes from: required for rotation and support, not for regular")
        @Pattern(regexp = "\\d{10}", message = "must be a 10-digit school code") String originSchool) {

    /** The input that would reproduce this assignment as stored (to tell an unchanged row). */
    static AssignmentInput of(Assignment a) {
        return new AssignmentInput(a.teacherCode, a.schoolCode, a.startsOn, a.endsOn, a.fte.setScale(2), a.role,
                a.kind, a.originSchool);
    }

    /** This input as it would be stored: the FTE at the column's two decimals. */
    AssignmentInput normalized() {
        return new AssignmentInput(teacher, school, startsOn, endsOn, fte.setScale(2, RoundingMode.HALF_UP), role,
                kind, originSchool);
    }
}
