package io.dengta.indicators.catalog;

import static io.dengta.indicators.catalog.CatalogFixtures.body;
import static io.dengta.indicators.catalog.CatalogFixtures.percentIndicator;
import static io.dengta.indicators.catalog.CatalogFixtures.standard;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dengta.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Who reads and writes the catalog, standards and frameworks (role × operation): the catalog is public reference
 * data, so every authenticated caller reads it whatever their scope; only catalog and platform admins write.
 */
@QuarkusTest
class CatalogAccessTest {

    record Caller(String label, String token, boolean writes, int changes, int audit) {
    }

    static List<Caller> callers() {
        return List.of(
                new Caller("platform-admin", Tokens.admin(), true, 200, 200),
                new Caller("catalog-admin", Tokens.role("catalog-admin").get(), true, 200, 403),
                new Caller("bureau-analyst of 320113", Tokens.role("bureau-analyst").region("320113").get(), false, 200, 403),
                new Caller("data-feed of 320100", Tokens.role("data-feed").region("320100").get(), false, 200, 403),
                new Caller("viewer of 440307", Tokens.role("viewer").region("440307").get(), false, 403, 403),
                new Caller("school-clerk", Tokens.role("school-clerk").school("3201130001").get(), false, 403, 403),
                new Caller("no role", Tokens.role().get(), false, 403, 403));
    }

    private static int status(RequestSpecification request, String method, String path) {
        return request.when().request(method, path).then().extract().statusCode();
    }

    private static RequestSpecification as(Caller caller) {
        return given().auth().oauth2(caller.token());
    }

    private static RequestSpecification as(Caller caller, Object body) {
        return given().auth().oauth2(caller.token()).contentType(ContentType.JSON).body(body);
    }

    @Test
    void everyCallerReadsTheCatalogAndOnlyCatalogAndPlatformAdminsWriteIt() {
        percentIndicator("zz.access_rate", List.of());
        String standardId = CatalogFixtures.createStandard(standard("zz.access_rate", "000000", null, ">=", 50, null,
                2020, null));
        List<String> mismatches = new ArrayList<>();
        int n = 0;
        for (Caller caller : callers()) {
            n++;
            String own = "zz.access_" + n + "_rate";
            Map<String, Object> indicator = CatalogFixtures.percentIndicator("权限测试 " + n);
            Map<String, Object> framework = body("name", "权限测试体系 " + n);
            Map<String, Object> version = body("dimensions", List.of(body("code", "one", "name", "一", "indicators",
                    List.of(body("indicator", "zz.access_rate", "weight", 100, "target", 60)))));
            int write = caller.writes() ? 1 : 0;
            expect(mismatches, caller, "GET indicators", 200, status(as(caller), "GET", "/indicators/v1/indicators"));
            expect(mismatches, caller, "GET indicator", 200,
                    status(as(caller), "GET", "/indicators/v1/indicators/qb.key_teachers_per100"));
            expect(mismatches, caller, "GET standards", 200, status(as(caller), "GET", "/indicators/v1/standards"));
            expect(mismatches, caller, "GET standard", 200,
                    status(as(caller), "GET", "/indicators/v1/standards/" + standardId));
            expect(mismatches, caller, "GET applicable", 200, status(as(caller).queryParam("jurisdiction", "320113")
                    .queryParam("year", 2024), "GET", "/indicators/v1/indicators/zz.access_rate/standards"));
            expect(mismatches, caller, "GET frameworks", 200, status(as(caller), "GET", "/indicators/v1/frameworks"));
            expect(mismatches, caller, "GET framework", 200, status(as(caller).queryParam("year", 2024), "GET",
                    "/indicators/v1/frameworks/js-modernization-2013"));
            expect(mismatches, caller, "GET framework version", 200,
                    status(as(caller), "GET", "/indicators/v1/frameworks/js-modernization-2013/versions/2013"));

            expect(mismatches, caller, "PUT indicator", write == 1 ? 201 : 403,
                    status(as(caller, indicator), "PUT", "/indicators/v1/indicators/" + own));
            expect(mismatches, caller, "DELETE indicator", write == 1 ? 204 : 403,
                    status(as(caller), "DELETE", "/indicators/v1/indicators/" + (write == 1 ? own : "zz.access_rate")));
            String created = null;
            io.restassured.response.Response post = as(caller, standard("zz.access_rate", "3201" + (10 + n) , null,
                    ">=", 50, null, 2020, null)).when().post("/indicators/v1/standards");
            expect(mismatches, caller, "POST standard", write == 1 ? 201 : 403, post.statusCode());
            created = write == 1 ? post.path("id") : standardId;
            expect(mismatches, caller, "PUT standard", write == 1 ? 200 : 403, status(as(caller,
                    standard("zz.access_rate", write == 1 ? "3201" + (10 + n) : "000000", null, ">=", 55, null, 2020,
                            null)), "PUT", "/indicators/v1/standards/" + created));
            expect(mismatches, caller, "DELETE standard", write == 1 ? 204 : 403,
                    status(as(caller), "DELETE", "/indicators/v1/standards/" + created));
            String fw = "zz-access-" + n;
            expect(mismatches, caller, "PUT framework", write == 1 ? 201 : 403,
                    status(as(caller, framework), "PUT", "/indicators/v1/frameworks/" + (write == 1 ? fw : "js-modernization-2013")));
            expect(mismatches, caller, "PUT framework version", write == 1 ? 201 : 403, status(as(caller, version), "PUT",
                    "/indicators/v1/frameworks/" + (write == 1 ? fw : "js-modernization-2013") + "/versions/2030"));
            expect(mismatches, caller, "DELETE framework version", write == 1 ? 204 : 403, status(as(caller), "DELETE",
                    "/indicators/v1/frameworks/" + (write == 1 ? fw : "js-modernization-2013") + "/versions/"
                            + (write == 1 ? 2030 : 2013)));
            expect(mismatches, caller, "DELETE framework", write == 1 ? 204 : 403, status(as(caller), "DELETE",
                    "/indicators/v1/frameworks/" + (write == 1 ? fw : "cn-preschool-2020")));

            expect(mismatches, caller, "GET changes", caller.changes(),
                    status(as(caller), "GET", "/indicators/v1/changes"));
            expect(mismatches, caller, "GET audit", caller.audit(), status(as(caller), "GET", "/indicators/v1/audit"));
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void answersCallersWithoutATokenWith401() {
        for (String path : List.of("/indicators/v1/indicators", "/indicators/v1/standards", "/indicators/v1/frameworks",
                "/indicators/v1/changes", "/indicators/v1/audit")) {
            given().when().get(path).then().statusCode(401);
        }
        given().contentType(ContentType.JSON).body(percentIndicator("匿名")).when()
                .put("/indicators/v1/indicators/zz.anonymous_rate").then().statusCode(401);
    }

    private static void expect(List<String> mismatches, Caller caller, String operation, int expected, int actual) {
        if (expected != actual) {
            mismatches.add(caller.label() + " " + operation + ": expected " + expected + ", got " + actual);
        }
    }
}
