package io.dengta.targets.progress;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.dengta.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(SourcesStub.class)
class ProgressResourceTest {

    private static final String QIXIA = "320113";
    private static final String BINHU = "320211";
    private static final String ENROLMENT = "pre.net_enrollment_rate";
    /** 2021 92, 2022 94, 2023 95 (and a draft 2024 99 that does not count) against ≥ 99 from 90 in 2020 by 2025. */
    private static final String POINTS = """
            [{"period": "2021", "periodType": "year", "value": 92, "status": "approved", "updatedAt": "2022-03-01T00:00:00Z"},
             {"period": "2022", "periodType": "year", "value": 94, "status": "approved", "updatedAt": "2023-03-01T00:00:00Z"},
             {"period": "2023", "periodType": "year", "value": 95, "status": "submitted", "updatedAt": "2024-03-01T00:00:00Z"},
             {"period": "2024", "periodType": "year", "value": 99, "status": "draft", "updatedAt": "2025-03-01T00:00:00Z"}]""";

    @Inject
    EntityManager em;

    @Test
    void progressFollowsTheObservationsOnTheTrajectory() {
        SourcesStub.series("320113", ENROLMENT, POINTS);
        long id = indicatorTarget("prog-live", QIXIA, "320113");
        // 2023 is 36 of 60 months along: expected 90 + 9 × 0.6 = 95.4; 95 is 5/9 = 0.5556 of the way, ≥ 80% of 0.6.
        given().auth().oauth2(analyst(QIXIA)).queryParam("asOf", "2024-06-01")
                .get("/targets/v1/targets/" + id + "/progress")
                .then().statusCode(200)
                .body("status", equalTo("at-risk"))
                .body("stale", equalTo(false))
                .body("latest.period", equalTo("2023"))
                .body("expected", equalTo(95.4f))
                .body("expectedShare", equalTo(0.6f))
                .body("progressShare", equalTo(0.5556f))
                .body("trajectory.period", contains("2020", "2025"))
                .body("actuals.period", contains("2021", "2022", "2023"))
                .body("forecast.method", equalTo("linear-trend"))
                .body("forecast.points", equalTo(4))
                .body("freshness.state", equalTo("current"));
    }

    @Test
    void anAnswerAsOfAnEarlierDayCountsOnlyThePeriodsStartedByThen() {
        SourcesStub.series("320113", ENROLMENT, POINTS);
        long id = indicatorTarget("prog-asof", QIXIA, "320113");
        given().auth().oauth2(analyst(QIXIA)).queryParam("asOf", "2022-06-30")
                .get("/targets/v1/targets/" + id + "/progress")
                .then().statusCode(200)
                .body("latest.period", equalTo("2022"))
                .body("actuals.period", contains("2021", "2022"));
    }

    @Test
    void whenIndicatorsServiceIsDownTheAnswerIsTheLastKnownProgressMarkedStale() {
        SourcesStub.series("320113", ENROLMENT, POINTS);
        String plan = plan("prog-stale", QIXIA);
        long id = target(plan, "t1", "indicator", ENROLMENT, "320113", ">=", "99", "indicators");
        given().auth().oauth2(Tokens.admin()).queryParam("plan", plan).post("/targets/v1/recompute").then().statusCode(200);
        SourcesStub.takeDown();
        try {
            given().auth().oauth2(analyst(QIXIA)).get("/targets/v1/targets/" + id + "/progress")
                    .then().statusCode(200)
                    .body("stale", equalTo(true))
                    .body("staleReason", equalTo("indicators-service could not be reached"))
                    .body("latest.period", equalTo("2023"))
                    .body("computedAt", not(nullValue()));
            // the plan's tree is served from what was stored today: not stale until a recomputation fails
            given().auth().oauth2(analyst(QIXIA)).get("/targets/v1/plans/" + plan + "/progress")
                    .then().statusCode(200)
                    .body("stale", equalTo(false));
            given().auth().oauth2(Tokens.admin()).queryParam("plan", plan).post("/targets/v1/recompute")
                    .then().statusCode(200)
                    .body("unavailable", equalTo(1))
                    .body("reasons", contains("indicators-service could not be reached"));
            given().auth().oauth2(analyst(QIXIA)).get("/targets/v1/plans/" + plan + "/progress")
                    .then().statusCode(200)
                    .body("stale", equalTo(true))
                    .body("goals[0].targets[0].stale", equalTo(true))
                    .body("goals[0].targets[0].staleReason", equalTo("indicators-service could not be reached"))
                    .body("goals[0].targets[0].latest.period", equalTo("2023"));
        } finally {
            SourcesStub.bringBack();
        }
    }

