package io.dengta.schools.group;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dengta.schools.school.School;
import io.dengta.testing.PostgresTestResource;
import io.dengta.testing.Tokens;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class SchoolGroupResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String GROUPS = "/schools/v1/school-groups/";

    static final String QX1 = "3201135001";
    static final String QX2 = "3201135002";
    static final String QX3 = "3201135003";
    static final String XW1 = "3202145001";
    static final String XW2 = "3202145002";
    static final String LG1 = "4403075001";

    private static boolean schoolsCreated;

    private static String clerkOfQx1() {
        return Tokens.role("school-clerk").school(QX1).get();
    }

    private static String clerkOfAnotherSchool() {
        return Tokens.role("school-clerk").school(XW1).get();
    }

    private static String feedOfQixia() {
        return Tokens.role("data-feed").region("320113").get();
    }

    private static String feedOfLonggang() {
        return Tokens.role("data-feed").region("440307").get();
    }

    private static String analystOfQixia() {
        return Tokens.role("bureau-analyst").region("320113").get();
    }

    private static String viewerOfJinzhou() {
        return Tokens.role("viewer").region("210213").get();
    }

    /** Creates (or replaces) a school of the registry as a platform admin. */
    static void school(String code, String region, String... stages) {
        String body = """
                {"name": "测试学校 %s", "region": "%s", "stages": [%s], "ownership": "public", "status": "open",
                 "openedOn": "2000-09-01"}""".formatted(code, region,
                String.join(",", List.of(stages).stream().map(s -> "\"" + s + "\"").toList()));
        int status = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .when().put("/schools/v1/schools/" + code).then().extract().statusCode();
        if (status != 200 && status != 201) {
            throw new IllegalStateException("could not create school " + code + ": " + status);
        }
    }

    @BeforeEach
    void registry() {
        if (!schoolsCreated) {
            school(QX1, "320113", "primary", "junior");
            school(QX2, "320113", "primary");
            school(QX3, "320113", "primary");
            school(XW1, "320214", "primary");
            school(XW2, "320214", "primary");
            school(LG1, "440307", "primary");
            schoolsCreated = true;
        }
    }

    private static String member(String school, String joined, String left) {
        return left == null ? "{\"school\":\"%s\",\"joinedOn\":\"%s\"}".formatted(school, joined)
                : "{\"school\":\"%s\",\"joinedOn\":\"%s\",\"leftOn\":\"%s\"}".formatted(school, joined, left);
    }

    private static String group(String kind, String region, String lead, String founded, String... members) {
        return """
                {"name": "测试教育集团", "nameEn": "Test group", "kind": "%s", "region": "%s", "leadSchool": "%s",
                 %s "members": [%s], "source": "test"}""".formatted(kind, region, lead,
                founded == null ? "" : "\"foundedOn\": \"" + founded + "\",", String.join(",", members));
    }

    /** An education group of Qixia: QX1 (lead, since 2019) and QX2 (2019 to 2021). */
    private static String qixiaGroup() {
        return group("education-group", "320113", QX1, "2019-09-01", member(QX1, "2019-09-01", null),
                member(QX2, "2019-09-01", "2021-08-31"));
    }

    private static void put(String code, String body) {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .when().put(GROUPS + code)
                .then().statusCode(is(org.hamcrest.Matchers.oneOf(200, 201)));
    }

    @Test
    void createsReadsAndReplacesGroupUnderOptimisticConcurrency() {
        String etag = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(group(
                "education-group", "320113", QX1, "2019-09-01", member(QX2, "2019-09-01", null),
                member(QX1, "2019-09-01", null)))
                .when().put(GROUPS + "QX-Create")
                .then().statusCode(201)
                .header("Location", containsString("/schools/v1/school-groups/QX-Create"))
                .body("code", equalTo("QX-Create"))
                .body("kind", equalTo("education-group"))
                .body("region", equalTo("320113"))
                .body("leadSchool", equalTo(QX1))
                .body("foundedOn", equalTo("2019-09-01"))
                .body("members.school", contains(QX1, QX2))
                .body("version", equalTo(0))
                .body("createdAt", notNullValue())
                .extract().header("ETag");

        given().auth().oauth2(analystOfQixia()).when().get(GROUPS + "QX-Create")
                .then().statusCode(200)
                .header("ETag", equalTo(etag))
                .body("members", hasSize(2));
        given().auth().oauth2(analystOfQixia()).header("If-None-Match", etag).when().get(GROUPS + "QX-Create")
                .then().statusCode(304);

        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(group("education-group", "320113", QX1, "2019-09-01", member(QX1, "2019-09-01", null),
                        member(QX3, "2020-09-01", null)))
                .when().put(GROUPS + "QX-Create")
                .then().statusCode(200)
                .body("version", equalTo(1))
                .body("members.school", contains(QX1, QX3));

        given().auth().oauth2(Tokens.admin()).when().get(GROUPS + "QX-Create")
                .then().statusCode(200)
                .body("members.school", contains(QX1, QX3))
                .body("members[1].joinedOn", equalTo("2020-09-01"));
    }

    @Test
    void answersPreconditionFailedToStaleWriters() {
        String etag = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(qixiaGroup())
                .when().put(GROUPS + "QX-Stale")
                .then().statusCode(201).extract().header("ETag");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(qixiaGroup().replace("测试教育集团", "改名"))
                .when().put(GROUPS + "QX-Stale")
                .then().statusCode(200);

        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(qixiaGroup())
                .when().put(GROUPS + "QX-Stale")
                .then().statusCode(412)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:dengta:problem:precondition-failed"));
        given().auth().oauth2(Tokens.admin()).header("If-Match", etag)
                .when().delete(GROUPS + "QX-Stale")
                .then().statusCode(412).contentType(PROBLEM);
        given().auth().oauth2(Tokens.admin()).when().get(GROUPS + "QX-Stale")
                .then().statusCode(200).body("name", equalTo("改名"));
    }

    @Test
    void answersPreconditionFailedToIfMatchOnAGroupThatDoesNotExist() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(qixiaGroup())
                .when().put(GROUPS + "QX-Never")
                .then().statusCode(412).contentType(PROBLEM);
        given().auth().oauth2(Tokens.admin()).when().get(GROUPS + "QX-Never")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void deletesGroupWithTombstoneInTheChangeFeed() {
        String etag = given().auth().oauth2(feedOfQixia()).contentType(ContentType.JSON).body(qixiaGroup())
                .when().put(GROUPS + "QX-Feed")
                .then().statusCode(201).extract().header("ETag");
        given().auth().oauth2(feedOfQixia()).header("If-Match", etag)
                .when().delete(GROUPS + "QX-Feed")
                .then().statusCode(204);
        given().auth().oauth2(Tokens.admin()).when().get(GROUPS + "QX-Feed")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/schools/" + QX1 + "/groups")
                .then().statusCode(200).body("items.group", not(hasItem("QX-Feed")));

        Response feed = given().auth().oauth2(Tokens.admin()).queryParam("after", 0).queryParam("limit", 1000)
                .queryParam("resourceType", "school-group")
                .when().get("/schools/v1/changes");
        feed.then().statusCode(200);
        List<Map<String, Object>> changes = feed.path("items.findAll { it.key == 'QX-Feed' }");
        assertEquals(List.of("upsert", "delete"), changes.stream().map(c -> c.get("operation")).toList());
        assertEquals(List.of("school-group", "school-group"), changes.stream().map(c -> c.get("resourceType")).toList());
        assertEquals("320113", changes.get(0).get("region"));
        assertEquals(true, feedTypes().contains("school-group"));
    }

    /** Every resource type in the whole change feed, read as an integrator does: page after page from 0. */
    static java.util.Set<String> feedTypes() {
        java.util.Set<String> types = new HashSet<>();
        long after = 0;
        while (true) {
            Response page = given().auth().oauth2(Tokens.admin()).queryParam("after", after).queryParam("limit", 1000)
                    .when().get("/schools/v1/changes");
            page.then().statusCode(200);
            List<String> items = page.path("items.resourceType");
            if (items.isEmpty()) {
                return types;
            }
            types.addAll(items);
            after = ((Number) page.path("next")).longValue();
        }
    }

    @Test
    void auditsWhoChangedTheGroupWithBeforeAndAfter() {
        put("QX-Audit", qixiaGroup());
        given().auth().oauth2(Tokens.admin()).queryParam("resourceType", "school-group").queryParam("key", "QX-Audit")
                .when().get("/schools/v1/audit")
                .then().statusCode(200)
                .body("[0].operation", equalTo("create"))
                .body("[0].after.members.school", contains(QX1, QX2));
    }

    @Test
    void rejectsMalformedGroupCodes() {
        given().auth().oauth2(Tokens.admin()).when().get(GROUPS + "A")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].pointer", equalTo("groupCode"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(qixiaGroup())
                .when().put(GROUPS + "bad_code")
                .then().statusCode(400).body("errors[0].pointer", equalTo("groupCode"));
        given().auth().oauth2(Tokens.admin()).when().get(GROUPS + "X".repeat(33))
                .then().statusCode(400).body("errors[0].pointer", equalTo("groupCode"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(qixiaGroup())
                .when().put(GROUPS + "X".repeat(32))
                .then().statusCode(201);
    }

    @Test
    void reportsEveryMalformedFieldWithItsPointer() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body("""
                        {"name": "", "kind": "club", "region": "3201", "leadSchool": "123",
                         "members": [{"school": "12", "joinedOn": "2019-09-01"}, {"school": "3201135002"}]}""")
                .when().put(GROUPS + "QX-Malformed")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:dengta:problem:validation"))
                .body("errors.pointer", hasItems("/name", "/kind", "/region", "/leadSchool", "/members/0/school",
                        "/members/1/joinedOn"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(qixiaGroup().replace("\"source\"", "\"leader\": \"x\", \"source\""))
                .when().put(GROUPS + "QX-Malformed")
                .then().statusCode(400).body("errors[0].code", equalTo("unknown_field"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"kind\":\"alliance\",\"region\":\"320113\",\"leadSchool\":\"" + QX1 + "\"}")
                .when().put(GROUPS + "QX-Malformed")
                .then().statusCode(400).body("errors.pointer", hasItem("/members"));
    }

    @Test
    void rejectsMembersThatDoNotExist() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(group("alliance", "320113", QX1, null, member(QX1, "2019-09-01", null),
                        member("3201139998", "2019-09-01", null)))
                .when().put(GROUPS + "QX-Unknown")
                .then().statusCode(400)
                .body("errors.pointer", contains("/members/1/school"))
                .body("errors.code", contains("unknown_school"));
    }

    @Test
    void rejectsOwnerRegionThatDoesNotExist() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(group("alliance", "320199", QX1, null, member(QX1, "2019-09-01", null),
                        member(QX2, "2019-09-01", null)))
                .when().put(GROUPS + "QX-NoRegion")
                .then().statusCode(400)
                .body("errors.code", contains("unknown_region"));
    }

    @Test
    void rejectsOverlappingMembershipsLeavingBeforeJoiningAndTooFewSchools() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(group("alliance", "320113", QX1, null, member(QX1, "2019-09-01", null),
                        member(QX1, "2020-09-01", "2020-08-01")))
                .when().put(GROUPS + "QX-Rules")
                .then().statusCode(400)
                .body("errors.code", hasItems("before_joining", "overlapping_membership", "too_few_members"));
    }

    @Test
    void rejectsLeadSchoolThatIsNotAMemberAtTheRightTime() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(group("alliance", "320113", QX3, null, member(QX1, "2019-09-01", null),
                        member(QX2, "2019-09-01", null)))
                .when().put(GROUPS + "QX-Lead")
                .then().statusCode(400).body("errors.code", contains("not_a_member"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(group("alliance", "320113", QX2, "2019-09-01", member(QX1, "2019-09-01", null),
                        member(QX2, "2020-09-01", "2021-08-31")))
                .when().put(GROUPS + "QX-Lead")
                .then().statusCode(400).body("errors.code", contains("lead_not_a_member_then"));
    }

    @Test
    void keepsEducationGroupsWithinTheirRegionButLetsPartnershipsSpanRegions() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(group("education-group", "320113", QX1, null, member(QX1, "2019-09-01", null),
                        member(LG1, "2019-09-01", null)))
                .when().put(GROUPS + "QX-Span")
                .then().statusCode(400)
                .body("errors.pointer", contains("/members/1/school"))
                .body("errors.code", contains("outside_region"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(group("district-partnership", "320113", QX1, null, member(QX1, "2019-09-01", null),
                        member(LG1, "2019-09-01", null)))
                .when().put(GROUPS + "QX-Span")
                .then().statusCode(201);
    }

    @Test
    void accessMatrixForOneGroup() {
        put("QX-Matrix", qixiaGroup());
        record Case(String who, String token, int get, boolean listed, int put, int delete) {
        }
        List<Case> cases = List.of(
                new Case("platform-admin", Tokens.admin(), 200, true, 200, 204),
                new Case("school-clerk of a member school", clerkOfQx1(), 200, true, 403, 403),
                new Case("school-clerk of another school", clerkOfAnotherSchool(), 404, false, 403, 403),
                new Case("data-feed of the region", feedOfQixia(), 200, true, 200, 204),
                new Case("data-feed of another region", feedOfLonggang(), 404, false, 403, 403),
                new Case("bureau-analyst of the region", analystOfQixia(), 200, true, 403, 403),
                new Case("bureau-analyst of the city", Tokens.role("bureau-analyst").region("320100").get(), 200, true,
                        403, 403),
                new Case("viewer of another region", viewerOfJinzhou(), 404, false, 403, 403));
        for (Case c : cases) {
            given().auth().oauth2(c.token()).when().get(GROUPS + "QX-Matrix")
                    .then().statusCode(c.get()).contentType(c.get() == 200 ? "application/json" : PROBLEM);
            List<String> listed = given().auth().oauth2(c.token()).queryParam("limit", 1000)
                    .when().get("/schools/v1/school-groups")
                    .then().statusCode(200).extract().path("items.code");
            assertEquals(c.listed(), listed.contains("QX-Matrix"), c.who() + " lists the group");
            given().auth().oauth2(c.token()).contentType(ContentType.JSON).body(qixiaGroup())
                    .when().put(GROUPS + "QX-Matrix")
                    .then().statusCode(c.put());
            // a group of its own to delete, so the matrix group stays
            put("QX-Del-" + cases.indexOf(c), qixiaGroup());
            given().auth().oauth2(c.token()).when().delete(GROUPS + "QX-Del-" + cases.indexOf(c))
                    .then().statusCode(c.delete());
        }
        given().auth().oauth2(feedOfQixia()).contentType(ContentType.JSON)
                .body(qixiaGroup().replace("\"320113\"", "\"440307\""))
                .when().put(GROUPS + "QX-Matrix")
                .then().statusCode(403); // handing the group to another region needs that region too
        given().auth().oauth2(feedOfLonggang()).contentType(ContentType.JSON).body(qixiaGroup())
                .when().put(GROUPS + "QX-Foreign")
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("urn:dengta:problem:forbidden"));
    }

    @Test
    void viewerOfAnotherRegionGetsNotFoundForAGroup() {
        put("QX-Hidden", qixiaGroup());
        given().auth().oauth2(viewerOfJinzhou()).when().get(GROUPS + "QX-Hidden")
                .then().statusCode(404)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:dengta:problem:not-found"));
        given().auth().oauth2(viewerOfJinzhou()).when().get("/schools/v1/schools/" + QX1 + "/groups")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void clerkReadsTheGroupsOfTheirSchoolWithDates() {
        put("QX-Clerk", qixiaGroup());
        put("QX-Partner", group("district-partnership", "320113", QX1, "2020-01-01", member(QX1, "2020-01-01", null),
                member(LG1, "2020-01-01", null)));
        given().auth().oauth2(clerkOfQx1()).when().get("/schools/v1/schools/" + QX1 + "/groups")
                .then().statusCode(200)
                .body("next", nullValue())
                .body("items.group", hasItems("QX-Clerk", "QX-Partner"))
                .body("items.find { it.group == 'QX-Clerk' }.joinedOn", equalTo("2019-09-01"))
                .body("items.find { it.group == 'QX-Clerk' }.lead", equalTo(true))
                .body("items.find { it.group == 'QX-Partner' }.kind", equalTo("district-partnership"));
        given().auth().oauth2(clerkOfQx1()).when().get(GROUPS + "QX-Clerk")
                .then().statusCode(200).body("members.school", hasItem(QX2));
        given().auth().oauth2(clerkOfAnotherSchool()).when().get("/schools/v1/schools/" + QX1 + "/groups")
                .then().statusCode(404);

        // QX2 left QX-Clerk in 2021: a member then, not now
        String clerkOfQx2 = Tokens.role("school-clerk").school(QX2).get();
        given().auth().oauth2(clerkOfQx2).when().get("/schools/v1/schools/" + QX2 + "/groups")
                .then().statusCode(200)
                .body("items.find { it.group == 'QX-Clerk' }.leftOn", equalTo("2021-08-31"))
                .body("items.find { it.group == 'QX-Clerk' }.lead", equalTo(false));
        given().auth().oauth2(clerkOfQx2).queryParam("activeOn", "2020-06-01")
                .when().get("/schools/v1/schools/" + QX2 + "/groups")
                .then().statusCode(200).body("items.group", hasItem("QX-Clerk"));
        given().auth().oauth2(clerkOfQx2).queryParam("activeOn", LocalDate.now(ZoneOffset.ofHours(8)).toString())
                .when().get("/schools/v1/schools/" + QX2 + "/groups")
                .then().statusCode(200).body("items.group", not(hasItem("QX-Clerk")));
        given().auth().oauth2(clerkOfQx2).queryParam("activeOn", "soon")
                .when().get("/schools/v1/schools/" + QX2 + "/groups")
                .then().statusCode(400).body("errors[0].pointer", equalTo("activeOn"));
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/schools/3201139997/groups")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/schools/32011/groups")
                .then().statusCode(400).body("errors[0].pointer", equalTo("schoolCode"));
    }

    @Test
    void memberSchoolInScopeMakesACrossRegionPartnershipVisible() {
        put("QX-LG-Partner", group("district-partnership", "320113", QX1, "2020-01-01",
                member(QX1, "2020-01-01", null), member(LG1, "2020-01-01", null)));
        put("QX-Only", qixiaGroup());
        String viewerOfLonggang = Tokens.role("viewer").region("440307").get();
        given().auth().oauth2(viewerOfLonggang).when().get(GROUPS + "QX-LG-Partner")
                .then().statusCode(200).body("members.school", hasItem(LG1));
        given().auth().oauth2(viewerOfLonggang).when().get(GROUPS + "QX-Only")
                .then().statusCode(404);
        given().auth().oauth2(viewerOfLonggang).queryParam("limit", 1000).when().get("/schools/v1/school-groups")
                .then().statusCode(200)
                .body("items.code", hasItem("QX-LG-Partner"))
                .body("items.code", not(hasItem("QX-Only")))
                .body("items.region", everyItem(equalTo("320113")));
        // seeing a group is not managing it
        given().auth().oauth2(feedOfLonggang()).contentType(ContentType.JSON)
                .body(group("district-partnership", "320113", QX1, "2020-01-01", member(QX1, "2020-01-01", null),
                        member(LG1, "2020-01-01", null)))
                .when().put(GROUPS + "QX-LG-Partner")
                .then().statusCode(403);
    }

    @Test
    void filtersGroupsByRegionKindSchoolAndActiveDate() {
        put("XW-Alliance", group("alliance", "320214", XW1, "2018-09-01", member(XW1, "2018-09-01", null),
                member(XW2, "2018-09-01", "2020-08-31")));
        put("XW-Edu", group("education-group", "320214", XW2, "2022-09-01", member(XW1, "2022-09-01", null),
                member(XW2, "2022-09-01", null)));
        String analystOfWuxi = Tokens.role("bureau-analyst").region("320200").get();
        given().auth().oauth2(analystOfWuxi).queryParam("region", "320214")
                .when().get("/schools/v1/school-groups")
                .then().statusCode(200).body("items.code", hasItems("XW-Alliance", "XW-Edu"));
        given().auth().oauth2(analystOfWuxi).queryParam("region", "320200").queryParam("kind", "alliance")
                .when().get("/schools/v1/school-groups")
                .then().statusCode(200)
                .body("items.code", hasItem("XW-Alliance"))
                .body("items.kind", everyItem(equalTo("alliance")));
        given().auth().oauth2(Tokens.admin()).queryParam("region", "320113")
                .when().get("/schools/v1/school-groups")
                .then().statusCode(200).body("items.region", everyItem(equalTo("320113")));
        given().auth().oauth2(analystOfWuxi).queryParam("school", XW2).queryParam("activeOn", "2019-09-01")
                .when().get("/schools/v1/school-groups")
                .then().statusCode(200)
                .body("items.code", hasItem("XW-Alliance"))
                .body("items.code", not(hasItem("XW-Edu")));
        given().auth().oauth2(analystOfWuxi).queryParam("school", XW2).queryParam("activeOn", "2023-09-01")
                .when().get("/schools/v1/school-groups")
                .then().statusCode(200)
                .body("items.code", hasItem("XW-Edu"))
                .body("items.code", not(hasItem("XW-Alliance")));
        given().auth().oauth2(analystOfWuxi).queryParam("school", XW2)
                .when().get("/schools/v1/school-groups")
                .then().statusCode(200).body("items.code", hasItems("XW-Alliance", "XW-Edu"));
        given().auth().oauth2(analystOfWuxi).queryParam("school", QX1)
                .when().get("/schools/v1/school-groups")
                .then().statusCode(200).body("items.code", not(hasItems("XW-Alliance")));
        // founded in 2022: not active in 2021 even though nobody had left
        given().auth().oauth2(analystOfWuxi).queryParam("region", "320214").queryParam("activeOn", "2021-09-01")
                .when().get("/schools/v1/school-groups")
                .then().statusCode(200)
                .body("items.code", hasItem("XW-Alliance"))
                .body("items.code", not(hasItem("XW-Edu")));
        String future = java.time.OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString();
        given().auth().oauth2(analystOfWuxi).queryParam("updatedSince", future)
                .when().get("/schools/v1/school-groups")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void pagesThroughGroupsWithoutGapsOrRepeats() {
        for (int i = 0; i < 5; i++) {
            put("XW-Page-" + i, group("alliance", "320214", XW1, null, member(XW1, "2018-09-01", null),
                    member(XW2, "2018-09-01", null)).replace("测试教育集团", "联盟 " + (char) ('E' - i)));
        }
        String token = Tokens.role("bureau-analyst").region("320214").get();
        int total = given().auth().oauth2(token).queryParam("includeTotal", "true")
                .when().get("/schools/v1/school-groups").then().statusCode(200).extract().path("total");
        for (String sort : List.of("code", "-name", "updatedAt,-code")) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            do {
                Response page = given().auth().oauth2(token).queryParam("limit", 2).queryParam("sort", sort)
                        .queryParam("cursor", cursor == null ? "" : cursor)
                        .when().get("/schools/v1/school-groups");
                page.then().statusCode(200).body("total", nullValue());
                seen.addAll(page.path("items.code"));
                cursor = page.path("next");
            } while (cursor != null);
            assertEquals(total, seen.size(), sort);
            assertEquals(total, new HashSet<>(seen).size(), sort);
        }
    }

    @Test
    void rejectsBadListParameters() {
        for (Map.Entry<String, String> bad : Map.of("region", "3201", "kind", "club", "school", "12",
                "activeOn", "2024-13-01", "updatedSince", "yesterday", "sort", "founded", "limit", "0",
                "cursor", "nonsense", "includeTotal", "yes").entrySet()) {
            given().auth().oauth2(Tokens.admin()).queryParam(bad.getKey(), bad.getValue())
                    .when().get("/schools/v1/school-groups")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].pointer", equalTo(bad.getKey()));
        }
    }

    @Test
    @TestTransaction
    void offersTheSchoolListAFilterOfSchoolsActiveInAGroup() {
        put("QX-Filter", qixiaGroup());
        List<String> now = School.<School>find("from School s where " + SchoolGroupFilters.SCHOOL_ACTIVE_IN_GROUP
                + " order by s.code", Map.of("group", "QX-Filter", "groupActiveOn",
                        LocalDate.now(ZoneOffset.ofHours(8)))).stream().map(s -> s.code).toList();
        assertEquals(List.of(QX1), now);
        List<String> in2020 = School.<School>find("from School s where " + SchoolGroupFilters.SCHOOL_ACTIVE_IN_GROUP
                + " order by s.code", Map.of("group", "QX-Filter", "groupActiveOn", LocalDate.of(2020, 1, 1)))
                .stream().map(s -> s.code).toList();
        assertEquals(List.of(QX1, QX2), in2020);
    }

    @Test
    void schoolListFiltersByGroupMembershipActiveToday() {
        put("QX-ListFilter", qixiaGroup());
        given().auth().oauth2(Tokens.admin()).queryParam("group", "QX-ListFilter")
                .when().get("/schools/v1/schools")
                .then().statusCode(200)
                // QX2 left in 2021: only the current member is listed
                .body("items.code", org.hamcrest.Matchers.equalTo(List.of(QX1)));
        given().auth().oauth2(Tokens.admin()).queryParam("group", "bad code")
                .when().get("/schools/v1/schools")
                .then().statusCode(400).body("errors[0].pointer", org.hamcrest.Matchers.equalTo("group"));
    }

    @Test
    void deletingASchoolStillInAGroupIsAConflict() {
        put("QX-Keeps", qixiaGroup());
        given().auth().oauth2(Tokens.admin())
                .when().delete("/schools/v1/schools/" + QX2)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("urn:dengta:problem:conflict"));
    }
}
