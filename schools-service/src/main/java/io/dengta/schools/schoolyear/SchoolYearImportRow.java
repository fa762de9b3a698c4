package io.dengta.schools.schoolyear;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of a CSV school-years import: one school's facts for one school year, flattened the way a city's
 * education statistics office exports its annual returns (one line per school and year, a pair of columns per
 * grade). JSON imports use the nested {@link SchoolYearFactsInput} shape instead; {@link #toInput()} turns this row
 * into that shape, and the row is then checked exactly like a PUT body.
 * <ul>
 * <li>{@code school}, {@code schoolYear} (e.g. {@code 2024Sep}): the natural key.</li>
 * <li>{@code <grade>Pupils}, {@code <grade>Classes} for the grades k1–k3, p1–p6, j1–j3, s1–s3, v1–v3, sp1–sp9 (e.g.
 * {@code p1Pupils,p1Classes}): a grade whose two cells are both empty or both 0 is not reported, so one export with
 * every grade column fits schools of every stage; a header needs only the grade columns the file uses.</li>
 * <li>{@code classesOver45}, {@code classesOver50}, {@code classesOver55}, {@code classesOver65}: the class-size
 * counts; all four empty means not reported.</li>
 * <li>{@code teachingFloorArea}, {@code supportFloorArea}, {@code sportsGroundArea} (m²), {@code equipmentValue}
 * (CNY), {@code multimediaClassrooms}, {@code musicRooms}, {@code artRooms}, {@code source}: as in the PUT body.</li>
 * </ul>
 */
public record SchoolYearImportRow(
        String school,
        String schoolYear,
        Integer k1Pupils, Integer k1Classes, Integer k2Pupils, Integer k2Classes,
        Integer k3Pupils, Integer k3Classes,
        Integer p1Pupils, Integer p1Classes, Integer p2Pupils, Integer p2Classes,
        Integer p3Pupils, Integer p3Classes, Integer p4Pupils, Integer p4Classes,
        Integer p5Pupils, Integer p5Classes, Integer p6Pupils, Integer p6Classes,
        Integer j1Pupils, Integer j1Classes, Integer j2Pupils, Integer j2Classes,
        Integer j3Pupils, Integer j3Classes,
        Integer s1Pupils, Integer s1Classes, Integer s2Pupils, Integer s2Classes,
        Integer s3Pupils, Integer s3Classes,
        Integer v1Pupils, Integer v1Classes, Integer v2Pupils, Integer v2Classes,
        Integer v3Pupils, Integer v3Classes,
        Integer sp1Pupils, Integer sp1Classes, Integer sp2Pupils, Integer sp2Classes,
        Integer sp3Pupils, Integer sp3Classes, Integer sp4Pupils, Integer sp4Classes,
        Integer sp5Pupils, Integer sp5Classes, Integer sp6Pupils, Integer sp6Classes,
        Integer sp7Pupils, Integer sp7Classes, Integer sp8Pupils, Integer sp8Classes,
        Integer sp9Pupils, Integer sp9Classes,
        Integer classesOver45, Integer classesOver50, Integer classesOver55, Integer classesOver65,
        BigDecimal teachingFloorArea,
        BigDecimal supportFloorArea,
        BigDecimal sportsGroundArea,
        BigDecimal equipmentValue,
        Integer multimediaClassrooms,
        Integer musicRooms,
        Integer artRooms,
        String source) {

    /** The row as a SchoolYearFactsInput, grades in grade order. */
    public SchoolYearFactsInput toInput() {
        List<GradeCount> grades = new ArrayList<>();
        grade(grades, "k1", k1Pupils, k1Classes);
        grade(grades, "k2", k2Pupils, k2Classes);
        grade(grades, "k3", k3Pupils, k3Classes);
        grade(grades, "p1", p1Pupils, p1Classes);
        grade(grades, "p2", p2Pupils, p2Classes);
        grade(grades, "p3", p3Pupils, p3Classes);
        grade(grades, "p4", p4Pupils, p4Classes);
        grade(grades, "p5", p5Pupils, p5Classes);
        grade(grades, "p6", p6Pupils, p6Classes);
        grade(grades, "j1", j1Pupils, j1Classes);
        grade(grades, "j2", j2Pupils, j2Classes);
        grade(grades, "j3", j3Pupils, j3Classes);
        grade(grades, "s1", s1Pupils, s1Classes);
        grade(grades, "s2", s2Pupils, s2Classes);
        grade(grades, "s3", s3Pupils, s3Classes);
        grade(grades, "v1", v1Pupils, v1Classes);
        grade(grades, "v2", v2Pupils, v2Classes);
        grade(grades, "v3", v3Pupils, v3Classes);
        grade(grades, "sp1", sp1Pupils, sp1Classes);
        grade(grades, "sp2", sp2Pupils, sp2Classes);
        grade(grades, "sp3", sp3Pupils, sp3Classes);
        grade(grades, "sp4", sp4Pupils, sp4Classes);
        grade(grades, "sp5", sp5Pupils, sp5Classes);
        grade(grades, "sp6", sp6Pupils, sp6Classes);
        grade(grades, "sp7", sp7Pupils, sp7Classes);
        grade(grades, "sp8", sp8Pupils, sp8Classes);
        grade(grades, "sp9", sp9Pupils, sp9Classes);
        ClassSizeCounts classSizes = classesOver45 == null && classesOver50 == null && classesOver55 == null
                && classesOver65 == null ? null
                        : new ClassSizeCounts(classesOver45, classesOver50, classesOver55, classesOver65);
        return new SchoolYearFactsInput(school, schoolYear, grades, classSizes, teachingFloorArea, supportFloorArea,
                sportsGroundArea, equipmentValue, multimediaClassrooms, musicRooms, artRooms, source);
    }

    /**
     * Where an error about {@code input} (converted from this row) belongs in the CSV: a grade's errors in its
     * {@code <grade>Pupils} or {@code <grade>Classes} column, a class-size count's in its own column.
     */
    public static String column(SchoolYearFactsInput input, String pointer) {
        String[] parts = pointer.split("/");
        if (parts.length == 4 && parts[1].equals("grades") && parts[2].matches("\\d+")) {
            int index = Integer.parseInt(parts[2]);
            if (index < input.grades().size() && input.grades().get(index) != null) {
                String grade = input.grades().get(index).grade();
                return "/" + grade + (parts[3].equals("classes") ? "Classes" : "Pupils");
            }
        }
        if (parts.length == 3 && parts[1].equals("classSizes")) {
            return "/" + parts[2];
        }
        return pointer;
    }

    private static void grade(List<GradeCount> grades, String grade, Integer pupils, Integer classes) {
        boolean empty = pupils == null && classes == null;
        boolean zero = Integer.valueOf(0).equals(pupils) && Integer.valueOf(0).equals(classes);
        if (!empty && !zero) {
            grades.add(new GradeCount(grade, pupils, classes));
        }
    }
}
