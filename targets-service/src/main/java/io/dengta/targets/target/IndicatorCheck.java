package io.dengta.targets.target;

/** What indicators-service said about an indicator code. */
public sealed interface IndicatorCheck {

    /** In the catalog, with its direction (higher-better, lower-better, band) and measure unit (%, count, …). */
    record Known(String code, String direction, String unit) implements IndicatorCheck {
    }

    /** indicators-service answered that it has no such indicator. */
    record Unknown(String code) implements IndicatorCheck {
    }

    /** indicators-service could not answer (down, timing out, refusing the call): the code stays unverified. */
    record Unavailable(String reason) implements IndicatorCheck {
    }
}
