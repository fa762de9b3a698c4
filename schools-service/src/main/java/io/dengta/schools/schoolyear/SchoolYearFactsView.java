package io.dengta.schools.schoolyear;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A school's facts for one school year, as the API shows them. */
@Schema(name = "SchoolYearFacts")
public record SchoolYearFactsView(
        @Schema(description = "学校标识码: the school's 10-digit code") String school,
        @Schema(description = "学年: school-year code, e.g. 2024Sep = September 2024 – August 2025") String schoolYear,
        @Schema(description = "The school's region (行政区划代码) at the time of reading") String region,
        @Schema(description = "Pupils and classes by grade (年级), in grade order") List<GradeCount> grades,
        @Schema(description = "在校生总数: pupils over all grades") int pupils,
        @Schema(description = "班级总数: classes over all grades") int classes,
        ClassSizeCounts classSizes,
        @Schema(description = "教学用房面积, m²") BigDecimal teachingFloorArea,
        @Schema(description = "教学辅助用房面积, m²") BigDecimal supportFloorArea,
        @Schema(description = "体育运动场馆面积, m²") BigDecimal sportsGroundArea,
        @Schema(description = "教学仪器设备值, CNY") BigDecimal equipmentValue,
        @Schema(description = "网络多媒体教室数") int multimediaClassrooms,
        @Schema(description = "音乐专用教室数") int musicRooms,
        @Schema(description = "美术专用教室数") int artRooms,
        @Schema(description = "数据来源") String source,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static SchoolYearFactsView of(SchoolYearFacts f, String region) {
        ClassSizeCounts sizes = f.classesOver45 == null ? null
                : new ClassSizeCounts(f.classesOver45, f.classesOver50, f.classesOver55, f.classesOver65);
        List<GradeCount> grades = f.grades.stream()
                .sorted(Comparator.comparingInt(g -> Grades.all().indexOf(g.grade)))
                .map(g -> new GradeCount(g.grade, g.pupils, g.classes)).toList();
        return new SchoolYearFactsView(f.schoolCode, f.schoolYear, region, grades, f.pupilsTotal, f.classesTotal, sizes,
                f.teachingFloorArea, f.supportFloorArea, f.sportsGroundArea, f.equipmentValue, f.multimediaClassrooms,
                f.musicRooms, f.artRooms, f.source, f.version, f.createdAt, f.updatedAt);
    }
}
