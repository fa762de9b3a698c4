package io.dengta.schools.assignment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An assignment as the API shows it. */
@Schema(name = "Assignment")
public record AssignmentView(
        UUID id,
        String teacher,
        String school,
        LocalDate startsOn,
        LocalDate endsOn,
        BigDecimal fte,
        String role,
        String kind,
        String originSchool,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static AssignmentView of(Assignment a) {
        return new AssignmentView(a.id, a.teacherCode, a.schoolCode, a.startsOn, a.endsOn, a.fte, a.role, a.kind,
                a.originSchool, a.version, a.createdAt, a.updatedAt);
    }
}
