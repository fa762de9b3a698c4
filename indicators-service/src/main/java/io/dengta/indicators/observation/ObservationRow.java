package io.dengta.indicators.observation;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One row of {@code POST /indicators/v1/imports}: a JSON object, or a CSV line under the header
 * {@code indicator,unit,region,period,stage,value,numerator,denominator,status,source,comment} (columns may
 * be left out or reordered). The same rules as a PUT apply.
 */
@Schema(name = "ObservationRow", example = """
        {"indicator": "qb.key_teachers_per100", "unit": "3201130001", "region": "320113", "period": "2024Sep",
         "stage": "primary", "value": 2.35, "numerator": 47, "denominator": 2000, "status": "submitted",
         "source": "qixia-edu-stats"}""")
public record ObservationRow(
        @Schema(description = "Indicator code of the catalog", required = true) String indicator,
        @Schema(description = "6-digit region code or 10-digit school code", required = true, pattern = "^(\\d{6}|\\d{10})$") String unit,
        @Schema(description = "The unit's region: required for a school", pattern = "^\\d{6}$") String region,
        @Schema(description = "Period code: 2024, 2024S1, 2024Q1, 202401, 2024Sep or 2024SepT1", required = true) String period,
        @Schema(description = "Stage, for indicators reported per stage", enumeration = { "kindergarten", "primary", "junior",
                "senior", "vocational", "special" }) String stage,
        @Schema(required = true) BigDecimal value,
        BigDecimal numerator,
        BigDecimal denominator,
        @Schema(enumeration = { "draft", "submitted", "approved" }) String status,
        @Schema(maxLength = 200) String source,
        @Schema(maxLength = 1000) String comment) {
}
