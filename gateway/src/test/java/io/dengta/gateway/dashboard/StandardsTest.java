package io.dengta.gateway.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dengta.gateway.dashboard.SchoolDashboard.AppliedStandard;

/** Which standard applies to a school's statistic, and whether it is met. */
class StandardsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode standards(String items) throws Exception {
        return MAPPER.readTree("{\"items\": [" + items + "]}");
    }

    private static AppliedStandard standard(String comparator, String value, String high) {
        return new AppliedStandard(null, "000000", comparator, new BigDecimal(value),
                high == null ? null : new BigDecimal(high), null);
    }

    @Test
    void districtStandardWinsOverCityProvinceAndNational() throws Exception {
        JsonNode s = standards("""
                {"indicator": "x", "jurisdiction": "000000", "value": 1},
                {"indicator": "x", "jurisdiction": "320113", "value": 4},
                {"indicator": "x", "jurisdiction": "320000", "value": 2},
                {"indicator": "x", "jurisdiction": "320100", "value": 3}""");
        assertEquals("320113", Standards.applicable(s, "x", "320113", null).get("jurisdiction").asText());
    }

    @Test
    void standardOfAnotherRegionNeverApplies() throws Exception {
        JsonNode s = standards("{\"indicator\": \"x\", \"jurisdiction\": \"330000\", \"value\": 1}");
        assertNull(Standards.applicable(s, "x", "320113", null));
    }

    @Test
    void allStagesStatisticIsHeldOnlyToEveryStageStandard() throws Exception {
        JsonNode s = standards("{\"indicator\": \"x\", \"jurisdiction\": \"000000\", \"stages\": [\"primary\"], \"value\": 1}");
        assertNull(Standards.applicable(s, "x", "320113", null));
        assertEquals(1, Standards.applicable(s, "x", "320113", "primary").get("value").asInt());
    }

    @Test
    void comparatorsDecideWhetherValueMeetsStandard() {
        assertEquals(true, Standards.meets(new BigDecimal("17"), standard("<=", "17", null)));
        assertEquals(false, Standards.meets(new BigDecimal("17.01"), standard("<=", "17", null)));
        assertEquals(true, Standards.meets(new BigDecimal("95"), standard(">=", "95", null)));
        assertEquals(true, Standards.meets(new BigDecimal("50"), standard("between", "45", "55")));
        assertEquals(false, Standards.meets(new BigDecimal("56"), standard("between", "45", "55")));
        assertNull(Standards.meets(null, standard(">=", "1", null)));
    }
}
