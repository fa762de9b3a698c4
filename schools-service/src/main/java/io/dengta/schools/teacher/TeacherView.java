package io.dengta.schools.teacher;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A teacher as the API shows it. The personal fields are left out (not null) for callers who may not see
 * them: only platform admins and the clerks of the employing school do.
 */
@Schema(name = "Teacher")
public record TeacherView(
        String staffCode,
        String name,
        String gender,
        @Schema(description = "Personal: only for platform admins and clerks of the employing school")
        @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate birthDate,
        @Schema(description = "Personal: the last 4 characters of the national ID")
        @JsonInclude(JsonInclude.Include.NON_NULL) String nationalIdLast4,
        @Schema(description = "Personal") @JsonInclude(JsonInclude.Include.NON_NULL) String phone,
        String employingSchool,
        String highestDegree,
        Certificate certificate,
        String title,
        List<Honour> honours,
        List<String> subjects,
        String employment,
        boolean dualQualified,
        String status,
        String source,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** @param personal whether the caller may see the personal fields */
    static TeacherView of(Teacher t, boolean personal) {
        Certificate certificate = t.certificateStage == null ? null
                : new Certificate(t.certificateType, t.certificateStage, t.certificateNumber);
        List<Honour> honours = t.honours.stream()
                .map(h -> new Honour(h.kind, h.level, h.awardedOn, h.expiresOn)).toList();
        return new TeacherView(t.staffCode, t.name, t.gender,
                personal ? t.birthDate : null, personal ? t.nationalIdLast4 : null, personal ? t.phone : null,
                t.employingSchool, t.highestDegree, certificate, t.title, honours, List.copyOf(t.subjects),
                t.employment, t.dualQualified, t.status, t.source, t.version, t.createdAt, t.updatedAt);
    }
}
