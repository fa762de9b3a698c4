package io.dengta.schools.group;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.dengta.commons.problem.FieldError;
import io.dengta.commons.security.RegionCodes;

/**
 * What makes a group consistent: its members exist and their periods are ordered and do not overlap per
 * school, it has at least two schools, its lead school is a member at the right time, and an education group
 * stays within its owner region (a district partnership or an alliance may span regions).
 */
final class SchoolGroupRules {

    static final String EDUCATION_GROUP = "education-group";

    private SchoolGroupRules() {
    }

    /**
     * @param schoolRegions the region of every member school that exists, by school code
     * @param today the bureau's today (Asia/Shanghai)
     */
    static List<FieldError> check(SchoolGroupInput in, boolean regionExists, Map<String, String> schoolRegions,
            LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (!regionExists) {
            errors.add(new FieldError("/region", "unknown_region", "region " + in.region() + " does not exist"));
        }
        List<SchoolGroupInput.Member> members = in.members() == null ? List.of() : in.members();
        for (int i = 0; i < members.size(); i++) {
            checkMember(in, i, members, regionExists, schoolRegions, errors);
        }
        Set<String> schools = new LinkedHashSet<>();
        members.stream().filter(Objects::nonNull).map(SchoolGroupInput.Member::school).filter(Objects::nonNull)
                .forEach(schools::add);
        if (schools.size() < 2) {
            errors.add(new FieldError("/members", "too_few_members",
                    "a group needs at least two member schools, not " + schools.size()));
        }
        checkLead(in, members, today, errors);
        return errors;
    }

    /** True when the membership includes {@code day} (both ends included, open end: still a member). */
    static boolean covers(SchoolGroupInput.Member m, LocalDate day) {
        return !m.joinedOn().isAfter(day) && (m.leftOn() == null || !m.leftOn().isBefore(day));
    }

    private static void checkMember(SchoolGroupInput in, int i, List<SchoolGroupInput.Member> members,
            boolean regionExists, Map<String, String> schoolRegions, List<FieldError> errors) {
        SchoolGroupInput.Member m = members.get(i);
        if (m == null || m.school() == null || m.joinedOn() == null) {
            return; // bean validation reports these
        }
        String pointer = "/members/" + i;
        String schoolRegion = schoolRegions.get(m.school());
        if (schoolRegion == null) {
            errors.add(new FieldError(pointer + "/school", "unknown_school", "school " + m.school() + " does not exist"));
        } else if (EDUCATION_GROUP.equals(in.kind()) && regionExists && !RegionCodes.covers(in.region(), schoolRegion)) {
            errors.add(new FieldError(pointer + "/school", "outside_region", "school " + m.school() + " is in region "
                    + schoolRegion + ", outside the education group's region " + in.region()
                    + " (a district-partnership may span regions)"));
        }
        if (m.leftOn() != null && m.leftOn().isBefore(m.joinedOn())) {
            errors.add(new FieldError(pointer + "/leftOn", "before_joining", "cannot be before joinedOn"));
        }
        for (int j = 0; j < i; j++) {
            SchoolGroupInput.Member earlier = members.get(j);
            if (earlier != null && m.school().equals(earlier.school()) && earlier.joinedOn() != null
                    && overlap(earlier, m)) {
                errors.add(new FieldError(pointer, "overlapping_membership", "school " + m.school()
                        + " is already a member in this period (see /members/" + j + ")"));
                break;
            }
        }
    }

    private static boolean overlap(SchoolGroupInput.Member a, SchoolGroupInput.Member b) {
        return (b.leftOn() == null || !a.joinedOn().isAfter(b.leftOn()))
                && (a.leftOn() == null || !b.joinedOn().isAfter(a.leftOn()));
    }

    /**
     * The lead school must be a member when the group was founded, or today: a group keeps the lead it was
     * founded with, or names a current member when the lead changed. Without a founding date: today.
     */
    private static void checkLead(SchoolGroupInput in, List<SchoolGroupInput.Member> members, LocalDate today,
            List<FieldError> errors) {
        if (in.leadSchool() == null) {
            return;
        }
        List<SchoolGroupInput.Member> periods = members.stream()
                .filter(m -> m != null && in.leadSchool().equals(m.school()) && m.joinedOn() != null).toList();
        if (periods.isEmpty()) {
            errors.add(new FieldError("/leadSchool", "not_a_member",
                    "the lead school " + in.leadSchool() + " must be one of the members"));
            return;
        }
        boolean atFounding = in.foundedOn() != null && periods.stream().anyMatch(m -> covers(m, in.foundedOn()));
        boolean now = periods.stream().anyMatch(m -> covers(m, today));
        if (!atFounding && !now) {
            errors.add(new FieldError("/leadSchool", "lead_not_a_member_then", in.foundedOn() == null
                    ? "the lead school must be a member today"
                    : "the lead school must be a member on the founding date " + in.foundedOn() + " or today"));
        }
    }
}
