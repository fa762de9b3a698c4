package io.dengta.indicators.framework;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.dengta.indicators.catalog.Vocabulary;

/**
 * The body of {@code PUT /indicators/v1/frameworks/{frameworkCode}/versions/{effectiveFromYear}}: a tree of
 * dimensions (一级, 二级, at most 3 levels); each dimension holds either sub-dimensions or indicators, and the
 * indicators' weights sum to exactly 100.
 */
@Schema(name = "FrameworkVersionInput", example = """
        {"source": "苏政办发〔2013〕8号", "note": "weights other than 学前三年毛入园率's are illustrative",
         "dimensions": [
           {"code": "universality", "name": "普及度", "indicators": [
             {"indicator": "pre.gross_enrollment_rate", "weight": 2, "scoring": "ratio", "target": 98},
             {"indicator": "ce.retention_rate", "weight": 48, "scoring": "threshold", "useStandard": true,
              "illustrativeWeight": true}]},
           {"code": "coordination", "name": "统筹度", "indicators": [
             {"indicator": "sec.vocational_general_ratio", "weight": 50, "scoring": "band",
              "band": {"low": 0.9, "high": 1.1, "zeroDistance": 0.5}, "illustrativeWeight": true}]}]}""")
public record FrameworkVersionInput(
        @Schema(description = "Optional; if given it must be the year in the path") @Min(1949) @Max(2100)
        Integer effectiveFromYear,
        @Size(max = 500) String source,
        @Size(max = 4000) String note,
        @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid Dimension> dimensions) {

    /** A dimension (一级, 二级 …) with either sub-dimensions or indicators. */
    @Schema(name = "FrameworkDimensionInput")
    public record Dimension(
            @Schema(description = "Unique within the version, e.g. universality")
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,31}",
                    message = "must be 1 to 32 lower-case letters, digits or '-'") String code,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 300) String nameEn,
            @Size(max = 50) List<@NotNull @Valid Dimension> dimensions,
            @Size(max = 200) List<@NotNull @Valid Item> indicators) {
    }

    /** A leaf: a catalog indicator with its weight and how it scores. */
    @Schema(name = "FrameworkIndicatorInput")
    public record Item(
            @NotNull @Pattern(regexp = Vocabulary.INDICATOR_CODE_PATTERN, message = "must be an indicator code")
            String indicator,
            @Schema(description = "Points of 100, at most 2 decimals")
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") BigDecimal weight,
            @Schema(description = "ratio (default): weight × min(actual ÷ target, 1) (inverted for lower-better); "
                    + "threshold: full weight when the target or standard is met, else 0; band: full weight inside "
                    + "[low, high], falling linearly to 0 at zeroDistance outside")
            @Pattern(regexp = "ratio|threshold|band", message = "must be ratio, threshold or band") String scoring,
            @Schema(description = "The target value (ratio, threshold); or set useStandard") BigDecimal target,
            @Schema(description = "Use the standard that applies to the scored region, year and stage as the target")
            Boolean useStandard,
            @Valid Band band,
            @Schema(description = "The weight is the platform's illustration, not the source's") Boolean illustrativeWeight,
            @Size(max = 500) String note,
            @Schema(description = "For an indicator reported per stage: the stage whose value this leaf scores "
                    + "(one of the indicator's stages). A pinned leaf scores that stage whatever stage a score "
                    + "request asks for; an unpinned leaf of several stages needs the request's stage")
            @Pattern(regexp = "kindergarten|primary|junior|senior|vocational|special",
                    message = "must be kindergarten, primary, junior, senior, vocational or special") String stage) {

        /** The pre-stage shape, for callers that pin no stage. */
        public Item(String indicator, BigDecimal weight, String scoring, BigDecimal target, Boolean useStandard,
                Band band, Boolean illustrativeWeight, String note) {
            this(indicator, weight, scoring, target, useStandard, band, illustrativeWeight, note, null);
        }
    }

    /** Full points inside [low, high]; points fall linearly to 0 at zeroDistance below low or above high. */
    @Schema(name = "FrameworkBand")
    public record Band(@NotNull BigDecimal low, @NotNull BigDecimal high, @NotNull @Positive BigDecimal zeroDistance) {
    }

    /** As stored: absent lists empty, scoring ratio by default, flags false by default, plain numbers. */
    FrameworkVersionInput normalized(int year) {
        return new FrameworkVersionInput(year, source, note, normalize(dimensions));
    }

    private static List<Dimension> normalize(List<Dimension> dimensions) {
        return dimensions == null ? List.of() : dimensions.stream().map(d -> d == null ? null
                : new Dimension(d.code(), d.name(), d.nameEn(), normalize(d.dimensions()),
                        d.indicators() == null ? List.of() : d.indicators().stream().map(i -> i == null ? null
                                : new Item(i.indicator(), Vocabulary.plain(i.weight()),
                                        i.scoring() == null ? "ratio" : i.scoring(), Vocabulary.plain(i.target()),
                                        Boolean.TRUE.equals(i.useStandard()),
                                        i.band() == null ? null : new Band(Vocabulary.plain(i.band().low()),
                                                Vocabulary.plain(i.band().high()),
                                                Vocabulary.plain(i.band().zeroDistance())),
                                        Boolean.TRUE.equals(i.illustrativeWeight()), i.note(), i.stage())).toList()))
                .toList();
    }
}
