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

/** The body of {@code POST /indicators/v1/standards} and {@code PUT /indicators/v1/standards/{id}}. */
@Schema(name = "StandardInput", example = """
        {"indicator": "pre.gross_enrollment_rate", "jurisdiction": "320000", "stages": ["kindergarten"],
         "comparator": ">=", "value": 98, "fromYear": 2013, "source": "苏政办发〔2013〕8号",
         "verified": "secondary-sources"}""")
public record StandardInput(
        @NotNull @Pattern(regexp = Vocabulary.INDICATOR_CODE_PATTERN, message = "must be an indicator code") String indicator,
        @Schema(description = "Region code of the issuing jurisdiction; 000000 = national")
        @NotNull @Pattern(regexp = Vocabulary.JURISDICTION_PATTERN,
                message = "must be 000000 (national) or a 6-digit region code") String jurisdiction,
        @Schema(description = "The stages it applies to; empty or absent: every stage")
        @Size(max = 6) List<@NotNull @Pattern(regexp = "kindergarten|primary|junior|senior|vocational|special",
                message = "must be kindergarten, primary, junior, senior, vocational or special") String> stages,
        @NotNull @Pattern(regexp = ">=|<=|=|between", message = "must be >=, <=, = or between") String comparator,
        @Schema(description = "The threshold; the low end for between") @NotNull BigDecimal value,
        @Schema(description = "The high end; only and always for between") BigDecimal valueHigh,
        @Schema(description = "First year in force") @NotNull @Min(1949) @Max(2100) Integer fromYear,
        @Schema(description = "Last year in force; absent: until further notice") @Min(1949) @Max(2100) Integer toYear,
        @Schema(description = "The document that sets it") @NotBlank @Size(max = 500) String source,
        @Schema(description = "official, secondary-sources, unverified (default)")
        @Pattern(regexp = "official|secondary-sources|unverified",
                message = "must be official, secondary-sources or unverified") String verified,
        @Size(max = 2000) String note) {

    static StandardInput of(Standard s) {
        return new StandardInput(s.indicatorCode, s.jurisdiction, List.copyOf(s.stages), s.comparator,
                Vocabulary.plain(s.value), Vocabulary.plain(s.valueHigh), s.fromYear, s.toYear, s.source, s.verified,
                s.note);
    }

    /** As stored: stages in canonical order, plain numbers, verified defaulting to unverified. */
    StandardInput normalized() {
        List<String> canonical = stages == null ? List.of()
                : stages.stream().distinct().count() != stages.size() ? List.copyOf(stages)
                        : Vocabulary.canonicalStages(stages);
        return new StandardInput(indicator, jurisdiction, canonical, comparator, Vocabulary.plain(value),
                Vocabulary.plain(valueHigh), fromYear, toYear, source, verified == null ? "unverified" : verified, note);
    }
}
