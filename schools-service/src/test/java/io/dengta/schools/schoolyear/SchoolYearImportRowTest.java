package io.dengta.schools.schoolyear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The wide CSV layout of school-year facts (a pair of columns per grade) and its conversion to the PUT body. */
class SchoolYearImportRowTest {

    /** A row with the named components set (name, value, …) and every other one empty. */
    private static SchoolYearImportRow row(Object... values) {
        RecordComponent[] components = SchoolYearImportRow.class.getRecordComponents();
        Object[] arguments = new Object[components.length];
        for (int i = 0; i + 1 < values.length; i += 2) {
            int index = Arrays.stream(components).map(RecordComponent::getName).toList().indexOf((String) values[i]);
            if (index < 0) {
                throw new IllegalArgumentException((String) values[i]);
            }
            arguments[index] = values[i + 1];
        }
        try {
            return (SchoolYearImportRow) SchoolYearImportRow.class.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new)).newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void thereIsAPupilsAndAClassesColumnForEveryGrade() {
        List<String> expected = new ArrayList<>();
        for (String grade : Grades.all()) {
            expected.add(grade + "Pupils");
            expected.add(grade + "Classes");
        }
        List<String> names = Arrays.stream(SchoolYearImportRow.class.getRecordComponents())
                .map(RecordComponent::getName).toList();
        assertEquals(expected, names.subList(2, 2 + expected.size()));
    }

    @Test
    void gradesWithCellsBecomeGradeCountsInGradeOrder() {
        SchoolYearFactsInput input = row("school", "3201130001", "schoolYear", "2024Sep", "j1Pupils", 450,
                "j1Classes", 10, "p1Pupils", 270, "p1Classes", 6, "teachingFloorArea", new BigDecimal("10")).toInput();
        assertEquals(List.of(new GradeCount("p1", 270, 6), new GradeCount("j1", 450, 10)), input.grades());
        assertEquals("3201130001", input.school());
        assertEquals("2024Sep", input.schoolYear());
        assertEquals(new BigDecimal("10"), input.teachingFloorArea());
    }

    @Test
    void aGradeWithBothCellsEmptyOrBothZeroIsNotReported() {
        SchoolYearFactsInput input = row("p1Pupils", 0, "p1Classes", 0, "p2Pupils", 30, "p2Classes", 1).toInput();
        assertEquals(List.of(new GradeCount("p2", 30, 1)), input.grades());
    }

    @Test
    void aGradeWithOneCellIsReportedForValidationToCatch() {
        SchoolYearFactsInput input = row("p3Pupils", 0, "k2Classes", 2).toInput();
        assertEquals(List.of(new GradeCount("k2", null, 2), new GradeCount("p3", 0, null)), input.grades());
    }

    @Test
    void classSizesNeedAtLeastOneOfTheirColumns() {
        assertNull(row().toInput().classSizes());
        assertEquals(new ClassSizeCounts(2, null, null, null), row("classesOver45", 2).toInput().classSizes());
    }

    @Test
    void errorsAboutAGradeNameItsColumns() {
        SchoolYearFactsInput input = row("p1Pupils", 270, "p1Classes", 6, "j2Pupils", 40, "j2Classes", 1).toInput();
        assertEquals("/j2Classes", SchoolYearImportRow.column(input, "/grades/1/classes"));
        assertEquals("/j2Pupils", SchoolYearImportRow.column(input, "/grades/1/pupils"));
        assertEquals("/p1Pupils", SchoolYearImportRow.column(input, "/grades/0/grade"));
        assertEquals("/classesOver50", SchoolYearImportRow.column(input, "/classSizes/classesOver50"));
        assertEquals("/grades", SchoolYearImportRow.column(input, "/grades"));
        assertEquals("schoolYear", SchoolYearImportRow.column(input, "schoolYear"));
    }
}
