package io.dengta.gateway.dashboard;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One school at a glance: its facts, its statistics against the standards that apply, its teachers. */
@Schema(name = "SchoolDashboard")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SchoolDashboard(
        @Schema(description = "学校标识码") String school,
        String schoolYear,
        @Schema(description = "The school as the registry keeps it (schools-service)") Part<SchoolInfo> info,
        @Schema(description = "The school-year facts (schools-service); not-found when none were reported")
        Part<SchoolYearFacts> facts,
        @Schema(description = "The registry statistics, each with the standard that applies (indicators-service)")
        Part<StatisticsAgainstStandards> statistics,
        @Schema(description = "Teachers' headline figures (schools-service); the pupil-teacher ratio is among the "
                + "statistics") Part<TeacherFigures> teachers) {

    @Schema(name = "DashboardSchoolInfo")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SchoolInfo(String code, String name, String nameEn, String region, List<String> stages,
            String ownership, Boolean boarding, Boolean rural, String status, Integer capacitySeats,
            Integer plannedClasses) {
    }

    @Schema(name = "DashboardSchoolYearFacts")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SchoolYearFacts(Integer pupils, Integer classes, BigDecimal teachingFloorArea,
            BigDecimal supportFloorArea, BigDecimal sportsGroundArea, BigDecimal equipmentValue,
            Integer multimediaClassrooms, String source) {
    }

    @Schema(name = "DashboardStatisticsAgainstStandards")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatisticsAgainstStandards(
            @Schema(description = "False: the school reported no facts for the year, only seats added are shown")
            boolean factsReported,
            @Schema(description = "Status of the standards lookup (indicators-service); when not ok, `standard` and "
                    + "`meets` are absent", enumeration = { "ok", "unavailable", "timeout", "forbidden", "not-found" })
            String standardsStatus,
            List<StatisticAgainstStandard> items) {
    }

    @Schema(name = "DashboardStatistic")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatisticAgainstStandard(String statistic, String indicator, String name, String stage,
            BigDecimal value, String unit,
            @Schema(description = "The most specific standard in force for the school's region, the year and the "
                    + "stage; absent when none applies") AppliedStandard standard,
            @Schema(description = "Whether the value meets the standard; absent without a value or a standard")
            Boolean meets) {
    }

    @Schema(name = "DashboardAppliedStandard")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AppliedStandard(UUID id, String jurisdiction, String comparator, BigDecimal value,
            BigDecimal valueHigh, String source) {
    }

    @Schema(name = "DashboardTeacherFigures")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TeacherFigures(
            @Schema(description = "Teachers with a current assignment at the school") Long headcount,
            @Schema(description = "Of them, established (编制内)") Long established,
            @Schema(description = "Of them, with a key-teacher honour at district level or above in force today")
            Long keyTeachers) {
    }
}
