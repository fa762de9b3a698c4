package io.dengta.gateway.dashboard;

import static io.dengta.gateway.dashboard.Json.array;
import static io.dengta.gateway.dashboard.Json.decimal;
import static io.dengta.gateway.dashboard.Json.integer;
import static io.dengta.gateway.dashboard.Json.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.dengta.gateway.dashboard.RegionDashboard.DimensionScore;
import io.dengta.gateway.dashboard.RegionDashboard.Gap;
import io.dengta.gateway.dashboard.RegionDashboard.GapsSummary;
import io.dengta.gateway.dashboard.RegionDashboard.RegionInfo;
import io.dengta.gateway.dashboard.RegionDashboard.RegistryFigures;
import io.dengta.gateway.dashboard.RegionDashboard.ScoreSummary;
import io.dengta.gateway.dashboard.RegionDashboard.TargetAtRisk;
import io.dengta.gateway.dashboard.RegionDashboard.TargetsSummary;

/** Pure mappings from the services' answers (their published contracts) to the region dashboard's parts. */
final class RegionSummaries {

    static final List<String> STATUSES = List.of("achieved", "on-track", "at-risk", "off-track", "no-data", "overdue");
    private static final List<String> AT_RISK = List.of("off-track", "at-risk");

    private RegionSummaries() {
    }

    static RegionInfo region(JsonNode region) {
        return new RegionInfo(text(region, "code"), text(region, "name"), text(region, "nameEn"), text(region, "level"),
                text(region, "parent"));
    }

    /** From {@code FrameworkScores}: the entry of the region asked for. */
    static ScoreSummary score(JsonNode scores, String regionCode) {
        JsonNode mine = null;
        for (JsonNode r : array(scores, "regions")) {
            if (regionCode.equals(text(r, "region"))) {
                mine = r;
            }
        }
        if (mine == null) {
            throw new UpstreamFailure(Part.NOT_FOUND, "indicators-service has no score for region " + regionCode);
        }
        List<DimensionScore> dimensions = new ArrayList<>();
        for (JsonNode d : array(mine, "dimensions")) {
            dimensions.add(new DimensionScore(text(d, "code"), text(d, "name"), decimal(d, "weight"), decimal(d, "score"),
                    decimal(d, "coveredWeight"), decimal(d, "pointsLost")));
        }
        int missing = 0;
        for (JsonNode ignored : array(mine, "missing")) {
            missing++;
        }
        return new ScoreSummary(text(scores, "framework"), text(scores, "frameworkName"), integer(scores, "version"),
                text(scores, "period"), decimal(mine, "score"), decimal(mine, "coveredWeight"),
                decimal(mine, "missingWeight"), Json.bool(mine, "complete"), missing, dimensions);
    }

    /** From a page of {@code BenchmarkGroup}s: the first group the region itself owns (not a sub-region). */
    static UUID ownedGroup(JsonNode groups, String regionCode) {
        for (JsonNode g : array(groups, "items")) {
            if (regionCode.equals(text(g, "owner")) && text(g, "id") != null) {
                return UUID.fromString(text(g, "id"));
            }
        }
        throw new UpstreamFailure(Part.NOT_FOUND, "region " + regionCode + " owns no benchmark group");
    }

    /** From {@code BenchmarkGaps}: the rows where the owner loses points, most first (the service's order). */
    static GapsSummary gaps(JsonNode gaps, int top) {
        List<Gap> rows = new ArrayList<>();
        for (JsonNode row : array(gaps, "indicators")) {
            if (rows.size() == top) {
                break;
            }
            if (decimal(row, "pointsLost") == null || decimal(row, "pointsLost").signum() <= 0) {
                continue; // not scored, or nothing lost: not a gap
            }
            JsonNode owner = row.get("owner");
            JsonNode best = row.get("best");
            rows.add(new Gap(text(row, "indicator"), text(row, "name"), text(row, "unit"), text(row, "direction"),
                    text(row, "dimension"), decimal(owner, "value"), decimal(row, "pointsLost"), text(best, "region"),
                    text(best, "role"), decimal(best, "value"), decimal(best, "gap"), integer(row, "rank"),
                    integer(row, "rankedOf")));
        }
        String group = text(gaps, "group");
        return new GapsSummary(group == null ? null : UUID.fromString(group), text(gaps, "groupName"),
                text(gaps, "framework"), text(gaps, "period"), rows);
    }

    /** From the pages of {@code TargetProgress} read. */
    static TargetsSummary targets(List<JsonNode> progress, boolean truncated, int atRiskLimit) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        STATUSES.forEach(s -> counts.put(s, 0));
        List<TargetAtRisk> atRisk = new ArrayList<>();
        for (JsonNode p : progress) {
            String status = text(p, "status");
            if (status != null) {
                counts.merge(status, 1, Integer::sum);
            }
            if (AT_RISK.contains(status)) {
                atRisk.add(new TargetAtRisk(Json.longValue(p, "targetId"), text(p, "plan"), text(p, "goal"),
                        text(p, "code"), text(p, "title"), status, text(p, "reason"), text(p, "indicator"),
                        text(p, "deadline"), decimal(p, "targetValue"), decimal(p.get("latest"), "value"),
                        decimal(p, "expected")));
            }
        }
        atRisk.sort(Comparator.comparingInt((TargetAtRisk t) -> AT_RISK.indexOf(t.status()))
                .thenComparing(t -> t.deadline() == null ? "~" : t.deadline()));
        return new TargetsSummary(progress.size(), counts, atRisk.stream().limit(atRiskLimit).toList(), truncated);
    }

    /** From {@code RegionStatistics}: the all-stages pupil-teacher ratio carries pupils ÷ teachers (FTE). */
    static RegistryFigures registry(JsonNode statistics) {
        JsonNode ratio = null;
        for (JsonNode s : array(statistics, "statistics")) {
            if ("pupil-teacher-ratio".equals(text(s, "statistic")) && text(s, "stage") == null) {
                ratio = s;
            }
        }
        return new RegistryFigures(text(statistics, "schoolYear"), integer(statistics, "schools"),
                Json.longValue(statistics, "schoolsWithoutFacts"), decimal(ratio, "numerator"),
                decimal(ratio, "denominator"), decimal(ratio, "value"));
    }
}
