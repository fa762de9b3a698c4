package io.dengta.indicators.quality;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Thresholds of the outlier checks (configuration {@code dengta.quality.*}).
 *
 * @param zMax |z| above it is an outlier over history (3 by default)
 * @param modifiedZMax |modified z| above it is an outlier (3.5, Iglewicz and Hoaglin)
 * @param yearOverYearMaxChange a change larger than this share of the year-earlier value is a jump (0.5 = 50%)
 * @param historyPeriods how many earlier periods of the same type make the history (besides the year-earlier one)
 * @param minHistory fewer earlier values than this: no history check
 * @param minPeers fewer units in a peer group than this: no peer check
 */
@Schema(name = "QualitySettings")
public record QualitySettings(BigDecimal zMax, BigDecimal modifiedZMax, BigDecimal yearOverYearMaxChange,
        int historyPeriods, int minHistory, int minPeers) {

    public static final QualitySettings DEFAULTS = new QualitySettings(BigDecimal.valueOf(3), new BigDecimal("3.5"),
            new BigDecimal("0.5"), 10, 4, 5);
}
