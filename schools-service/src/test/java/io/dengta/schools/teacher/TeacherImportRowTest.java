package io.dengta.schools.teacher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.dengta.commons.problem.FieldError;
import io.dengta.commons.problem.ProblemException;

/** The flat CSV layout of a teacher and its conversion to the PUT body's shape. */
class TeacherImportRowTest {

    private static TeacherImportRow row(List<String> honours, String certificateType, String certificateStage,
            String certificateNumber) {
        return new TeacherImportRow("T-0001", "王丽", "female", null, null, null, "3201130001", "bachelor",
                certificateType, certificateStage, certificateNumber, "second", honours, List.of("chinese", "math"),
                "established", null, "active", "test");
    }

    @Test
    void honoursAreKindLevelAwardedOnAndAnOptionalExpiry() {
        TeacherInput input = row(List.of("key-teacher:district:2022-09-01:2025-08-31", "subject-leader:city:2024-12-01"),
                null, null, null).toInput();
        assertEquals(List.of(
                new Honour("key-teacher", "district", LocalDate.of(2022, 9, 1), LocalDate.of(2025, 8, 31)),
                new Honour("subject-leader", "city", LocalDate.of(2024, 12, 1), null)), input.honours());
        assertEquals(List.of("chinese", "math"), input.subjects());
        assertEquals("T-0001", input.staffCode());
    }

    @Test
    void anHonourWithTooFewPartsIsInvalidFormat() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> row(List.of("key-teacher:2022-09-01:2025-08-31:x:y", "key-teacher"), null, null, null)
                        .toInput());
        assertEquals(List.of("/honours/0", "/honours/1"), e.errors().stream().map(FieldError::pointer).toList());
        assertEquals(List.of("invalid_format", "invalid_format"), e.errors().stream().map(FieldError::code).toList());
    }

    @Test
    void anHonourWithAnImpossibleDateNamesTheDate() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> row(List.of("key-teacher:district:2022-02-30:2025-08-31", "other:school:2022-09-01:2025-13-01"),
                        null, null, null).toInput());
        assertEquals(List.of(new FieldError("/honours/0/awardedOn", "invalid_date",
                "'2022-02-30' is not a date such as 2022-09-01"),
                new FieldError("/honours/1/expiresOn", "invalid_date", "'2025-13-01' is not a date such as 2022-09-01")),
                e.errors());
    }

    @Test
    void emptyHonourPartsAreLeftForBeanValidation() {
        TeacherInput input = row(List.of("::2022-09-01"), null, null, null).toInput();
        assertEquals(new Honour(null, null, LocalDate.of(2022, 9, 1), null), input.honours().get(0));
    }

    @Test
    void noHonoursColumnMeansNoHonours() {
        assertNull(row(null, null, null, null).toInput().honours());
    }

    @Test
    void threeEmptyCertificateColumnsMeanNoCertificate() {
        assertNull(row(null, null, null, null).toInput().certificate());
        assertEquals(new Certificate("教师资格证", null, "2019"), row(null, "教师资格证", null, "2019").toInput().certificate());
    }

    @Test
    void certificateErrorsNameTheirOwnColumns() {
        assertEquals("/certificateType", TeacherImportRow.column("/certificate/type"));
        assertEquals("/certificateStage", TeacherImportRow.column("/certificate/stage"));
        assertEquals("/certificateNumber", TeacherImportRow.column("/certificate/number"));
        assertEquals("/honours/1/level", TeacherImportRow.column("/honours/1/level"));
        assertEquals("/nationalId", TeacherImportRow.column("/nationalId"));
    }

    @Test
    void theColumnsAreTheRowsComponents() {
        assertEquals(TeacherImportRow.COLUMNS, java.util.Arrays.stream(TeacherImportRow.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName).toList());
    }
}
