package io.dengta.schools.schoolyear;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PUT /schools/v1/schools/{schoolCode}/years/{schoolYear}}, and one row of a JSON school-years
 * import. {@code school} and {@code schoolYear} are optional in a PUT (the path names them; if given they must
 * match) and required in an import, where they are the natural key.
 */
@Schema(name = "SchoolYearFactsInput", example = """
        {"grades": [{"grade": "p1", "pupils": 270, "classes": 6}, {"grade": "p2", "pupils": 262, "classes": 6}],
         "classSizes": {"classesOver45": 3, "classesOver50": 1, "classesOver55": 0, "classesOver65": 0},
         "teachingFloorArea": 4200.5, "supportFloorArea": 1300, "sportsGroundArea": 6800, "equipmentValue": 1250000,
         "multimediaClassrooms": 12, "musicRooms": 2, "artRooms": 2, "source": "synthetic-demo"}""")
public record SchoolYearFactsInput(
        @Schema(description = "学校标识码: optional in a PUT (must match the path); required in an import")
        @Pattern(regexp = "\\d{10}", message = "must be a 10-digit school code") String school,
        @Schema(description = "学年, e.g. 2024Sep: optional in a PUT (must match the path); required in an import")
        String schoolYear,
        @Schema(description = "Pupils (在校生数) and classes (班级数) by grade (年级); each grade at most once, and only "
                + "grades of the school's stages")
        @NotEmpty @Size(max = 30) List<@Valid @NotNull GradeCount> grades,
        @Schema(description = "Counts of classes by size (班额), for the large-class statistics; omit when not reported")
        @Valid ClassSizeCounts classSizes,
        @Schema(description = "教学用房面积: floor area of teaching rooms (classrooms, labs, libraries), m²")
        @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal teachingFloorArea,
        @Schema(description = "教学辅助用房面积: floor area of rooms that support teaching (offices for teachers, "
                + "meeting and activity rooms), m²; teaching plus support area is the 生均教学及辅助用房面积 numerator")
        @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal supportFloorArea,
        @Schema(description = "体育运动场馆面积: sports grounds and sports halls, m²")
        @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal sportsGroundArea,
        @Schema(description = "教学仪器设备值: book value of teaching instruments and equipment, CNY")
        @NotNull @DecimalMin("0") @Digits(integer = 14, fraction = 2) BigDecimal equipmentValue,
        @Schema(description = "网络多媒体教室数: networked multimedia classrooms")
        @NotNull @PositiveOrZero @Max(10000) Integer multimediaClassrooms,
        @Schema(description = "音乐专用教室数: dedicated music rooms")
        @NotNull @PositiveOrZero @Max(10000) Integer musicRooms,
        @Schema(description = "美术专用教室数: dedicated fine-art rooms")
        @NotNull @PositiveOrZero @Max(10000) Integer artRooms,
        @Schema(description = "数据来源: where the figures come from, e.g. the statistical report or the feed's name")
        @Size(max = 200) String source) {

    /** The input that would reproduce these facts as stored (to tell an unchanged row), grades in grade order. */
    static SchoolYearFactsInput of(SchoolYearFacts f) {
        ClassSizeCounts sizes = f.classesOver45 == null ? null
                : new ClassSizeCounts(f.classesOver45, f.classesOver50, f.classesOver55, f.classesOver65);
        List<GradeCount> grades = f.grades.stream().map(g -> new GradeCount(g.grade, g.pupils, g.classes)).toList();
        return new SchoolYearFactsInput(f.schoolCode, f.schoolYear, inGradeOrder(grades), sizes,
                scaled(f.teachingFloorArea), scaled(f.supportFloorArea), scaled(f.sportsGroundArea),
                scaled(f.equipmentValue), f.multimediaClassrooms, f.musicRooms, f.artRooms, f.source);
    }

    /** This input as it would be stored: grades in grade order, amounts at the columns' two decimals. */
    SchoolYearFactsInput normalized(String schoolCode, SchoolYear year) {
        return new SchoolYearFactsInput(schoolCode, year.code(), inGradeOrder(grades), classSizes,
                scaled(teachingFloorArea), scaled(supportFloorArea), scaled(sportsGroundArea), scaled(equipmentValue),
                multimediaClassrooms, musicRooms, artRooms, source);
    }

    private static List<GradeCount> inGradeOrder(List<GradeCount> grades) {
        return grades.stream().sorted(Comparator.comparingInt(g -> Grades.all().indexOf(g.grade()))).toList();
    }

    private static BigDecimal scaled(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }
}
