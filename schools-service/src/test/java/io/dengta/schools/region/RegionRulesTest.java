package io.dengta.schools.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.dengta.commons.problem.FieldError;

class RegionRulesTest {

    private static Region region(String code, String level) {
        Region r = new Region();
        r.code = code;
        r.level = level;
        return r;
    }

    @Test
    void acceptsDistrictUnderItsCity() {
        assertTrue(RegionRules.check("320113", new RegionInput("栖霞区", null, "district", "320100", null),
                Optional.of(region("320100", "city"))).isEmpty());
    }

    @Test
    void acceptsCountyLevelCityAsDistrictUnderItsCity() {
        assertTrue(RegionRules.check("320585", new RegionInput("太仓市", null, "district", "320500", null),
                Optional.of(region("320500", "city"))).isEmpty());
    }

    @Test
    void rejectsProvinceWithParent() {
        List<FieldError> errors = RegionRules.check("320000", new RegionInput("江苏省", null, "province", "320100", null),
                Optional.of(region("320100", "city")));
        assertEquals(List.of("not_allowed"), errors.stream().map(FieldError::code).toList());
    }

    @Test
    void rejectsDistrictWithoutParent() {
        List<FieldError> errors = RegionRules.check("320113", new RegionInput("栖霞区", null, "district", null, null),
                Optional.empty());
        assertEquals("/parent", errors.get(0).pointer());
        assertEquals("required", errors.get(0).code());
    }

    @Test
    void rejectsLevelThatContradictsTheCode() {
        List<FieldError> errors = RegionRules.check("320100", new RegionInput("南京市", null, "district", "320000", null),
                Optional.of(region("320000", "province")));
        assertEquals("inconsistent_with_code", errors.get(0).code());
    }

    @Test
    void rejectsParentAtTheSameLevel() {
        List<FieldError> errors = RegionRules.check("320113", new RegionInput("X", null, "district", "320111", null),
                Optional.of(region("320111", "district")));
        assertTrue(errors.stream().anyMatch(e -> e.code().equals("wrong_level")));
    }
}
