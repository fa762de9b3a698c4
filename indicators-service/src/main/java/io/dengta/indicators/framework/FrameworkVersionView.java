package io.dengta.indicators.framework;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A framework version as the API shows it: the tree with each dimension's weight and each indicator's catalog facts. */
@Schema(name = "FrameworkVersion")
public record FrameworkVersionView(
        String framework,
        int effectiveFromYear,
        @Schema(description = "Last year in force: the year before the next version's; absent for the latest")
        Integer effectiveToYear,
        String source,
        String note,
        List<DimensionView> dimensions,
        @Schema(description = "Weights of the leaves: total (always 100), confirmed by the source, illustrative")
        Weights weights,
        int indicatorCount,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    @Schema(name = "FrameworkWeights")
    public record Weights(BigDecimal total, BigDecimal confirmed, BigDecimal illustrative) {
    }

    @Schema(name = "FrameworkDimension")
    public record DimensionView(
            String code,
            String name,
            String nameEn,
            @Schema(description = "The sum of the weights below it") BigDecimal weight,
            List<DimensionView> dimensions,
            List<IndicatorView> indicators) {
    }

    @Schema(name = "FrameworkIndicator")
    public record IndicatorView(
            String indicator,
            @Schema(description = "From the catalog") String name,
            @Schema(description = "From the catalog") String unit,
            @Schema(description = "From the catalog") String direction,
            BigDecimal weight,
            @Schema(description = "ratio, threshold, band") String scoring,
            BigDecimal target,
            boolean useStandard,
            FrameworkVersionInput.Band band,
            boolean illustrativeWeight,
            String note,
            @Schema(description = "The stage this leaf scores, when pinned (see FrameworkIndicatorInput.stage)")
            String stage) {
    }
}
