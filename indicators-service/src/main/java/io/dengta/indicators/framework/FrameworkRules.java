package io.dengta.indicators.framework;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dengta.commons.problem.FieldError;
import io.dengta.indicators.framework.FrameworkVersionInput.Dimension;
import io.dengta.indicators.framework.FrameworkVersionInput.Item;

/**
 * What makes a framework version consistent: a dimension tree at most 3 levels deep whose dimensions hold either
 * sub-dimensions or indicators; catalog indicators, each at most once; a scoring rule with what it needs; weights
 * with at most 2 decimals that sum to exactly 100.
 */
public final class FrameworkRules {

    public static final int MAX_DEPTH = 3;
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private FrameworkRules() {
    }

    /**
     * @param in the normalized input
     * @param directions the catalog's direction of each indicator the version names that exists
     */
    public static List<FieldError> check(FrameworkVersionInput in, Map<String, String> directions) {
        return check(in, directions, Map.of());
    }

    /**
     * @param in the normalized input
     * @param directions the catalog's direction of each indicator the version names that exists
     * @param stages the catalog's stages of those indicators (absent or empty: not reported per stage, so a leaf
     *        of it cannot pin a stage)
     */
    public static List<FieldError> check(FrameworkVersionInput in, Map<String, String> directions,
            Map<String, List<String>> stages) {
        Walk walk = new Walk(directions, stages);
        walk.dimensions(in.dimensions(), "/dimensions", 1);
        if (walk.leaves > 0 && walk.weightsKnown && walk.total.compareTo(HUNDRED) != 0) {
            walk.errors.add(new FieldError("/dimensions", "weights_not_100", "the indicators' weights sum to "
                    + (walk.total.scale() <= 2 ? walk.total.setScale(2, RoundingMode.UNNECESSARY) : walk.total)
                            .toPlainString()
                    + "; they must sum to exactly 100"));
        }
        return walk.errors;
    }

    /** The leaves of a version, in tree order. */
    public static List<Item> leaves(List<Dimension> dimensions) {
        List<Item> items = new ArrayList<>();
        for (Dimension d : dimensions) {
            items.addAll(leaves(d.dimensions()));
            items.addAll(d.indicators());
        }
        return items;
    }

    private static final class Walk {
        final Map<String, String> directions;
        final List<FieldError> errors = new ArrayList<>();
        final Set<String> dimensionCodes = new HashSet<>();
        final Map<String, String> firstPlace = new HashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        boolean weightsKnown = true;
        int leaves;

        final Map<String, List<String>> stages;

        Walk(Map<String, String> directions, Map<String, List<String>> stages) {
            this.directions = directions;
            this.stages = stages;
        }

        void dimensions(List<Dimension> dimensions, String pointer, int depth) {
            for (int i = 0; i < dimensions.size(); i++) {
                Dimension d = dimensions.get(i);
                String at = pointer + "/" + i;
                if (d.code() != null && !dimensionCodes.add(d.code())) {
                    errors.add(new FieldError(at + "/code", "duplicate", "dimension code " + d.code()
                            + " is used twice in this version"));
                }
                if (depth > MAX_DEPTH) {
                    errors.add(new FieldError(at, "too_deep", "dimensions nest at most " + MAX_DEPTH
                            + " levels (一级, 二级, 三级)"));
                }
                boolean hasDimensions = !d.dimensions().isEmpty();
                boolean hasIndicators = !d.indicators().isEmpty();
                if (!hasDimensions && !hasIndicators) {
                    errors.add(new FieldError(at, "empty_dimension", "a dimension needs sub-dimensions or indicators"));
                } else if (hasDimensions && hasIndicators) {
                    errors.add(new FieldError(at, "mixed_dimension",
                            "a dimension holds either sub-dimensions or indicators, not both"));
                }
                dimensions(d.dimensions(), at + "/dimensions", depth + 1);
                for (int j = 0; j < d.indicators().size(); j++) {
                    item(d.indicators().get(j), at + "/indicators/" + j);
                }
            }
        }

        void item(Item item, String at) {
            leaves++;
            String code = item.indicator();
            String direction = code == null ? null : directions.get(code);
            if (code != null) {
                if (direction == null) {
                    errors.add(new FieldError(at + "/indicator", "unknown_indicator", "indicator " + code
                            + " is not in the catalog"));
                }
                String first = firstPlace.putIfAbsent(code, at);
                if (first != null) {
                    errors.add(new FieldError(at + "/indicator", "duplicate_indicator", "indicator " + code
                            + " already appears at " + first + "; an indicator counts once per version"));
                }
            }
            if (item.weight() == null) {
                weightsKnown = false;
            } else {
                total = total.add(item.weight());
                if (item.weight().scale() > 2) {
                    errors.add(new FieldError(at + "/weight", "too_many_decimals", "a weight has at most 2 decimals"));
                }
            }
            scoring(item, direction, at);
            if (item.stage() != null && direction != null) {
                List<String> reported = stages.getOrDefault(code, List.of());
                if (reported.isEmpty()) {
                    errors.add(new FieldError(at + "/stage", "not_per_stage", "indicator " + code
                            + " is not reported per stage; a leaf of it pins no stage"));
                } else if (!reported.contains(item.stage())) {
                    errors.add(new FieldError(at + "/stage", "not_a_stage_of_indicator", "indicator " + code
                            + " is reported for " + String.join(", ", reported) + ", not " + item.stage()));
                }
            }
        }

        void scoring(Item item, String direction, String at) {
            if (item.scoring() == null) {
                return; // bean validation reports it
            }
            boolean hasTarget = item.target() != null;
            boolean useStandard = Boolean.TRUE.equals(item.useStandard());
            if (item.scoring().equals("band")) {
                if (item.band() == null) {
                    errors.add(new FieldError(at + "/band", "band_required",
                            "band scoring needs the band: low, high and the zeroDistance at which points reach 0"));
                } else if (item.band().low() != null && item.band().high() != null
                        && item.band().low().compareTo(item.band().high()) > 0) {
                    errors.add(new FieldError(at + "/band/high", "band_inverted", "must be at least low ("
                            + item.band().low().toPlainString() + ")"));
                }
                if (hasTarget) {
                    errors.add(new FieldError(at + "/target", "not_allowed", "band scoring uses the band, not a target"));
                }
                if (useStandard) {
                    errors.add(new FieldError(at + "/useStandard", "not_allowed",
                            "band scoring uses the band, not a standard"));
                }
                return;
            }
            if (item.band() != null) {
                errors.add(new FieldError(at + "/band", "not_allowed", "only band scoring has a band"));
            }
            if (!hasTarget && !useStandard) {
                errors.add(new FieldError(at + "/target", "target_required", item.scoring()
                        + " scoring needs a target, or useStandard: true for the standard that applies"));
            } else if (hasTarget && useStandard) {
                errors.add(new FieldError(at + "/useStandard", "not_allowed",
                        "give a target or useStandard: true, not both"));
            }
            if ("band".equals(direction) && (item.scoring().equals("ratio") || hasTarget)) {
                errors.add(new FieldError(at + "/scoring", "scoring_not_for_direction", "indicator "
                        + item.indicator() + " is better inside a band: score it with band, or threshold against "
                        + "its (between) standard"));
            }
            if (item.scoring().equals("ratio") && hasTarget && item.target().signum() <= 0) {
                errors.add(new FieldError(at + "/target", "must_be_positive",
                        "ratio scoring divides by the target, so it must be greater than 0"));
            }
        }
    }
}
