package io.dengta.targets.target;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dengta.targets.Fixtures;
import io.dengta.targets.progress.SourcesStub;
import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** A school unit's region comes from schools-service (GET /schools/v1/schools/{code}), not from the code. */
@QuarkusTest
class SchoolUnitTest {

    @Inject
    UnverifiedRecheck recheck;

    @Test
    void aSchoolTargetTakesItsRegionFromSchoolsService() {
        Fixtures.plan("su-region", Fixtures.QIXIA);
        put("su-region", "a", "3201139001", null).statusCode(201)
                .body("schoolRegion", equalTo(Fixtures.QIXIA)).body("verification", equalTo("verified"));
    }

    @Test
    void rejectsASchoolOutsideThePlansRegionWhateverItsCodeSays() {
        Fixtures.plan("su-moved", Fixtures.QIXIA);
        put("su-moved", "a", SourcesStub.SCHOOL_MOVED_TO_BINHU, null).statusCode(400)
                .body("errors.pointer", hasItem("/unit"))
                .body("errors.find { it.pointer == '/unit' }.message", containsString("320211"));
    }

    @Test
    void rejectsASchoolRegionThatContradictsSchoolsService() {
        Fixtures.plan("su-mismatch", Fixtures.QIXIA);
        put("su-mismatch", "a", "3201139001", "320114").statusCode(400)
                .body("errors.find { it.pointer == '/schoolRegion' }.code", equalTo("mismatch"));
    }

    @Test
    void rejectsASchoolUnknownToSchoolsService() {
        Fixtures.plan("su-unknown", Fixtures.QIXIA);
        put("su-unknown", "a", "3201130099", null).statusCode(400)
                .body("errors.find { it.pointer == '/unit' }.code", equalTo("unknown_school"));
    }

    @Test
    void aSchoolTargetIsUnverifiedWhileSchoolsServiceIsDownAndConfirmedOrRejectedByTheRecheck() {
        Fixtures.plan("su-down", Fixtures.QIXIA);
        long inside;
        long moved;
        SourcesStub.takeDown();
        try {
            inside = put("su-down", "inside", "3201139002", null).statusCode(201)
                    .body("verification", equalTo("unverified"))
                    .body("schoolRegion", equalTo(Fixtures.QIXIA))
                    .body("verificationNote", containsString("could not be confirmed"))
                    .extract().jsonPath().getLong("id");
            moved = put("su-down", "moved", SourcesStub.SCHOOL_MOVED_TO_BINHU, null).statusCode(201)
                    .body("verification", equalTo("unverified")).extract().jsonPath().getLong("id");
            recheck.run("Bearer " + Tokens.admin());
            get(inside).body("verification", equalTo("unverified"));
        } finally {
            SourcesStub.bringBack();
        }
        recheck.run("Bearer " + Tokens.admin());
        get(inside).body("verification", equalTo("verified")).body("schoolRegion", equalTo(Fixtures.QIXIA));
        get(moved).body("verification", equalTo("rejected"))
                .body("verificationNote", containsString("is in region 320211, not in the plan owner's region 320113"));
    }

    private static ValidatableResponse put(String plan, String code, String school, String schoolRegion) {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body("""
                        {"goal": "g1", "title": "家长学校建成", "kind": "milestone", "unit": "%s"%s, "deadline": "2024"}"""
                        .formatted(school, schoolRegion == null ? "" : ", \"schoolRegion\": \"" + schoolRegion + "\""))
                .put("/targets/v1/plans/" + plan + "/targets/" + code).then();
    }

    private static ValidatableResponse get(long id) {
        return given().auth().oauth2(Tokens.admin()).get("/targets/v1/targets/" + id).then().statusCode(200);
    }
}
