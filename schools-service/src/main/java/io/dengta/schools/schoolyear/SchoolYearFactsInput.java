package io.dengta.schools.schoolyear;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /schools/v1/schools/{schoolCode}/years/{schoolYear}}. */
@Schema(name = "SchoolYearFactsInput", example = """
        {"grades": [{"grade": "p1", "pupils": 270, "classes": 6}, {"grade": "p2", "pupils": 262, "classes": 6}],
         "classSizes": {"classesOver45": 3, "classesOver50": 1, "classesOver55": 0, "classesOver65": 0},
         "teachingFloorArea": 4200.5, "supportFloorArea": 1300, "sportsGroundArea": 6800, "equipmentValue": 1250000,
         "multimediaClassrooms": 12, "musicRooms": 2, "artRooms": 2, "source": "synthetic-demo"}""")
public record SchoolYearFactsInput(
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
}
