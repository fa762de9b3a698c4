package io.dengta.targets.source;

/**
 * Where a target's actual values are read.
 *
 * @param source {@code indicators} (observations of {@code indicator} for {@code unit}) or {@code registry}
 *        (schools-service statistics of {@code unit}, a region, per school year)
 * @param stage the stage the target is about; null for values over all stages
 */
public record SourceRef(String source, String indicator, String unit, String stage) {

    public static final String INDICATORS = "indicators";
    public static final String REGISTRY = "registry";
}
