package io.dengta.indicators.observation;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PUT /indicators/v1/observations/{indicator}/{unit}/{period}}: the path names the
 * observation, the body its value. Checked by {@link ObservationRules}, which reports every problem at once.
 */
@Schema(name = "ObservationInput", example = """
        {"region": "320113", "value": 2.35, "numerator": 47, "denominator": 2000, "status": "submitted",
         "source": "qixia-edu-stats", "comment": "synthetic-demo"}""")
public record ObservationInput(
        @Schema(description = "The region of the unit: required for a school (its 6-digit region code); for a region, "
                + "absent or the region itself", pattern = "^\\d{6}$") String region,
        @Schema(description = "The value in the indicator's unit (0–100 for %); at most 14 digits before and 6 after the "
                + "decimal point", required = true) BigDecimal value,
        @Schema(description = "Optional, with denominator: value must equal numerator ÷ denominator (× 100 for % and "
                + "per100), rounded to the value's decimals") BigDecimal numerator,
        @Schema(description = "Optional, with numerator; greater than 0") BigDecimal denominator,
        @Schema(description = "draft, submitted (default) or approved", enumeration = { "draft", "submitted", "approved" }) String status,
        @Schema(description = "The feed or person the value comes from", maxLength = 200) String source,
        @Schema(maxLength = 1000) String comment) {
}
