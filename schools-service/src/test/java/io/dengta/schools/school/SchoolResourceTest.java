package io.dengta.schools.school;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class SchoolResourceTest {

    static final String QIXIA_SCHOOL = "3201139001";
    static final String XINWU_SCHOOL = "3202149001";

    static String body(String name, String region, String stages) {
        return """
                {"name": "%s", "region": "%s", "stages": [%s], "ownership": "public", "status": "open",
                 "capacitySeats": 1800, "plannedClasses": 36, "source": "synthetic-demo"}""".formatted(name, region, stages);
    }

    @BeforeEach
    void schoolsExist() {
        for (String[] s : new String[][] { { QIXIA_SCHOOL, "栖霞示范小学", "320113", "\"primary\"" },
                { XINWU_SCHOOL, "新吴实验学校", "320214", "\"primary\", \"junior\"" } }) {
            int status = given().auth().oauth2(Tokens.admin()).get("/schools/v1/schools/" + s[0]).statusCode();
            if (status == 404) {
                given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body(s[1], s[2], s[3]))
                        .put("/schools/v1/schools/" + s[0]).then().statusCode(201);
            }
        }
    }

    @Test
    void createsReadsReplacesAndDeletesSchool() {
        String code = "3201139100";
        String etag = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(body("栖霞新建小学", "320113", "\"primary\""))
                .when().put("/schools/v1/schools/" + code)
                .then().statusCode(201)
                .header("Location", containsString("/schools/v1/schools/" + code))
                .body("stages", hasItem("primary"))
                .extract().header("ETag");
        String replaced = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(body("栖霞新建小学(更名)", "320113", "\"primary\", \"junior\""))
                .when().put("/schools/v1/schools/" + code)
                .then().statusCode(200)
                .body("name", equalTo("栖霞新建小学(更名)"))
                .extract().header("ETag");
        given().auth().oauth2(Tokens.admin()).header("If-Match", etag)
                .when().delete("/schools/v1/schools/" + code)
                .then().statusCode(412);
        given().auth().oauth2(Tokens.admin()).header("If-Match", replaced)
                .when().delete("/schools/v1/schools/" + code)
                .then().statusCode(204);
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/schools/" + code).then().statusCode(404);
    }

    @Test
    void reportsDomainRulesAsFieldErrors() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(body("X", "320999", "\"primary\", \"senior\""))
                .when().put("/schools/v1/schools/3201139101")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.code", hasItem("unknown_region"))
                .body("errors.code", hasItem("non_contiguous_stages"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(body("X", "320113", "\"primry\""))
                .when().put("/schools/v1/schools/3201139101")
                .then().statusCode(400)
                .body("errors[0].pointer", equalTo("/stages/0"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body("X", "320113", "\"primary\""))
                .when().put("/schools/v1/schools/32011391")
                .then().statusCode(400)
                .body("errors[0].pointer", equalTo("schoolCode"));
    }

    @Test
    void listsSchoolsOfARegionAndItsSubRegions() {
        given().auth().oauth2(Tokens.admin()).queryParam("region", "320100").queryParam("limit", 1000)
                .when().get("/schools/v1/schools")
                .then().statusCode(200)
                .body("items.code", hasItem(QIXIA_SCHOOL))
                .body("items.code", not(hasItem(XINWU_SCHOOL)));
        given().auth().oauth2(Tokens.admin()).queryParam("stage", "junior").queryParam("limit", 1000)
                .when().get("/schools/v1/schools")
                .then().statusCode(200)
                .body("items.code", hasItem(XINWU_SCHOOL))
                .body("items.code", not(hasItem(QIXIA_SCHOOL)));
    }

    @Test
    void listsOnlyWhatIsInTheCallersScope() {
        given().auth().oauth2(Tokens.role("bureau-analyst").region("320113").get()).queryParam("limit", 1000)
                .when().get("/schools/v1/schools")
                .then().statusCode(200)
                .body("items.region", everyItem(equalTo("320113")))
                .body("items.code", hasItem(QIXIA_SCHOOL));
        given().auth().oauth2(Tokens.role("school-clerk").school(XINWU_SCHOOL).get())
                .when().get("/schools/v1/schools")
                .then().statusCode(200)
                .body("items.code", everyItem(equalTo(XINWU_SCHOOL)));
        given().auth().oauth2(Tokens.role("catalog-admin").get())
                .when().get("/schools/v1/schools")
                .then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    static Stream<Arguments> accessMatrix() {
        String qixia = QIXIA_SCHOOL;
        return Stream.of(
                // who, read status, replace status
                Arguments.of("platform-admin", Tokens.admin(), 200, 200),
                Arguments.of("clerk of the school", Tokens.role("school-clerk").school(qixia).get(), 200, 200),
                Arguments.of("clerk of another school", Tokens.role("school-clerk").school(XINWU_SCHOOL).get(), 404, 403),
                Arguments.of("data feed of the city", Tokens.role("data-feed").region("320100").get(), 200, 200),
                Arguments.of("data feed of another city", Tokens.role("data-feed").region("320200").get(), 404, 403),
                Arguments.of("analyst of the district", Tokens.role("bureau-analyst").region("320113").get(), 200, 403),
                Arguments.of("viewer of the district", Tokens.role("viewer").region("320113").get(), 200, 403),
                Arguments.of("viewer of another district", Tokens.role("viewer").region("320214").get(), 404, 403),
                Arguments.of("catalog admin", Tokens.role("catalog-admin").get(), 404, 403));
    }

    @ParameterizedTest(name = "{0}: read {2}, replace {3}")
    @MethodSource("accessMatrix")
    void enforcesRoleAndScope(String who, String token, int read, int replace) {
        given().auth().oauth2(token).when().get("/schools/v1/schools/" + QIXIA_SCHOOL).then().statusCode(read);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body("栖霞示范小学", "320113", "\"primary\""))
                .when().put("/schools/v1/schools/" + QIXIA_SCHOOL).then().statusCode(replace);
    }

    @Test
    void onlyAdminsAndRegionFeedsCreateOrDeleteSchools() {
        given().auth().oauth2(Tokens.role("school-clerk").school("3201139102").get()).contentType(ContentType.JSON)
                .body(body("X", "320113", "\"primary\""))
                .when().put("/schools/v1/schools/3201139102").then().statusCode(403);
        given().auth().oauth2(Tokens.role("data-feed").region("320200").get()).contentType(ContentType.JSON)
                .body(body("X", "320113", "\"primary\""))
                .when().put("/schools/v1/schools/3201139102").then().statusCode(403);
        given().auth().oauth2(Tokens.role("data-feed").region("320100").get()).contentType(ContentType.JSON)
                .body(body("X", "320113", "\"primary\""))
                .when().put("/schools/v1/schools/3201139102").then().statusCode(201);
        given().auth().oauth2(Tokens.role("school-clerk").school("3201139102").get())
                .when().delete("/schools/v1/schools/3201139102").then().statusCode(403);
        given().auth().oauth2(Tokens.role("data-feed").region("320100").get())
                .when().delete("/schools/v1/schools/3201139102").then().statusCode(204);
    }

    @Test
    void clerkCannotMoveTheirSchoolToAnotherRegion() {
        given().auth().oauth2(Tokens.role("school-clerk").school(QIXIA_SCHOOL).get()).contentType(ContentType.JSON)
                .body(body("栖霞示范小学", "320214", "\"primary\""))
                .when().put("/schools/v1/schools/" + QIXIA_SCHOOL).then().statusCode(403);
    }
}
