package io.dengta.indicators.benchmark;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.dengta.indicators.score.ScoresView;

/** A benchmark group's gaps on a framework for a period: one row per indicator, where the owner loses most first. */
@Schema(name = "BenchmarkGaps")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GapsView(
        UUID group,
        String groupName,
        String owner,
        String framework,
        String frameworkName,
        @Schema(description = "effectiveFromYear of the framework version used") int version,
        String period,
        String stage,
        @Schema(description = "The owner first, then the peers in the group's order, with their framework scores")
        List<RegionSummary> regions,
        @Schema(description = "Every indicator of the framework, sorted: the owner's points lost (most first), then "
                + "the indicators the owner could not be scored on; ties by weight, then framework order")
        List<Row> indicators) {

    @Schema(name = "BenchmarkRegionSummary")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RegionSummary(String region,
            @Schema(enumeration = { "owner", "lighthouse", "catch-up", "peer" }) String role, String name,
            BigDecimal score, BigDecimal coveredWeight, boolean complete) {
    }

    @Schema(name = "BenchmarkGapRow")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(
            String indicator,
            String name,
            String unit,
            String direction,
            String dimension,
            BigDecimal weight,
            String scoring,
            @Schema(description = "The owner's value, target and points") Owner owner,
            @Schema(description = "In the group's order") List<PeerValue> peers,
            @Schema(description = "The best peer with a value, and the owner's gap to it (positive: behind)") Best best,
            @Schema(description = "The best peer of each role present in the group, and the owner's gap to it")
            List<Best> roles,
            @Schema(description = "Of the owner among the regions with a value, 1 = best; ties share a rank")
            Integer rank,
            @Schema(description = "How many regions of the group have a value") int rankedOf,
            @Schema(description = "Points the owner loses on this indicator against the framework (absent when it "
                    + "could not be scored)") BigDecimal pointsLost,
            @Schema(description = "False for a band indicator without a band: values shown, not ordered")
            boolean comparable) {
    }

    @Schema(name = "BenchmarkOwnerValue")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Owner(BigDecimal value, String valueStatus, String stage, ScoresView.Target target,
            BigDecimal achievement, BigDecimal pointsEarned, BigDecimal pointsLost,
            @Schema(enumeration = { "scored", "no-value", "no-target", "stage-required" }) String status,
            String message) {
    }

    @Schema(name = "BenchmarkPeerValue")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PeerValue(String region, String role, String name, BigDecimal value,
            @Schema(description = "How far the owner is behind this peer (negative: ahead)") BigDecimal gap,
            Integer rank,
            @Schema(description = "The peer's own points lost against the framework") BigDecimal pointsLost,
            @Schema(enumeration = { "scored", "no-value", "no-target", "stage-required" }) String status) {
    }

    @Schema(name = "BenchmarkBest")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Best(String region, String role, BigDecimal value,
            @Schema(description = "The owner's gap to it (positive: behind)") BigDecimal gap) {
    }
}
