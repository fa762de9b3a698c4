package io.dengta.targets.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.dengta.targets.progress.SourcesStub;
import io.dengta.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** targets-service's meters at /q/metrics, and health that reports the upstreams without failing on them. */
@QuarkusTest
class ObservabilityTest {

    private static final String ENROLMENT = "pre.net_enrollment_rate";

    @Inject
    EntityManager em;

    @Test
    void theStaleTargetsGaugeCountsTargetsWhoseSourceFailedUntilTheyAreRecomputed() {
        SourcesStub.series("320124", ENROLMENT, """
                [{"period": "2023", "periodType": "year", "value": 95, "status": "approved", "updatedAt": "2024-03-01T00:00:00Z"}]""");
        plan("obs-stale", "320124");
        recompute("obs-stale");
        double before = gauge("dengta_targets_stale");
        SourcesStub.takeDown();
        try {
            recompute("obs-stale");
            assertEquals(before + 1, gauge("dengta_targets_stale"), "the target whose source failed is stale");
        } finally {
            SourcesStub.bringBack();
        }
        recompute("obs-stale");
        assertEquals(before, gauge("dengta_targets_stale"), "recomputed, it is no longer stale");
        String metrics = metrics();
        assertTrue(metrics.contains("dengta_progress_computation_seconds_count{"), "computation timer");
        assertTrue(Pattern.compile("dengta_progress_recomputed_total\\{[^}]*outcome=\"unavailable\"[^}]*trigger=\"recompute\"")
                .matcher(metrics).find(), "recompute counter by outcome and trigger");
        assertTrue(metrics.contains("dengta_targets_unverified "), "unverified gauge");
    }

    @Test
    void livenessAndReadinessStayUpWithTheUpstreamsDownWhileTheHealthDetailsSaySo() {
        SourcesStub.takeDown();
        try {
            given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
            given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            given().get("/q/health/well").then().statusCode(200).body("status", equalTo("UP"))
                    .body("checks.find { it.name == 'upstreams' }.data.indicators-service", equalTo("down"))
                    .body("checks.find { it.name == 'upstreams' }.data.schools-service", equalTo("down"));
        } finally {
            SourcesStub.bringBack();
        }
        SourcesStub.ready(false);
        given().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'upstreams' }.data.indicators-service", equalTo("degraded"));
        SourcesStub.ready(true);
        try {
            given().get("/q/health/well").then().statusCode(200)
                    .body("checks.find { it.name == 'upstreams' }.data.indicators-service", equalTo("up"));
            given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        } finally {
            SourcesStub.ready(false);
        }
    }

    private void plan(String code, String unit) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from target where plan_code = :p").setParameter("p", code).executeUpdate();
            em.createNativeQuery("delete from goal where plan_code = :p").setParameter("p", code).executeUpdate();
            em.createNativeQuery("delete from plan where code = :p").setParameter("p", code).executeUpdate();
            em.createNativeQuery("""
                    insert into plan (code, title, kind, owner_region, first_year, last_year, status, source)
                    values (:p, '测试规划', 'five-year', '320113', 2020, 2030, 'active', 'test')""").setParameter("p", code)
                    .executeUpdate();
            em.createNativeQuery("insert into goal (plan_code, code, title) values (:p, 'g1', '目标一')").setParameter("p", code)
                    .executeUpdate();
            em.createNativeQuery("""
                    insert into target (plan_code, code, goal_code, title, kind, indicator_code, unit_code, comparator,
                        target_value, deadline_period, baseline_value, baseline_period, actual_source, verification)
                    values (:p, 't1', 'g1', '测试目标', 'indicator', :i, :u, '>=', :v, '2028', 90, '2020', 'indicators', 'verified')""")
                    .setParameter("p", code).setParameter("i", ENROLMENT).setParameter("u", unit)
                    .setParameter("v", new BigDecimal("99")).executeUpdate();
        });
    }

    private static void recompute(String plan) {
        given().auth().oauth2(Tokens.admin()).queryParam("plan", plan).post("/targets/v1/recompute").then().statusCode(200);
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double gauge(String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(metrics());
        assertTrue(m.find(), name + " is exposed");
        return Double.parseDouble(m.group(1));
    }
}
