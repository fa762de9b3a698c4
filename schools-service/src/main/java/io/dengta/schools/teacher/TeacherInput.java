package io.dengta.schools.teacher;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PUT /schools/v1/teachers/{staffCode}}, and one row of a JSON teachers import. Personal fields
 * (birthDate, nationalId, phone) that are left out keep their stored values: callers who may not read them can
 * still replace the rest. {@code staffCode} is optional in a PUT (the path names the teacher; if given it must
 * match) and required in an import.
 */
@Schema(name = "TeacherInput", example = """
        {"name": "王丽", "gender": "female", "birthDate": "1986-03-15", "nationalId": "32011319860315004X",
         "phone": "13900001111", "employingSchool": "3201130001", "highestDegree": "master",
         "certificate": {"type": "教师资格证", "stage": "primary", "number": "20193201142000123"},
         "title": "first",
         "honours": [{"kind": "key-teacher", "level": "district", "awardedOn": "2022-09-10", "expiresOn": "2025-09-09"}],
         "subjects": ["math", "science"], "employment": "established", "dualQualified": false, "status": "active",
         "source": "synthetic-demo"}""")
public record TeacherInput(
        @Schema(description = "Optional in a PUT (must match the path); required in an import")
        @Pattern(regexp = "[A-Za-z0-9-]{4,32}", message = "must be a staff code: 4 to 32 letters, digits or '-'") String staffCode,
        @NotBlank @Size(max = 100) String name,
        @NotNull @Pattern(regexp = "female|male", message = "must be female or male") String gender,
        @Schema(description = "Personal") LocalDate birthDate,
        @Schema(description = "Personal, write-only: 18 characters (GB 11643). Stored as a salted hash plus the last 4 "
                + "characters; never returned") @Size(max = 18) String nationalId,
        @Schema(description = "Personal") @Pattern(regexp = "\\+?[0-9][0-9 -]{4,24}",
                message = "must be a phone number: digits, spaces or '-', optionally starting with +") String phone,
        @Schema(description = "10-digit code of the school holding the teacher's post (编制/人事关系)")
        @NotNull @Pattern(regexp = "\\d{10}", message = "must be a 10-digit school code") String employingSchool,
        @NotNull @Pattern(regexp = "secondary|associate|bachelor|master|doctorate",
                message = "must be secondary, associate, bachelor, master or doctorate") String highestDegree,
        @Valid Certificate certificate,
        @NotNull @Pattern(regexp = "none|third|second|first|senior|professor-senior",
                message = "must be none, third, second, first, senior or professor-senior") String title,
        @Size(max = 50) List<@NotNull @Valid Honour> honours,
        @Schema(description = "Subject codes, the main subject first") @Size(max = 20) List<String> subjects,
        @NotNull @Pattern(regexp = "established|contract", message = "must be established or contract") String employment,
        @Schema(description = "双师型; only for teachers at a vocational school") Boolean dualQualified,
        @NotNull @Pattern(regexp = "active|on-leave|retired|left",
                message = "must be active, on-leave, retired or left") String status,
        @Size(max = 200) String source) {

    /**
     * The input that would reproduce this teacher as stored, for telling an unchanged row. The national ID is
     * left out: only its hash is stored, and the service compares hashes.
     */
    static TeacherInput of(Teacher t) {
        Certificate certificate = t.certificateStage == null ? null
                : new Certificate(t.certificateType, t.certificateStage, t.certificateNumber);
        List<Honour> honours = t.honours.stream()
                .map(h -> new Honour(h.kind, h.level, h.awardedOn, h.expiresOn)).toList();
        return new TeacherInput(t.staffCode, t.name, t.gender, t.birthDate, null, t.phone, t.employingSchool,
                t.highestDegree, certificate, t.title, honours, List.copyOf(t.subjects), t.employment,
                t.dualQualified, t.status, t.source);
    }

    /**
     * This input as it would be stored over {@code stored} (null for a new teacher): personal fields left out
     * keep the stored values, absent lists are empty, an absent flag is false; the national ID is left out.
     */
    TeacherInput normalized(String code, Teacher stored) {
        return new TeacherInput(code, name, gender,
                birthDate == null && stored != null ? stored.birthDate : birthDate, null,
                phone == null && stored != null ? stored.phone : phone, employingSchool, highestDegree, certificate,
                title, honours == null ? List.of() : List.copyOf(honours),
                subjects == null ? null : List.copyOf(subjects), employment, Boolean.TRUE.equals(dualQualified),
                status, source);
    }
}
