package io.dengta.indicators.catalog;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PUT /indicators/v1/indicators/{indicatorCode}}. {@code code} is optional (the path names the
 * indicator; if given it must match). Absent {@code decimals}, {@code minValue} and {@code maxValue} take the
 * unit's defaults (see {@link Vocabulary}); absent {@code stages} means every stage.
 */
@Schema(name = "IndicatorInput", example = """
        {"name": "每百名学生拥有县级以上骨干教师数", "nameEn": "County-level-or-above key teachers per 100 pupils",
         "unit": "per100", "decimals": 2, "direction": "higher-better", "level": "both", "stages": ["primary", "junior"],
         "aggregation": "ratio-of-sums", "definition": "key teachers (district level or above) / pupils * 100",
         "source": "教督〔2017〕6号", "minValue": 0}""")
public record IndicatorInput(
        @Pattern(regexp = Vocabulary.INDICATOR_CODE_PATTERN,
                message = "must be a lower-case dotted code such as qb.key_teachers_per100") String code,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 300) String nameEn,
        @NotNull @Pattern(regexp = "%|ratio|count|CNY|m2|score|per100",
                message = "must be %, ratio, count, CNY, m2, score or per100") String unit,
        @Schema(description = "Decimals to show; default by unit (count, CNY 0; %, score 1; others 2)")
        @Min(0) @Max(6) Integer decimals,
        @NotNull @Pattern(regexp = "higher-better|lower-better|band",
                message = "must be higher-better, lower-better or band") String direction,
        @NotNull @Pattern(regexp = "region|school|both", message = "must be region, school or both") String level,
        @Schema(description = "The stages it applies to; empty or absent: every stage")
        @Size(max = 6) List<@NotNull @Pattern(regexp = "kindergarten|primary|junior|senior|vocational|special",
                message = "must be kindergarten, primary, junior, senior, vocational or special") String> stages,
        @Schema(description = "How school values add up to a region's; none: region values are reported as such")
        @NotNull @Pattern(regexp = "sum|pupil-weighted-mean|ratio-of-sums|none",
                message = "must be sum, pupil-weighted-mean, ratio-of-sums or none") String aggregation,
        @Size(max = 2000) String definition,
        @Size(max = 500) String source,
        @Schema(description = "Lowest valid value of an observation; default 0") BigDecimal minValue,
        @Schema(description = "Highest valid value of an observation; default 100 for % and score, else unbounded")
        BigDecimal maxValue) {

    /** The input that would reproduce this indicator as it is stored (to tell an unchanged replacement). */
    static IndicatorInput of(Indicator i) {
        return new IndicatorInput(i.code, i.name, i.nameEn, i.unit, i.decimals, i.direction, i.level,
                List.copyOf(i.stages), i.aggregation, i.definition, i.source, Vocabulary.plain(i.minValue),
                Vocabulary.plain(i.maxValue));
    }

    /** This input as it would be stored: unit defaults filled in, stages in canonical order, plain numbers. */
    IndicatorInput normalized(String indicatorCode) {
        boolean known = unit != null && Vocabulary.UNITS.contains(unit);
        List<String> canonical = stages == null || stages.stream().distinct().count() != stages.size()
                ? (stages == null ? List.of() : List.copyOf(stages))
                : Vocabulary.canonicalStages(stages);
        return new IndicatorInput(indicatorCode, name, nameEn, unit,
                decimals != null ? decimals : known ? Vocabulary.defaultDecimals(unit) : 0,
                direction, level, canonical, aggregation, definition, source,
                Vocabulary.plain(minValue != null ? minValue : known ? Vocabulary.defaultMin(unit) : null),
                Vocabulary.plain(maxValue != null ? maxValue : known ? Vocabulary.defaultMax(unit) : null));
    }
}
