package io.dengta.schools.group;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A school group as the API shows it; members ordered by joining date, then school code. */
@Schema(name = "SchoolGroup", example = """
        {"code": "QX-SYXX", "name": "栖霞区实验小学教育集团", "kind": "education-group", "region": "320113",
         "leadSchool": "3201130001", "foundedOn": "2019-09-01",
         "members": [{"school": "3201130001", "joinedOn": "2019-09-01"},
                     {"school": "3201130002", "joinedOn": "2019-09-01", "leftOn": "2023-08-31"}],
         "source": "synthetic-demo", "version": 0, "createdAt": "2026-01-01T00:00:00Z",
         "updatedAt": "2026-01-01T00:00:00Z"}""")
public record SchoolGroupView(
        String code,
        String name,
        String nameEn,
        String kind,
        String region,
        String leadSchool,
        LocalDate foundedOn,
        List<Member> members,
        String source,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    @Schema(name = "SchoolGroupMember")
    public record Member(String school, LocalDate joinedOn, LocalDate leftOn) {
    }

    static SchoolGroupView of(SchoolGroup g, List<SchoolGroupMember> members) {
        return new SchoolGroupView(g.code, g.name, g.nameEn, g.kind, g.regionCode, g.leadSchoolCode, g.foundedOn,
                members.stream().map(m -> new Member(m.schoolCode, m.joinedOn, m.leftOn)).toList(), g.source,
                g.version, g.createdAt, g.updatedAt);
    }
}