    @Test
    void aTargetNeverComputedIsStaleWithoutProgressWhenItsSourceIsDown() {
        long id = indicatorTarget("prog-never", QIXIA, "320113");
        SourcesStub.takeDown();
        try {
            given().auth().oauth2(analyst(QIXIA)).get("/targets/v1/targets/" + id + "/progress")
                    .then().statusCode(200)
                    .body("stale", equalTo(true))
                    .body("status", equalTo("no-data"))
                    .body("reason", equalTo("no progress was computed before the source became unavailable"));
        } finally {
            SourcesStub.bringBack();
        }
    }

    @Test
    void recomputingTwiceChangesNothingTheSecondTime() {
        SourcesStub.series("320114", ENROLMENT, POINTS);
        String plan = plan("prog-idem", QIXIA);
        long id = target(plan, "t1", "indicator", ENROLMENT, "320114", ">=", "99", "indicators");
        given().auth().oauth2(Tokens.admin()).queryParam("plan", plan).post("/targets/v1/recompute")
                .then().statusCode(200).body("targets", equalTo(1)).body("updated", equalTo(1)).body("statusChanges", equalTo(1));
        given().auth().oauth2(Tokens.admin()).queryParam("plan", plan).post("/targets/v1/recompute")
                .then().statusCode(200).body("targets", equalTo(1)).body("updated", equalTo(0)).body("statusChanges", equalTo(0));
        given().auth().oauth2(analyst(QIXIA)).get("/targets/v1/targets/" + id + "/status-history")
                .then().statusCode(200).body("size()", equalTo(1)).body("[0].previousStatus", nullValue());
    }

