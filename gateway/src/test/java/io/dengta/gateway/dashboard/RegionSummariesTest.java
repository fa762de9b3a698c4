package io.dengta.gateway.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dengta.gateway.dashboard.RegionDashboard.Gap;
import io.dengta.gateway.dashboard.RegionDashboard.TargetAtRisk;
import io.dengta.gateway.dashboard.RegionDashboard.TargetsSummary;

/** The region dashboard's mappings from the services' answers. */
class RegionSummariesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void topGapsSkipIndicatorsNotScoredOrWithoutLoss() throws Exception {
        JsonNode gaps = MAPPER.readTree("""
                {"indicators": [{"indicator": "a", "pointsLost": 2}, {"indicator": "b", "pointsLost": 0},
                 {"indicator": "c"}, {"indicator": "d", "pointsLost": 1}, {"indicator": "e", "pointsLost": 0.5}]}""");
        List<String> top = RegionSummaries.gaps(gaps, 2).top().stream().map(Gap::indicator).toList();
        assertEquals(List.of("a", "d"), top);
    }

    @Test
    void targetsCountEveryStatusAndListOffTrackBeforeAtRisk() throws Exception {
        List<JsonNode> progress = new ArrayList<>();
        for (String json : List.of("{\"code\": \"a\", \"status\": \"at-risk\", \"deadline\": \"2025\"}",
                "{\"code\": \"b\", \"status\": \"off-track\", \"deadline\": \"2027\"}",
                "{\"code\": \"c\", \"status\": \"at-risk\", \"deadline\": \"2024\"}",
                "{\"code\": \"d\", \"status\": \"achieved\"}")) {
            progress.add(MAPPER.readTree(json));
        }
        TargetsSummary summary = RegionSummaries.targets(progress, false, 2);
        assertEquals(4, summary.total());
        assertEquals(2, summary.byStatus().get("at-risk"));
        assertEquals(0, summary.byStatus().get("no-data"));
        assertEquals(List.of("b", "c"), summary.atRisk().stream().map(TargetAtRisk::code).toList());
    }

    @Test
    void groupOfSubRegionIsNotTheRegionsOwn() throws Exception {
        JsonNode groups = MAPPER.readTree("""
                {"items": [{"id": "00000000-0000-4000-8000-000000000001", "owner": "320115"}]}""");
        UpstreamFailure failure = assertThrows(UpstreamFailure.class, () -> RegionSummaries.ownedGroup(groups, "320100"));
        assertEquals(Part.NOT_FOUND, failure.status());
    }

    @Test
    void registryFiguresComeFromTheAllStagesRatio() throws Exception {
        JsonNode statistics = MAPPER.readTree("""
                {"schools": 3, "statistics": [{"statistic": "pupil-teacher-ratio", "stage": "primary", "numerator": 1},
                 {"statistic": "pupil-teacher-ratio", "stage": null, "numerator": 900, "denominator": 60, "value": 15}]}""");
        var figures = RegionSummaries.registry(statistics);
        assertEquals(900, figures.pupils().intValue());
        assertEquals(60, figures.teachersFte().intValue());
        assertTrue(figures.pupilTeacherRatio().intValue() == 15);
    }
}
