package io.dengta.schools.teacher;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.dengta.commons.problem.FieldError;
import io.dengta.schools.school.Stage;

/** What makes a teacher record consistent: its codes, the employing school, personal data, honours, subjects. */
final class TeacherRules {

    static final Pattern STAFF_CODE = Pattern.compile("[A-Za-z0-9-]{4,32}");
    static final int MIN_AGE = 16;
    static final int MAX_AGE = 80;

    /**
     * What the rules need to know beyond the body.
     *
     * @param teachesAtVocationalSchool the employing school or a current assignment's school offers vocational
     * @param storedBirthDate the birth date on record, used when the body leaves it out
     */
    record Context(boolean employingSchoolExists, boolean teachesAtVocationalSchool, LocalDate storedBirthDate,
            LocalDate today) {
    }

    private TeacherRules() {
    }

    static Optional<FieldError> checkStaffCode(String staffCode) {
        if (staffCode == null || !STAFF_CODE.matcher(staffCode).matches()) {
            return Optional.of(new FieldError("staffCode", "invalid_format",
                    "a staff code is 4 to 32 letters, digits or '-'"));
        }
        return Optional.empty();
    }

    static List<FieldError> check(TeacherInput in, Context context) {
        List<FieldError> errors = new ArrayList<>();
        if (!context.employingSchoolExists()) {
            errors.add(new FieldError("/employingSchool", "unknown_school",
                    "school " + in.employingSchool() + " does not exist"));
        }
        checkBirthDate(in.birthDate(), context.today(), errors);
        checkNationalId(in.nationalId(), in.birthDate() != null ? in.birthDate() : context.storedBirthDate(), errors);
        checkHonours(in.honours(), context.today(), errors);
        checkSubjects(in.subjects(), errors);
        if (in.certificate() != null && in.certificate().stage() != null
                && !Stage.ALL.contains(in.certificate().stage())) {
            errors.add(new FieldError("/certificate/stage", "unknown_value",
                    "unknown stage '" + in.certificate().stage() + "'; one of " + String.join(", ", Stage.ALL)));
        }
        if (Boolean.TRUE.equals(in.dualQualified()) && !context.teachesAtVocationalSchool()) {
            errors.add(new FieldError("/dualQualified", "not_vocational",
                    "only a teacher at a vocational school can be dual-qualified (双师型)"));
        }
        return errors;
    }

    private static void checkBirthDate(LocalDate birthDate, LocalDate today, List<FieldError> errors) {
        if (birthDate == null) {
            return;
        }
        if (!birthDate.isBefore(today)) {
            errors.add(new FieldError("/birthDate", "not_in_past", "must be in the past"));
            return;
        }
        int age = Period.between(birthDate, today).getYears();
        if (age < MIN_AGE || age > MAX_AGE) {
            errors.add(new FieldError("/birthDate", "out_of_range",
                    "a teacher is " + MIN_AGE + " to " + MAX_AGE + " years old, not " + age));
        }
    }

    // messages never repeat the ID: problem details end up in clients' logs
    private static void checkNationalId(String raw, LocalDate birthDate, List<FieldError> errors) {
        if (raw == null) {
            return;
        }
        String id = NationalIds.normalize(raw);
        if (!NationalIds.hasFormat(id)) {
            errors.add(new FieldError("/nationalId", "invalid_format", "must be 18 characters: 17 digits and a digit or X"));
        } else if (!NationalIds.hasValidCheckCharacter(id)) {
            errors.add(new FieldError("/nationalId", "invalid_check_character",
                    "the last character is not the GB 11643 check character of the others"));
        } else if (NationalIds.birthDate(id).isEmpty()) {
            errors.add(new FieldError("/nationalId", "invalid_format", "characters 7 to 14 must be a birth date"));
        } else if (birthDate != null && !NationalIds.birthDate(id).get().equals(birthDate)) {
            errors.add(new FieldError("/nationalId", "inconsistent_with_birth_date",
                    "the birth date in the national ID differs from birthDate"));
        }
    }

    private static void checkHonours(List<Honour> honours, LocalDate today, List<FieldError> errors) {
        if (honours == null) {
            return;
        }
        for (int i = 0; i < honours.size(); i++) {
            Honour h = honours.get(i);
            if (h == null || h.awardedOn() == null) {
                continue; // bean validation reports these
            }
            if (h.awardedOn().isAfter(today)) {
                errors.add(new FieldError("/honours/" + i + "/awardedOn", "in_future", "cannot be after today"));
            }
            if (h.expiresOn() != null && !h.expiresOn().isAfter(h.awardedOn())) {
                errors.add(new FieldError("/honours/" + i + "/expiresOn", "not_after_awarded",
                        "must be after awardedOn"));
            }
        }
    }

    private static void checkSubjects(List<String> subjects, List<FieldError> errors) {
        if (subjects == null || subjects.isEmpty()) {
            errors.add(new FieldError("/subjects", "required", "at least one subject, the main subject first"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < subjects.size(); i++) {
            String subject = subjects.get(i);
            if (subject == null || !TeacherCodes.SUBJECTS.contains(subject)) {
                errors.add(new FieldError("/subjects/" + i, "unknown_value", "unknown subject '" + subject + "'"));
            } else if (!seen.add(subject)) {
                errors.add(new FieldError("/subjects/" + i, "duplicate", "subject '" + subject + "' is listed twice"));
            }
        }
    }
}
