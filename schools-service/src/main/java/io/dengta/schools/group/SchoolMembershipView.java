package io.dengta.schools.group;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One period of a school's membership of a group, seen from the school ({@code GET /schools/{code}/groups}). */
@Schema(name = "SchoolGroupMembership", example = """
        {"group": "QX-SYXX", "name": "栖霞区实验小学教育集团", "kind": "education-group", "region": "320113",
         "leadSchool": "3201130001", "lead": false, "joinedOn": "2019-09-01", "leftOn": "2023-08-31"}""")
public record SchoolMembershipView(
        String group,
        String name,
        String nameEn,
        String kind,
        String region,
        String leadSchool,
        boolean lead,
        LocalDate joinedOn,
        LocalDate leftOn) {

    static SchoolMembershipView of(SchoolGroup g, SchoolGroupMember m) {
        return new SchoolMembershipView(g.code, g.name, g.nameEn, g.kind, g.regionCode, g.leadSchoolCode,
                g.leadSchoolCode.equals(m.schoolCode), m.joinedOn, m.leftOn);
    }
}
