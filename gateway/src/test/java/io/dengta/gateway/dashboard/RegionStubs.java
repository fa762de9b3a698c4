package io.dengta.gateway.dashboard;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** The services' answers for region 320113 in 2024, shaped as their contracts (openapi/*.yaml) say. */
final class RegionStubs {

    static final String REGION = "/schools/v1/regions/320113";
    static final String SCORES = "/indicators/v1/frameworks/js-modernization-2013/scores";
    static final String GROUPS = "/indicators/v1/benchmark-groups";
    static final String GROUP_ID = "0b6c9a3e-5d1f-4a8e-9f51-6d2b0c1e7a10";
    static final String GAPS = "/indicators/v1/benchmark-groups/" + GROUP_ID + "/gaps";
    static final String PROGRESS = "/targets/v1/progress";
    static final String STATISTICS = "/schools/v1/statistics";

    static final String REGION_BODY = """
            {"code": "320113", "name": "栖霞区", "nameEn": "Qixia District", "level": "district", "parent": "320100",
             "version": 0, "createdAt": "2026-01-01T00:00:00Z", "updatedAt": "2026-01-01T00:00:00Z"}""";
    static final String SCORES_BODY = """
            {"framework": "js-modernization-2013", "frameworkName": "江苏省教育现代化指标体系", "version": 2013,
             "period": "2024", "regions": [{"region": "320113", "score": 81.5, "coveredWeight": 72,
             "missingWeight": 28, "complete": false, "pointsEarned": 58.68, "pointsLost": 13.32,
             "missing": [{"indicator": "qb.rotation", "weight": 3, "reason": "no-value"}],
             "dimensions": [{"code": "teachers", "name": "教师队伍", "weight": 20, "score": 75, "coveredWeight": 20,
             "pointsLost": 5}]}]}""";
    static final String GROUPS_BODY = """
            {"items": [
             {"id": "7d3e2b1a-0000-4000-8000-000000000001", "owner": "320113001", "name": "sub-region's group",
              "peers": [], "version": 0},
             {"id": "%s", "owner": "320113", "name": "栖霞区对标组", "peers": [], "version": 0}],
             "next": null}""".formatted(GROUP_ID);
    static final String GAPS_BODY = """
            {"group": "%s", "groupName": "栖霞区对标组", "owner": "320113", "framework": "js-modernization-2013",
             "version": 2013, "period": "2024", "regions": [], "indicators": [
             {"indicator": "a", "name": "A", "unit": "%%", "direction": "higher-better", "dimension": "teachers",
              "weight": 5, "scoring": "ratio", "owner": {"value": 60, "status": "scored", "pointsLost": 2},
              "best": {"region": "320106", "role": "lighthouse", "value": 90, "gap": 30}, "rank": 3, "rankedOf": 4,
              "pointsLost": 2, "comparable": true},
             {"indicator": "b", "pointsLost": 1.5, "owner": {"value": 1}, "rankedOf": 4, "comparable": true},
             {"indicator": "c", "pointsLost": 1, "rankedOf": 4, "comparable": true},
             {"indicator": "d", "pointsLost": 0.5, "rankedOf": 4, "comparable": true},
             {"indicator": "e", "pointsLost": 0.25, "rankedOf": 4, "comparable": true},
             {"indicator": "f", "pointsLost": 0.1, "rankedOf": 4, "comparable": true},
             {"indicator": "g", "rankedOf": 0, "comparable": true}]}""".formatted(GROUP_ID);
    static final String PROGRESS_BODY = """
            {"items": [
             {"targetId": 1, "plan": "qx-2025", "code": "t1", "title": "学前三年毛入园率", "status": "achieved"},
             {"targetId": 2, "plan": "qx-2025", "code": "t2", "title": "骨干教师", "status": "at-risk",
              "deadline": "2025", "targetValue": 2.0, "latest": {"period": "2024", "value": 1.2}, "expected": 1.6},
             {"targetId": 3, "plan": "qx-2025", "code": "t3", "title": "大班额", "status": "off-track",
              "deadline": "2025"},
             {"targetId": 4, "plan": "qx-2025", "code": "t4", "title": "学位", "status": "on-track"}],
             "next": null}""";
    static final String STATISTICS_BODY = """
            {"region": "320113", "regionName": "栖霞区", "schoolYear": "2024Sep", "referenceDate": "2024-09-30",
             "schools": 86, "schoolsWithoutFacts": 2, "statistics": [
             {"statistic": "pupil-teacher-ratio", "stage": "primary", "numerator": 50000, "denominator": 3000,
              "value": 16.67, "unit": "ratio"},
             {"statistic": "pupil-teacher-ratio", "stage": null, "numerator": 91234, "denominator": 6120.5,
              "value": 14.91, "unit": "ratio"}]}""";

    private RegionStubs() {
    }

    static void allAnswer(WireMockServer server) {
        server.stubFor(get(urlPathEqualTo(REGION)).willReturn(json(REGION_BODY)));
        server.stubFor(get(urlPathEqualTo(SCORES)).willReturn(json(SCORES_BODY)));
        server.stubFor(get(urlPathEqualTo(GROUPS)).willReturn(json(GROUPS_BODY)));
        server.stubFor(get(urlPathEqualTo(GAPS)).willReturn(json(GAPS_BODY)));
        server.stubFor(get(urlPathEqualTo(PROGRESS)).willReturn(json(PROGRESS_BODY)));
        server.stubFor(get(urlPathEqualTo(STATISTICS)).willReturn(json(STATISTICS_BODY)));
    }

    static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    static ResponseDefinitionBuilder problem(int status, String type, String detail) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\": \"urn:dengta:problem:" + type + "\", \"status\": " + status + ", \"detail\": \""
                        + detail + "\"}");
    }

    static MappingBuilder getPath(String path) {
        return get(urlPathEqualTo(path));
    }
}
