package io.dengta.indicators.catalog;

import io.dengta.commons.security.RegionCodes;

/**
 * Jurisdictions of standards: {@code 000000} (national) covers every region; a province, city or district code
 * covers itself and the regions below it ({@link RegionCodes#covers}). The more digits a jurisdiction fixes, the
 * more specific it is: district → city → province → national.
 */
public final class Jurisdictions {

    private Jurisdictions() {
    }

    public static boolean covers(String jurisdiction, String region) {
        return Vocabulary.NATIONAL.equals(jurisdiction) ? RegionCodes.isValid(region)
                : RegionCodes.covers(jurisdiction, region);
    }

    /** 0 for national, 2 for a province, 4 for a city, 6 for a district. */
    public static int specificity(String jurisdiction) {
        return Vocabulary.NATIONAL.equals(jurisdiction) ? 0 : RegionCodes.coveragePrefix(jurisdiction).length();
    }

    /** national, province, city or district. */
    public static String level(String jurisdiction) {
        return switch (specificity(jurisdiction)) {
            case 0 -> "national";
            case 2 -> "province";
            case 4 -> "city";
            default -> "district";
        };
    }
}
