package io.dengta.commons.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Region codes as organisation scope: a province covers its cities and districts, a city its districts. */
class RegionCodesTest {

    @ParameterizedTest
    @CsvSource({ "320000,32", "320100,3201", "320113,320113", "110000,11", "110101,110101", "321000,3210" })
    void coveragePrefix(String code, String prefix) {
        assertEquals(prefix, RegionCodes.coveragePrefix(code));
    }

    @ParameterizedTest
    @CsvSource({ "320100,320113", "320100,320100", "320000,320113", "320000,320200", "320113,320113" })
    void covers(String scope, String region) {
        assertTrue(RegionCodes.covers(scope, region));
    }

    @ParameterizedTest
    @CsvSource({ "320100,320200", "320113,320100", "320113,320115", "320000,110101", "320100,320000",
            "320100,3201", "3201,320113", "32011a,320113", "320100,3201130001" })
    void doesNotCover(String scope, String region) {
        assertFalse(RegionCodes.covers(scope, region));
    }

    @Test
    void nullsCoverNothing() {
        assertFalse(RegionCodes.covers(null, "320113"));
        assertFalse(RegionCodes.covers("320100", null));
    }

    @Test
    void validity() {
        assertTrue(RegionCodes.isValid("320113"));
        assertFalse(RegionCodes.isValid("32011"));
        assertFalse(RegionCodes.isValid("3201130"));
        assertFalse(RegionCodes.isValid("32O113"));
        assertFalse(RegionCodes.isValid(null));
    }
}
