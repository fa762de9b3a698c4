package io.dengta.schools.region;

import java.util.Arrays;
import java.util.Optional;

/** The levels of the hierarchy, from the top. */
public enum RegionLevel {
    PROVINCE("province"), CITY("city"), DISTRICT("district");

    private final String code;

    RegionLevel(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<RegionLevel> of(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }

    /** The level a GB/T 2260 code's shape implies: xx0000 province, xxxx00 city, else district. */
    public static RegionLevel impliedBy(String regionCode) {
        if (regionCode.endsWith("0000")) {
            return PROVINCE;
        }
        return regionCode.endsWith("00") ? CITY : DISTRICT;
    }
}
