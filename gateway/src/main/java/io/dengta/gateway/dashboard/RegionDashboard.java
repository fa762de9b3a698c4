package io.dengta.gateway.dashboard;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A region at a glance: each part from its own service, with its own status. */
@Schema(name = "RegionDashboard")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegionDashboard(
        @Schema(description = "行政区划代码") String region,
        @Schema(description = "The year asked for: scores and targets of this year, registry figures of its school "
                + "year (2024 → 2024Sep)") String year,
        String schoolYear,
        @Schema(description = "The region as the registry knows it (schools-service)") Part<RegionInfo> regionInfo,
        @Schema(description = "The framework score and its coverage (indicators-service)") Part<ScoreSummary> score,
        @Schema(description = "The top gaps against the benchmark group the region owns (indicators-service); "
                + "not-found when it owns none") Part<GapsSummary> gaps,
        @Schema(description = "Target status counts and the targets at risk (targets-service)") Part<TargetsSummary> targets,
        @Schema(description = "Registry headline figures (schools-service)") Part<RegistryFigures> registry) {

    @Schema(name = "DashboardRegionInfo")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RegionInfo(String code, String name, String nameEn, String level, String parent) {
    }

    @Schema(name = "DashboardScore")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScoreSummary(
            String framework,
            String frameworkName,
            @Schema(description = "effectiveFromYear of the framework version used") Integer version,
            String period,
            @Schema(description = "0–100; absent when nothing could be scored") BigDecimal score,
            @Schema(description = "Weight of the indicators scored (of 100)") BigDecimal coveredWeight,
            BigDecimal missingWeight,
            @Schema(description = "False when the score covers only coveredWeight of 100") boolean complete,
            @Schema(description = "How many indicators could not be scored") int missingIndicators,
            @Schema(description = "The top-level dimensions") List<DimensionScore> dimensions) {
    }

    @Schema(name = "DashboardDimensionScore")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DimensionScore(String code, String name, BigDecimal weight, BigDecimal score,
            BigDecimal coveredWeight, BigDecimal pointsLost) {
    }

    @Schema(name = "DashboardGaps")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GapsSummary(UUID group, String groupName, String framework, String period,
            @Schema(description = "Where the region loses most points, most first") List<Gap> top) {
    }

    @Schema(name = "DashboardGap")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Gap(String indicator, String name, String unit, String direction, String dimension,
            @Schema(description = "The region's value") BigDecimal value,
            @Schema(description = "Points the region loses on it") BigDecimal pointsLost,
            @Schema(description = "The best peer with a value") String bestRegion, String bestRole,
            BigDecimal bestValue,
            @Schema(description = "Gap to the best peer (positive: behind)") BigDecimal gap,
            @Schema(description = "The region's rank in the group, 1 = best") Integer rank,
            Integer rankedOf) {
    }

    @Schema(name = "DashboardTargets")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TargetsSummary(
            @Schema(description = "Targets of the plans the region (and its sub-regions) owns, as far as the caller "
                    + "may see them") int total,
            @Schema(description = "Count per status: achieved, on-track, at-risk, off-track, no-data, overdue")
            Map<String, Integer> byStatus,
            @Schema(description = "at-risk and off-track targets, off-track first, at most dengta.dashboard.at-risk-limit")
            List<TargetAtRisk> atRisk,
            @Schema(description = "True when not every target was read (more than the dashboard reads)") boolean truncated) {
    }

    @Schema(name = "DashboardTargetAtRisk")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TargetAtRisk(Long targetId, String plan, String goal, String code, String title, String status,
            String reason, String indicator, String deadline, BigDecimal targetValue, BigDecimal latestValue,
            BigDecimal expected) {
    }

    @Schema(name = "DashboardRegistryFigures")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RegistryFigures(
            String schoolYear,
            @Schema(description = "Schools that reported facts for the school year") Integer schools,
            @Schema(description = "Schools operating without facts for it (not in the figures)") Long schoolsWithoutFacts,
            BigDecimal pupils,
            @Schema(description = "Teachers, full-time equivalent, counted on 30 September") BigDecimal teachersFte,
            @Schema(description = "pupils ÷ teachersFte") BigDecimal pupilTeacherRatio) {
    }
}