    @Test
    void aStatusChangeIsKeptWithTheInputsThatProducedIt() {
        SourcesStub.series("320115", ENROLMENT, POINTS);
        String plan = plan("prog-hist", QIXIA);
        long id = target(plan, "t1", "indicator", ENROLMENT, "320115", ">=", "99", "indicators");
        given().auth().oauth2(Tokens.admin()).queryParam("plan", plan).post("/targets/v1/recompute").then().statusCode(200);
        SourcesStub.series("320115", ENROLMENT, """
                [{"period": "2023", "periodType": "year", "value": 99.5, "status": "approved"}]""");
        given().auth().oauth2(Tokens.admin()).queryParam("plan", plan).post("/targets/v1/recompute")
                .then().statusCode(200).body("statusChanges", equalTo(1));
        given().auth().oauth2(analyst(QIXIA)).get("/targets/v1/targets/" + id + "/status-history")
                .then().statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].status", equalTo("achieved"))
                .body("[0].previousStatus", not(nullValue()))
                .body("[0].inputs.actuals[0].value", equalTo(99.5f))
                .body("[0].inputs.target.comparator", equalTo(">="));
    }

    @Test
    void acceptedProgressReportsAreTheActualsOfTargetsWithoutADataSource() {
        String plan = plan("prog-reports", QIXIA);
        long id = target(plan, "t1", "indicator", ENROLMENT, "320113", ">=", "99", "reports");
        report(id, "2023", "98", "accepted");
        report(id, "2024", "99.5", "submitted");
        given().auth().oauth2(analyst(QIXIA)).queryParam("asOf", "2025-02-01").get("/targets/v1/targets/" + id + "/progress")
                .then().statusCode(200)
                .body("latest.period", equalTo("2023"))
                .body("latest.source", equalTo("progress-report"))
                .body("actuals.size()", equalTo(1));
    }

    @Test
    void aCountTargetAddsUpTheRegistrysSeatsSinceItsBaseline() {
        SourcesStub.emptyRegistry("320116");
        SourcesStub.registryCount("320116", "2023Sep", "cap.seats_added", 4500);
        SourcesStub.registryCount("320116", "2024Sep", "cap.seats_added", 3000);
        String plan = plan("prog-count", QIXIA);
        long id = insertTarget(plan, "g1", "t1", "count", "cap.seats_added", "320116", ">=", "11000", "0", "2022Sep", "2025Sep", "registry");
        given().auth().oauth2(analyst(QIXIA)).queryParam("asOf", "2025-03-01").get("/targets/v1/targets/" + id + "/progress")
                .then().statusCode(200)
                .body("actuals.value", contains(4500, 7500))
                .body("latest.source", equalTo("registry"))
                .body("status", equalTo("on-track"));
    }

    @Test
    void aTargetThatCannotBeMeasuredIsNoDataWithTheReason() {
        String plan = plan("prog-unmeasurable", QIXIA);
        long id = insertTarget(plan, "g1", "t1", "change", "health.myopia_rate", "320113", "<=", "-0.5", null, null, "2025", "indicators");
        given().auth().oauth2(analyst(QIXIA)).get("/targets/v1/targets/" + id + "/progress")
                .then().statusCode(200)
                .body("status", equalTo("no-data"))
                .body("reason", equalTo("the target cannot be measured: a change target needs a baseline"));
        given().auth().oauth2(Tokens.admin()).queryParam("plan", plan).post("/targets/v1/recompute")
                .then().statusCode(200).body("updated", equalTo(1));
    }

    @Test
    void aPlanRollsUpItsGoalsAndSubGoals() {
        SourcesStub.series("320117", ENROLMENT, POINTS);
        String plan = plan("prog-tree", QIXIA);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "insert into goal (plan_code, code, parent_code, title, position) values (:p, 'g1a', 'g1', '子目标', 1)")
                .setParameter("p", plan).executeUpdate());
        target(plan, "t1", "indicator", ENROLMENT, "320117", ">=", "95", "indicators");
        insertTarget(plan, "g1a", "t2", "indicator", ENROLMENT, "320117", ">=", "99", "90", "2020", "2025", "indicators");
        insertTarget(plan, "g1a", "t3", "milestone", null, "320117", null, null, null, null, "2030", "reports");
        given().auth().oauth2(analyst(QIXIA)).queryParam("asOf", "2024-06-01").get("/targets/v1/plans/" + plan + "/progress")
                .then().statusCode(200)
                .body("rollup.targets", equalTo(3))
                .body("rollup.worst", equalTo("at-risk"))
                .body("rollup.counts.achieved", equalTo(1))
                .body("rollup.counts.at-risk", equalTo(1))
                .body("rollup.counts.no-data", equalTo(1))
                .body("goals[0].code", equalTo("g1"))
                .body("goals[0].targets.code", contains("t1"))
                .body("goals[0].goals[0].code", equalTo("g1a"))
                .body("goals[0].goals[0].rollup.targets", equalTo(2))
                .body("goals[0].goals[0].rollup.worst", equalTo("at-risk"));
    }

    @Test
    void todaysPlanTreeIsServedFromTheStoredProgressWithoutReadingTheSourcesAgain() {
        SourcesStub.series("320118", ENROLMENT, POINTS);
        String plan = plan("prog-served", QIXIA);
        target(plan, "t1", "indicator", ENROLMENT, "320118", ">=", "99", "indicators");
        target(plan, "t2", "indicator", ENROLMENT, "320118", ">=", "95", "indicators");
        int before = SourcesStub.seriesRequests();
        // the first read computes and stores the targets never computed
        given().auth().oauth2(analyst(QIXIA)).get("/targets/v1/plans/" + plan + "/progress")
                .then().statusCode(200).body("rollup.targets", equalTo(2)).body("stale", equalTo(false));
        int afterFirst = SourcesStub.seriesRequests();
        org.junit.jupiter.api.Assertions.assertTrue(afterFirst > before, "the first read computes from the sources");
        given().auth().oauth2(analyst(QIXIA)).get("/targets/v1/plans/" + plan + "/progress")
                .then().statusCode(200).body("rollup.targets", equalTo(2)).body("rollup.counts.achieved", equalTo(1));
        assertEquals(afterFirst, SourcesStub.seriesRequests(), "the second read is served from the store");
        given().auth().oauth2(analyst(QIXIA)).queryParam("status", "achieved").get("/targets/v1/progress")
                .then().statusCode(200).body("items.code", hasItem("t2"));
    }

    @Test
    void aTargetChangedSinceItsLastRecomputationIsComputedAgainOnRead() {
        SourcesStub.series("320119", ENROLMENT, POINTS);
        String plan = plan("prog-changed", QIXIA);
        long id = target(plan, "t1", "indicator", ENROLMENT, "320119", ">=", "99", "indicators");
        given().auth().oauth2(analyst(QIXIA)).get("/targets/v1/plans/" + plan + "/progress")
                .then().statusCode(200).body("goals[0].targets[0].targetValue", equalTo(99));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update target set target_value = 94, updated_at = now() where id = :t").setParameter("t", id).executeUpdate());
        given().auth().oauth2(analyst(QIXIA)).get("/targets/v1/plans/" + plan + "/progress")
                .then().statusCode(200).body("goals[0].targets[0].targetValue", equalTo(94))
                .body("goals[0].targets[0].status", equalTo("achieved"));
    }

    @Test
    void aPlanTreeLeavesOutTheChartPointsUnlessAskedAndSummarisesOnRequest() {
        SourcesStub.series("320121", ENROLMENT, POINTS);
        String plan = plan("prog-detail", QIXIA);
        target(plan, "t1", "indicator", ENROLMENT, "320121", ">=", "99", "indicators");
        given().auth().oauth2(analyst(QIXIA)).get("/targets/v1/plans/" + plan + "/progress")
                .then().statusCode(200)
                .body("goals[0].targets[0].status", equalTo("overdue")) // the 2025 deadline has passed
                .body("goals[0].targets[0].latest.period", equalTo("2023"))
                .body("goals[0].targets[0].forecast.points", equalTo(4))
                .body("goals[0].targets[0]", not(org.hamcrest.Matchers.hasKey("trajectory")))
                .body("goals[0].targets[0]", not(org.hamcrest.Matchers.hasKey("actuals")));
        given().auth().oauth2(analyst(QIXIA)).queryParam("include", "points").get("/targets/v1/plans/" + plan + "/progress")
                .then().statusCode(200)
                .body("goals[0].targets[0].trajectory.period", contains("2020", "2025"))
                .body("goals[0].targets[0].actuals.period", contains("2021", "2022", "2023"));
        given().auth().oauth2(analyst(QIXIA)).queryParam("asOf", "2024-06-01").queryParam("include", "points")
                .get("/targets/v1/plans/" + plan + "/progress")
                .then().statusCode(200).body("goals[0].targets[0].actuals.period", contains("2021", "2022", "2023"));
        given().auth().oauth2(analyst(QIXIA)).queryParam("fields", "summary").get("/targets/v1/plans/" + plan + "/progress")
                .then().statusCode(200)
                .body("rollup.targets", equalTo(1))
                .body("goals[0].rollup.worst", equalTo("overdue"))
                .body("goals[0]", not(org.hamcrest.Matchers.hasKey("targets")));
        given().auth().oauth2(analyst(QIXIA)).queryParam("fields", "everything").queryParam("include", "charts")
                .get("/targets/v1/plans/" + plan + "/progress")
                .then().statusCode(400).body("errors.pointer", contains("include", "fields"));
    }

    @Test
    void aPlanTreeCarriesAnETagThatAnswersNotModifiedUntilAProgressChanges() {
        SourcesStub.series("320122", ENROLMENT, POINTS);
        String plan = plan("prog-etag", QIXIA);
        long id = target(plan, "t1", "indicator", ENROLMENT, "320122", ">=", "99", "indicators");
        String etag = given().auth().oauth2(analyst(QIXIA)).get("/targets/v1/plans/" + plan + "/progress")
                .then().statusCode(200).header("ETag", not(nullValue())).extract().header("ETag");
        given().auth().oauth2(analyst(QIXIA)).header("If-None-Match", etag).get("/targets/v1/plans/" + plan + "/progress")
                .then().statusCode(304);
        given().auth().oauth2(analyst(QIXIA)).header("If-None-Match", etag).queryParam("include", "points")
                .get("/targets/v1/plans/" + plan + "/progress").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update target set target_value = 98, updated_at = now() where id = :t").setParameter("t", id).executeUpdate());
        given().auth().oauth2(analyst(QIXIA)).header("If-None-Match", etag).get("/targets/v1/plans/" + plan + "/progress")
                .then().statusCode(200).header("ETag", not(equalTo(etag)));
    }

    @Test
    void aFeedThatCannotBeReadMarksTheStoredProgressStaleUntilItIsReadAgain() {
        SourcesStub.series("320123", ENROLMENT, POINTS);
        String plan = plan("prog-feed-stale", QIXIA);
        target(plan, "t1", "indicator", ENROLMENT, "320123", ">=", "99", "indicators");
        given().auth().oauth2(Tokens.admin()).queryParam("plan", plan).post("/targets/v1/recompute").then().statusCode(200);
        store.markFeedStale("indicators-service's change feed could not be read: the source did not answer in time");
        SourcesStub.takeDown();
        try {
            given().auth().oauth2(analyst(QIXIA)).get("/targets/v1/plans/" + plan + "/progress")
                    .then().statusCode(200).body("stale", equalTo(true))
                    .body("goals[0].targets[0].latest.period", equalTo("2023"));
        } finally {
            SourcesStub.bringBack();
        }
        store.clearFeedStale();
        given().auth().oauth2(analyst(QIXIA)).get("/targets/v1/plans/" + plan + "/progress")
                .then().statusCode(200).body("stale", equalTo(false));
    }

    @Test
    void theDashboardListsStoredProgressByStatusWithinTheCallersRegion() {
        SourcesStub.series("320118", ENROLMENT, POINTS);
        String qixiaPlan = plan("prog-dash-q", QIXIA);
        long qixiaTarget = target(qixiaPlan, "t1", "indicator", ENROLMENT, "320118", ">=", "99", "indicators");
        SourcesStub.series("320211", ENROLMENT, POINTS);
        String binhuPlan = plan("prog-dash-b", BINHU);
        long binhuTarget = target(binhuPlan, "t1", "indicator", ENROLMENT, "320211", ">=", "99", "indicators");
        given().auth().oauth2(Tokens.admin()).post("/targets/v1/recompute").then().statusCode(200);
        List<Integer> qixia = given().auth().oauth2(Tokens.role("viewer").region(QIXIA).get()).queryParam("limit", "1000")
                .get("/targets/v1/progress").then().statusCode(200).extract().jsonPath().getList("items.targetId", Integer.class);
        assertEquals(true, qixia.contains((int) qixiaTarget));
        assertEquals(false, qixia.contains((int) binhuTarget));
        given().auth().oauth2(Tokens.admin()).queryParam("region", BINHU).queryParam("limit", "1000")
                .get("/targets/v1/progress").then().statusCode(200)
                .body("items.targetId", hasItem((int) binhuTarget))
                .body("items.targetId", not(hasItem((int) qixiaTarget)));
        // The stored status of the target in 2026 or later is whatever today gives; filtering by it must find it.
        String status = given().auth().oauth2(Tokens.admin()).get("/targets/v1/targets/" + qixiaTarget + "/progress")
                .then().statusCode(200).extract().path("status");
        given().auth().oauth2(analyst(QIXIA)).queryParam("status", status).queryParam("limit", "1000")
                .get("/targets/v1/progress").then().statusCode(200).body("items.targetId", hasItem((int) qixiaTarget));
    }

    @Test
    void theDashboardPagesWithACursor() {
        SourcesStub.series("320119", ENROLMENT, POINTS);
        String plan = plan("prog-page", QIXIA);
        target(plan, "t1", "indicator", ENROLMENT, "320119", ">=", "99", "indicators");
        target(plan, "t2", "indicator", ENROLMENT, "320119", ">=", "98", "indicators");
        given().auth().oauth2(Tokens.admin()).queryParam("plan", plan).post("/targets/v1/recompute").then().statusCode(200);
        String next = given().auth().oauth2(analyst(QIXIA)).queryParam("limit", "1").get("/targets/v1/progress")
                .then().statusCode(200).body("items.size()", equalTo(1)).extract().path("next");
        given().auth().oauth2(analyst(QIXIA)).queryParam("limit", "1").queryParam("cursor", next).get("/targets/v1/progress")
                .then().statusCode(200).body("items.size()", equalTo(1));
        given().auth().oauth2(analyst(QIXIA)).queryParam("status", "late").queryParam("region", "32x").get("/targets/v1/progress")
                .then().statusCode(400).body("errors.pointer", contains("region", "status"));
    }

    @Test
    void newObservationsInTheChangeFeedRecomputeTheTargetsReadingThem() {
        SourcesStub.series("320120", ENROLMENT, POINTS);
        String plan = plan("prog-feed", QIXIA);
        long id = target(plan, "t1", "indicator", ENROLMENT, "320120", ">=", "99", "indicators");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "insert into progress_feed_cursor (feed, after_sequence) values ('indicators-observations', 700) "
                        + "on conflict (feed) do update set after_sequence = 700").executeUpdate());
        SourcesStub.changes(700, """
                [{"sequence": 701, "resourceType": "observation", "key": "pre.net_enrollment_rate/320120/2023", "operation": "upsert"},
                 {"sequence": 702, "resourceType": "observation", "key": "pre.net_enrollment_rate/3201200001/2023?stage=primary", "operation": "upsert"}]""",
                702);
        SourcesStub.changes(702, "[]", 702);
        assertEquals(1, poller.poll("Bearer feed"));
        assertEquals(702L, store.cursor(FeedPoller.FEED));
        given().auth().oauth2(analyst(QIXIA)).get("/targets/v1/targets/" + id + "/status-history")
                .then().statusCode(200).body("size()", equalTo(1));
        assertEquals(0, poller.poll("Bearer feed"));
    }

    // --- access ---

    @Test
    void anotherRegionsAnalystNeitherSeesNorRecomputesAPlansProgress() {
        String plan = plan("prog-acl", QIXIA);
        long id = target(plan, "t1", "milestone", null, "320113", null, null, "reports");
        String binhu = analyst(BINHU);
        given().auth().oauth2(binhu).get("/targets/v1/targets/" + id + "/progress").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(binhu).get("/targets/v1/targets/" + id + "/status-history").then().statusCode(404);
        given().auth().oauth2(binhu).get("/targets/v1/plans/" + plan + "/progress").then().statusCode(404);
        given().auth().oauth2(binhu).queryParam("plan", plan).post("/targets/v1/recompute").then().statusCode(403);
    }

    @Test
    void aViewerReadsProgressButDoesNotRecompute() {
        String plan = plan("prog-viewer", QIXIA);
        long id = insertTarget(plan, "g1", "t1", "milestone", null, "320113", null, null, null, null, "2030", "reports");
        String viewer = Tokens.role("viewer").region(QIXIA).get();
        given().auth().oauth2(viewer).get("/targets/v1/targets/" + id + "/progress").then().statusCode(200)
                .body("status", equalTo("no-data"));
        given().auth().oauth2(viewer).get("/targets/v1/plans/" + plan + "/progress").then().statusCode(200);
        given().auth().oauth2(viewer).get("/targets/v1/targets/" + id + "/status-history").then().statusCode(200);
        given().auth().oauth2(viewer).post("/targets/v1/recompute").then().statusCode(403);
        given().auth().oauth2(Tokens.role("school-clerk").school("3201130001").region(QIXIA).get())
                .post("/targets/v1/recompute").then().statusCode(403);
    }

    @Test
    void aSchoolClerkSeesTheProgressOfTargetsAboutTheirSchool() {
        String plan = plan("prog-clerk", QIXIA);
        long id = insertTarget(plan, "g1", "t1", "milestone", null, "3201130009", null, null, null, null, "2030", "reports");
        given().auth().oauth2(Tokens.role("school-clerk").school("3201130009").get())
                .get("/targets/v1/targets/" + id + "/progress").then().statusCode(200);
        given().auth().oauth2(Tokens.role("school-clerk").school("3201130008").get())
                .get("/targets/v1/targets/" + id + "/progress").then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).queryParam("plan", plan).post("/targets/v1/recompute").then().statusCode(200);
        given().auth().oauth2(Tokens.role("school-clerk").school("3201130009").get()).queryParam("limit", "1000")
                .get("/targets/v1/progress").then().statusCode(200).body("items.targetId", contains((int) id));
    }

    @Test
    void progressNeedsAToken() {
        given().get("/targets/v1/progress").then().statusCode(401);
        given().post("/targets/v1/recompute").then().statusCode(401);
    }

    @Test
    void anUnknownTargetOrPlanIsNotFoundAndABadDayIsABadRequest() {
        given().auth().oauth2(Tokens.admin()).get("/targets/v1/targets/999999999/progress").then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).get("/targets/v1/targets/abc/progress").then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).get("/targets/v1/plans/no-such-plan/progress").then().statusCode(404);
        String plan = plan("prog-bad", QIXIA);
        given().auth().oauth2(Tokens.admin()).queryParam("asOf", "2024-13-01").get("/targets/v1/plans/" + plan + "/progress")
                .then().statusCode(400).body("errors[0].pointer", equalTo("asOf"));
    }

    // --- fixtures (plain SQL: the plan feature's API is tested on its own) ---

    @Inject
    FeedPoller poller;

    @Inject
    ProgressStore store;

    private static String analyst(String region) {
        return Tokens.role("bureau-analyst").region(region).get();
    }

    /** A plan 2020–2030 with goal g1, replaced with its targets if it exists. */
    private String plan(String code, String region) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from target where plan_code = :p").setParameter("p", code).executeUpdate();
            em.createNativeQuery("delete from goal where plan_code = :p").setParameter("p", code).executeUpdate();
            em.createNativeQuery("delete from plan where code = :p").setParameter("p", code).executeUpdate();
            em.createNativeQuery("""
                    insert into plan (code, title, kind, owner_region, first_year, last_year, status, source)
                    values (:p, '测试规划', 'five-year', :r, 2020, 2030, 'active', 'test')""")
                    .setParameter("p", code).setParameter("r", region).executeUpdate();
            em.createNativeQuery("insert into goal (plan_code, code, title) values (:p, 'g1', '目标一')")
                    .setParameter("p", code).executeUpdate();
        });
        return code;
    }

    /** From 90 in 2020 by 2025 (milestones: no values). */
    private long target(String plan, String code, String kind, String indicator, String unit, String comparator, String value,
            String source) {
        boolean milestone = "milestone".equals(kind);
        return insertTarget(plan, "g1", code, kind, indicator, unit, comparator, value, milestone ? null : "90",
                milestone ? null : "2020", "2025", source);
    }

    private long indicatorTarget(String plan, String region, String unit) {
        return target(plan(plan, region), "t1", "indicator", ENROLMENT, unit, ">=", "99", "indicators");
    }

    private long insertTarget(String plan, String goal, String code, String kind, String indicator, String unit,
            String comparator, String value, String baseline, String baselinePeriod, String deadline, String source) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                insert into target (plan_code, code, goal_code, title, kind, indicator_code, unit_code, comparator,
                    target_value, deadline_period, baseline_value, baseline_period, actual_source, verification, school_region)
                values (:plan, :code, :goal, '测试目标', :kind, cast(:indicator as varchar), :unit, cast(:comparator as text),
                    cast(:value as numeric), :deadline, cast(:baseline as numeric), cast(:baselinePeriod as varchar), :source,
                    'verified', cast(:schoolRegion as varchar))
                returning id""")
                .setParameter("plan", plan).setParameter("code", code).setParameter("goal", goal).setParameter("kind", kind)
                .setParameter("indicator", indicator).setParameter("unit", unit).setParameter("comparator", comparator)
                .setParameter("value", value == null ? null : new BigDecimal(value)).setParameter("deadline", deadline)
                .setParameter("baseline", baseline == null ? null : new BigDecimal(baseline))
                .setParameter("baselinePeriod", baselinePeriod).setParameter("source", source)
                .setParameter("schoolRegion", unit.length() == 10 ? unit.substring(0, 6) : null)
                .getSingleResult()).longValue());
    }

    private void report(long targetId, String period, String value, String status) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into progress_report (target_id, period, value, reporter, status) values (:t, :p, :v, 'clerk', :s)""")
                .setParameter("t", targetId).setParameter("p", period).setParameter("v", new BigDecimal(value))
                .setParameter("s", status).executeUpdate());
    }
}
