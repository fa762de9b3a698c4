package io.dengta.commons.security;

import java.util.regex.Pattern;

/**
 * GB/T 2260 region codes as organisation scope: {@code 320000} (province) covers every code starting
 * {@code 32}, {@code 320100} (city) every code starting {@code 3201}, a district only itself. School
 * codes are not derived from region codes, so a school's region must be known to check it.
 */
public final class RegionCodes {

    private static final Pattern CODE = Pattern.compile("\\d{6}");

    private RegionCodes() {
    }

    public static boolean isValid(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** The prefix every region under {@code code} (and the code itself) starts with. */
    public static String coveragePrefix(String code) {
        String prefix = code;
        while (prefix.length() > 2 && prefix.endsWith("00")) {
            prefix = prefix.substring(0, prefix.length() - 2);
        }
        return prefix;
    }

    public static boolean covers(String scopeCode, String regionCode) {
        return isValid(scopeCode) && isValid(regionCode) && regionCode.startsWith(coveragePrefix(scopeCode));
    }
}
