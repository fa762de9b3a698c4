package io.dengta.targets.target;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.dengta.targets.Fixtures;
import io.dengta.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The scheduled re-check (off in the tests' profile: each test runs the job's body itself). */
@QuarkusTest
class UnverifiedRecheckTest {

    @Inject
    UnverifiedRecheck recheck;

    @Inject
    TargetVerification.VerificationStore store;

    @Inject
    EntityManager em;

    @Test
    void theScheduledRecheckLeavesTargetsUnverifiedWhileIndicatorsServiceIsDownThenVerifiesOrRejectsThem() {
        Fixtures.plan("rc-sched", Fixtures.QIXIA);
        long known;
        long unknown;
        IndicatorsStub.takeDown();
        try {
            known = unverifiedTarget("rc-sched", "seats", "cap.seats_added");
            unknown = unverifiedTarget("rc-sched", "typo", "pre.no_such_indicator");
            recheck.run(service());
            target(known).body("verification", equalTo("unverified"));
            target(unknown).body("verification", equalTo("unverified"));
        } finally {
            IndicatorsStub.bringBack();
        }
        recheck.run(service());
        target(known).body("verification", equalTo("verified")).body("verificationNote", nullValue())
                .body("indicatorDirection", equalTo("higher-better"));
        target(unknown).body("verification", equalTo("rejected"))
                .body("verificationNote", containsString("has no indicator pre.no_such_indicator"));
        given().auth().oauth2(Tokens.admin()).queryParam("plan", "rc-sched").queryParam("verification", "rejected")
                .get("/targets/v1/targets").then().statusCode(200).body("items.code", org.hamcrest.Matchers.contains("typo"));
    }

    @Test
    void replicasRecheckingAtOnceClaimDisjointBatches() {
        Fixtures.plan("rc-claim", Fixtures.QIXIA);
        IndicatorsStub.takeDown();
        long a;
        long b;
        try {
            a = unverifiedTarget("rc-claim", "a", "cap.seats_added");
            b = unverifiedTarget("rc-claim", "b", "cap.seats_added");
        } finally {
            IndicatorsStub.bringBack();
        }
        List<Object[]> first = store.claim(10_000, Duration.ofMinutes(2));
        List<Object[]> second = store.claim(10_000, Duration.ofMinutes(2));
        Set<Long> firstIds = new HashSet<>(first.stream().map(r -> (Long) r[0]).toList());
        assertTrue(firstIds.containsAll(List.of(a, b)), "the first replica claims every unverified target");
        assertEquals(0, second.stream().filter(r -> firstIds.contains((Long) r[0])).count(),
                "the second replica gets none of the first one's");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update target set recheck_claimed_until = null where recheck_claimed_until is not null").executeUpdate());
    }

    private static String service() {
        return "Bearer " + Tokens.admin();
    }

    private static long unverifiedTarget(String plan, String code, String indicator) {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Fixtures.indicatorTarget(indicator, Fixtures.QIXIA, ">=", "4500"))
                .put("/targets/v1/plans/" + plan + "/targets/" + code)
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201)).body("verification", equalTo("unverified"))
                .extract().jsonPath().getLong("id");
    }

    private static io.restassured.response.ValidatableResponse target(long id) {
        return given().auth().oauth2(Tokens.admin()).get("/targets/v1/targets/" + id).then().statusCode(200);
    }
}
