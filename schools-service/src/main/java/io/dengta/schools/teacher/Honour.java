package io.dengta.schools.teacher;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An honour (骨干教师, 学科带头人, 名师, 特级教师, 名校长, …) at a level, awarded on a date, possibly expiring. */
@Schema(name = "TeacherHonour", example = """
        {"kind": "key-teacher", "level": "district", "awardedOn": "2022-09-10", "expiresOn": "2025-09-09"}""")
public record Honour(
        @NotNull @Pattern(regexp = "key-teacher|subject-leader|famous-teacher|special-grade|famous-principal|other",
                message = "must be key-teacher, subject-leader, famous-teacher, special-grade, famous-principal or other") String kind,
        @NotNull @Pattern(regexp = "school|district|city|province|national",
                message = "must be school, district, city, province or national") String level,
        @NotNull LocalDate awardedOn,
        LocalDate expiresOn) {
}
