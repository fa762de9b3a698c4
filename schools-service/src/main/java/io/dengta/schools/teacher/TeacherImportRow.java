package io.dengta.schools.teacher;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dengta.commons.problem.FieldError;
import io.dengta.commons.problem.ProblemException;

/**
 * One row of a CSV teachers import: the fields of {@link TeacherInput}, flattened so that a spreadsheet can hold
 * them. JSON imports use the nested TeacherInput shape instead; {@link #toInput()} turns this row into that shape,
 * and the row is then checked exactly like a PUT body.
 * <ul>
 * <li>{@code certificateType}, {@code certificateStage}, {@code certificateNumber}: the certificate; all three
 * empty means no certificate.</li>
 * <li>{@code honours}: honours separated by {@code |}, each {@code kind:level:awardedOn[:expiresOn]}, e.g.
 * {@code key-teacher:district:2022-09-01:2025-08-31|subject-leader:city:2023-12-01}.</li>
 * <li>{@code subjects}: subject codes separated by {@code |}, the main subject first, e.g. {@code chinese|math}.</li>
 * <li>{@code dualQualified}: {@code true} or {@code false} (empty is false).</li>
 * <li>{@code birthDate}, {@code nationalId}, {@code phone}: personal; empty keeps the stored value. The national ID
 * is stored only as a salted hash and its last 4 characters, and never appears in the report.</li>
 * </ul>
 */
public record TeacherImportRow(
        String staffCode,
        String name,
        String gender,
        LocalDate birthDate,
        String nationalId,
        String phone,
        String employingSchool,
        String highestDegree,
        String certificateType,
        String certificateStage,
        String certificateNumber,
        String title,
        List<String> honours,
        List<String> subjects,
        String employment,
        Boolean dualQualified,
        String status,
        String source) {

    /** The CSV columns, in the documented order. */
    public static final List<String> COLUMNS = List.of("staffCode", "name", "gender", "birthDate", "nationalId",
            "phone", "employingSchool", "highestDegree", "certificateType", "certificateStage", "certificateNumber",
            "title", "honours", "subjects", "employment", "dualQualified", "status", "source");

    private static final Pattern HONOUR = Pattern.compile("([^:]*):([^:]*):([^:]*)(?::([^:]*))?");

    /** The row as a TeacherInput; a malformed honour is a field error of the {@code honours} column. */
    public TeacherInput toInput() {
        List<FieldError> errors = new ArrayList<>();
        List<Honour> parsedHonours = null;
        if (honours != null) {
            parsedHonours = new ArrayList<>();
            for (int i = 0; i < honours.size(); i++) {
                Honour honour = honour(honours.get(i), "/honours/" + i, errors);
                if (honour != null) {
                    parsedHonours.add(honour);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Certificate certificate = certificateType == null && certificateStage == null && certificateNumber == null
                ? null
                : new Certificate(certificateType, certificateStage, certificateNumber);
        return new TeacherInput(staffCode, name, gender, birthDate, nationalId, phone, employingSchool, highestDegree,
                certificate, title, parsedHonours, subjects, employment, dualQualified, status, source);
    }

    /**
     * Where an error about the converted input belongs in the CSV: the certificate's fields are columns of their
     * own; every other pointer already names a column (and, for lists, the item).
     */
    public static String column(String pointer) {
        return switch (pointer) {
            case "/certificate/type" -> "/certificateType";
            case "/certificate/stage" -> "/certificateStage";
            case "/certificate/number" -> "/certificateNumber";
            default -> pointer;
        };
    }

    private static Honour honour(String text, String at, List<FieldError> errors) {
        Matcher m = HONOUR.matcher(text);
        if (!m.matches()) {
            errors.add(new FieldError(at, "invalid_format",
                    "an honour is kind:level:awardedOn[:expiresOn], e.g. key-teacher:district:2022-09-01:2025-08-31"));
            return null;
        }
        LocalDate awardedOn = date(m.group(3), at + "/awardedOn", errors);
        LocalDate expiresOn = m.group(4) == null || m.group(4).isBlank() ? null
                : date(m.group(4), at + "/expiresOn", errors);
        return new Honour(blankToNull(m.group(1)), blankToNull(m.group(2)), awardedOn, expiresOn);
    }

    private static LocalDate date(String text, String at, List<FieldError> errors) {
        if (text.isBlank()) {
            return null; // bean validation reports a missing awardedOn
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(at, "invalid_date", "'" + text + "' is not a date such as 2022-09-01"));
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text.isBlank() ? null : text.trim();
    }
}
