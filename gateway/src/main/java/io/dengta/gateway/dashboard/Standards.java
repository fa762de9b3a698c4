package io.dengta.gateway.dashboard;

import static io.dengta.gateway.dashboard.Json.array;
import static io.dengta.gateway.dashboard.Json.decimal;
import static io.dengta.gateway.dashboard.Json.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.dengta.commons.security.RegionCodes;
import io.dengta.gateway.dashboard.SchoolDashboard.AppliedStandard;
import io.dengta.gateway.dashboard.SchoolDashboard.StatisticAgainstStandard;

/**
 * Which standard applies to a statistic and whether the value meets it. The rule is indicators-service's
 * (GET /indicators/v1/indicators/{code}/standards): among the standards in force whose jurisdiction covers the
 * region and whose stages include the stage (empty: every stage), the most specific jurisdiction.
 */
final class Standards {

    static final String NATIONAL = "000000";

    private Standards() {
    }

    static List<StatisticAgainstStandard> apply(JsonNode statistics, JsonNode standards, String region) {
        List<StatisticAgainstStandard> items = new ArrayList<>();
        for (JsonNode s : array(statistics, "statistics")) {
            String indicator = text(s, "indicator");
            String stage = text(s, "stage");
            JsonNode standard = standards == null || indicator == null ? null : applicable(standards, indicator, region, stage);
            BigDecimal value = decimal(s, "value");
            AppliedStandard applied = standard == null ? null : new AppliedStandard(
                    text(standard, "id") == null ? null : UUID.fromString(text(standard, "id")),
                    text(standard, "jurisdiction"), text(standard, "comparator"), decimal(standard, "value"),
                    decimal(standard, "valueHigh"), text(standard, "source"));
            items.add(new StatisticAgainstStandard(text(s, "statistic"), indicator, text(s, "name"), stage, value,
                    text(s, "unit"), applied, applied == null ? null : meets(value, applied)));
        }
        return items;
    }

    static JsonNode applicable(JsonNode standards, String indicator, String region, String stage) {
        JsonNode best = null;
        int bestSpecificity = -1;
        for (JsonNode candidate : array(standards, "items")) {
            if (!indicator.equals(text(candidate, "indicator")) || !forStage(candidate, stage)) {
                continue;
            }
            String jurisdiction = text(candidate, "jurisdiction");
            int specificity = NATIONAL.equals(jurisdiction) ? 0
                    : RegionCodes.covers(jurisdiction, region) ? RegionCodes.coveragePrefix(jurisdiction).length() : -1;
            if (specificity > bestSpecificity) {
                best = candidate;
                bestSpecificity = specificity;
            }
        }
        return best;
    }

    /** A statistic over all stages is held only to a standard for every stage. */
    private static boolean forStage(JsonNode standard, String stage) {
        JsonNode stages = standard.get("stages");
        if (stages == null || !stages.isArray() || stages.isEmpty()) {
            return true;
        }
        if (stage == null) {
            return false;
        }
        for (JsonNode s : stages) {
            if (stage.equals(s.asText())) {
                return true;
            }
        }
        return false;
    }

    static Boolean meets(BigDecimal value, AppliedStandard standard) {
        if (value == null || standard.value() == null || standard.comparator() == null) {
            return null;
        }
        int c = value.compareTo(standard.value());
        return switch (standard.comparator()) {
            case ">=" -> c >= 0;
            case "<=" -> c <= 0;
            case "=" -> c == 0;
            case "between" -> c >= 0 && standard.valueHigh() != null && value.compareTo(standard.valueHigh()) <= 0;
            default -> null;
        };
    }
}
