package io.dengta.indicators.observation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Who may read, write, delete and see the history of which observations. */
@QuarkusTest
class ObservationAccessTest {

    static final String QIXIA_SCHOOL = "3201132001";
    static final String XINWU_SCHOOL = "3202142001";
    /** A submitted value of a Qixia school, an approved one, a Xinwu school's, and Qixia's own (region) value. */
    static final String QIXIA_SUBMITTED = ObservationResourceTest.BASE + "ce.pupil_teacher_ratio/" + QIXIA_SCHOOL + "/2021Sep";
    static final String QIXIA_APPROVED = ObservationResourceTest.BASE + "health.myopia_rate/" + QIXIA_SCHOOL + "/2021";
    static final String XINWU = ObservationResourceTest.BASE + "ce.pupil_teacher_ratio/" + XINWU_SCHOOL + "/2021Sep";
    static final String QIXIA_REGION = ObservationResourceTest.BASE + "cap.seats_added/320113/2021";

    @BeforeEach
    void observationsExist() {
        put(QIXIA_SUBMITTED, "{\"region\": \"320113\", \"value\": 15.5, \"status\": \"submitted\"}");
        put(QIXIA_APPROVED, "{\"region\": \"320113\", \"value\": 48.2, \"status\": \"approved\"}");
        put(XINWU, "{\"region\": \"320214\", \"value\": 14.1, \"status\": \"approved\"}");
        put(QIXIA_REGION, "{\"value\": 3000, \"status\": \"approved\"}");
    }

    private static void put(String path, String body) {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body).when().put(path)
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    static Stream<Arguments> reads() {
        return Stream.of(
                Arguments.of("platform-admin", Tokens.admin(), 200, 200, 200, 200),
                Arguments.of("bureau-analyst of Qixia", Tokens.role("bureau-analyst").region("320113").get(), 200, 200, 404, 200),
                Arguments.of("bureau-analyst of Nanjing", Tokens.role("bureau-analyst").region("320100").get(), 200, 200, 404, 200),
                Arguments.of("bureau-analyst of Wuxi", Tokens.role("bureau-analyst").region("320200").get(), 404, 404, 200, 404),
                Arguments.of("data-feed of Nanjing", Tokens.role("data-feed").region("320100").get(), 200, 200, 404, 200),
                Arguments.of("school-clerk of the Qixia school", Tokens.role("school-clerk").school(QIXIA_SCHOOL).get(), 200, 200, 404, 404),
                Arguments.of("viewer of Qixia: approved only", Tokens.role("viewer").region("320113").get(), 404, 200, 404, 200),
                Arguments.of("catalog-admin without scope", Tokens.role("catalog-admin").get(), 404, 404, 404, 404));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reads")
    void readsAreScopedAndViewersSeeApprovedValuesOnly(String who, String token, int qixiaSubmitted, int qixiaApproved,
            int xinwu, int qixiaRegion) {
        given().auth().oauth2(token).get(QIXIA_SUBMITTED).then().statusCode(qixiaSubmitted);
        given().auth().oauth2(token).get(QIXIA_APPROVED).then().statusCode(qixiaApproved);
        given().auth().oauth2(token).get(XINWU).then().statusCode(xinwu);
        given().auth().oauth2(token).get(QIXIA_REGION).then().statusCode(qixiaRegion);
    }

    static Stream<Arguments> writes() {
        return Stream.of(
                Arguments.of("platform-admin", Tokens.admin(), 200, 200),
                Arguments.of("data-feed of Nanjing", Tokens.role("data-feed").region("320100").get(), 200, 403),
                Arguments.of("data-feed of Qixia", Tokens.role("data-feed").region("320113").get(), 200, 403),
                Arguments.of("data-feed of Wuxi", Tokens.role("data-feed").region("320200").get(), 403, 200),
                Arguments.of("data-feed of the Qixia school", Tokens.role("data-feed").school(QIXIA_SCHOOL).get(), 200, 403),
                Arguments.of("bureau-analyst of Qixia", Tokens.role("bureau-analyst").region("320113").get(), 403, 403),
                Arguments.of("school-clerk of the Qixia school", Tokens.role("school-clerk").school(QIXIA_SCHOOL).get(), 403, 403),
                Arguments.of("viewer of Qixia", Tokens.role("viewer").region("320113").get(), 403, 403),
                Arguments.of("catalog-admin", Tokens.role("catalog-admin").get(), 403, 403));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writes")
    void writesAreForPlatformAdminsAndDataFeedsInScope(String who, String token, int qixia, int xinwu) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"region\": \"320113\", \"value\": 15.5, \"status\": \"submitted\"}")
                .when().put(QIXIA_SUBMITTED).then().statusCode(qixia);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"region\": \"320214\", \"value\": 14.1, \"status\": \"approved\"}")
                .when().put(XINWU).then().statusCode(xinwu);
        if (qixia == 403) {
            given().auth().oauth2(token).when().delete(QIXIA_SUBMITTED).then().statusCode(403)
                    .contentType("application/problem+json");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writes")
    void deletesAreForPlatformAdminsAndDataFeedsInScope(String who, String token, int qixia, int xinwu) {
        String path = ObservationResourceTest.BASE + "health.obesity_rate/" + QIXIA_SCHOOL + "/2019";
        put(path, "{\"region\": \"320113\", \"value\": 12.5}");
        given().auth().oauth2(token).when().delete(path).then().statusCode(qixia == 200 ? 204 : 403);
    }

    @org.junit.jupiter.api.Test
    void aFeedCannotTakeASchoolsObservationsFromAnotherRegion() {
        String path = ObservationResourceTest.BASE + "ce.pupil_teacher_ratio/3202142002/2021Sep";
        put(path, "{\"region\": \"320214\", \"value\": 12}");
        given().auth().oauth2(Tokens.role("data-feed").region("320113").get()).contentType(ContentType.JSON)
                .body("{\"region\": \"320113\", \"value\": 12}")
                .when().put(path).then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).get(path).then().statusCode(200).body("region", equalTo("320214"));
    }

    static Stream<Arguments> history() {
        return Stream.of(
                Arguments.of("platform-admin", Tokens.admin(), 200),
                Arguments.of("bureau-analyst of Qixia", Tokens.role("bureau-analyst").region("320113").get(), 200),
                Arguments.of("bureau-analyst of Wuxi", Tokens.role("bureau-analyst").region("320200").get(), 404),
                Arguments.of("data-feed of Nanjing", Tokens.role("data-feed").region("320100").get(), 200),
                Arguments.of("school-clerk of the Qixia school", Tokens.role("school-clerk").school(QIXIA_SCHOOL).get(), 200),
                Arguments.of("viewer of Qixia", Tokens.role("viewer").region("320113").get(), 403));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("history")
    void historyIsForRolesThatSeeUnpublishedValuesWithinScope(String who, String token, int status) {
        given().auth().oauth2(token).get(QIXIA_SUBMITTED + "/history").then().statusCode(status);
    }
}
