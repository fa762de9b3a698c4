package io.dengta.schools.region;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.dengta.commons.problem.FieldError;
import io.dengta.commons.security.RegionCodes;

/** What makes a region consistent with its code and its parent. */
final class RegionRules {

    private RegionRules() {
    }

    /**
     * @param parent the region named by {@code input.parent()}, if it exists
     */
    static List<FieldError> check(String code, RegionInput input, Optional<Region> parent) {
        List<FieldError> errors = new ArrayList<>();
        RegionLevel level = RegionLevel.of(input.level()).orElse(null);
        if (level == null) {
            return errors; // bean validation already reported it
        }
        if (level != RegionLevel.impliedBy(code)) {
            errors.add(new FieldError("/level", "inconsistent_with_code",
                    "code " + code + " is a " + RegionLevel.impliedBy(code).code() + " code, not " + level.code()));
        }
        if (input.parent() == null) {
            if (level != RegionLevel.PROVINCE) {
                errors.add(new FieldError("/parent", "required", "a " + level.code() + " needs a parent region"));
            }
            return errors;
        }
        if (level == RegionLevel.PROVINCE) {
            errors.add(new FieldError("/parent", "not_allowed", "a province has no parent region"));
        } else if (parent.isEmpty()) {
            errors.add(new FieldError("/parent", "unknown_region", "region " + input.parent() + " does not exist"));
        } else {
            RegionLevel parentLevel = RegionLevel.of(parent.get().level).orElseThrow();
            if (parentLevel.ordinal() >= level.ordinal()) {
                errors.add(new FieldError("/parent", "wrong_level",
                        "a " + level.code() + " cannot be under a " + parentLevel.code()));
            }
            if (!RegionCodes.covers(input.parent(), code)) {
                errors.add(new FieldError("/parent", "inconsistent_with_code",
                        "region " + code + " cannot be under " + input.parent() + ": codes do not nest"));
            }
        }
        return errors;
    }
}
