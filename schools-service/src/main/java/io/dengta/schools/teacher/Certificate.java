package io.dengta.schools.teacher;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A teaching certificate (教师资格证): its type, the stage it qualifies for, and its number. */
@Schema(name = "TeacherCertificate", example = """
        {"type": "教师资格证", "stage": "primary", "number": "20193201142000123"}""")
public record Certificate(
        @NotBlank @Size(max = 100) String type,
        @Schema(description = "kindergarten, primary, junior, senior, vocational or special") @NotNull String stage,
        @NotBlank @Size(max = 50) String number) {
}
