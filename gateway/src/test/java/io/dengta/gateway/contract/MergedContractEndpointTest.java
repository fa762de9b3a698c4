package io.dengta.gateway.contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;

/** {@code /openapi}: the merged contract, open, in YAML and JSON, and what Swagger UI shows. */
@QuarkusTest
class MergedContractEndpointTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void servesTheMergedContractAsYamlWithoutAToken() throws IOException {
        String body = given().get("/openapi").then().statusCode(200)
                .contentType(containsString("yaml")).extract().asString();

        JsonNode merged = YAML.readTree(body);
        assertEquals("/", merged.at("/servers/0/url").asText());
        assertTrue(merged.path("paths").has("/openapi"));
        for (String service : MergedContractFilter.SERVICES) {
            for (String path : committedPaths(service + "-service")) {
                assertTrue(merged.path("paths").has(path), service + " path " + path + " is missing");
            }
        }
    }

    @Test
    void servesJsonForFormatJson() {
        given().queryParam("format", "json").get("/openapi").then().statusCode(200)
                .contentType(containsString("json"))
                .body("openapi", is("3.1.0"))
                .body("paths.'/openapi'.get.operationId", is("getMergedContract"));
    }

    @Test
    void servesJsonForAcceptJson() {
        given().accept("application/json").get("/openapi").then().statusCode(200)
                .contentType(containsString("json"))
                .body("info.title", is("Dengta gateway"));
    }

    @Test
    void answersTheSameDocumentAsQuarkusOpenApiPath() {
        String own = given().get("/openapi").then().statusCode(200).extract().asString();
        String quarkus = given().get("/q/openapi").then().statusCode(200).extract().asString();
        assertEquals(quarkus, own);
    }

    @Test
    void swaggerUiShowsTheMergedContract() {
        given().get("/q/swagger-ui/").then().statusCode(200)
                .body(containsString("url: '/openapi'"));
    }

    @Test
    void documentsTheOpenEndpointWithoutAuthenticationErrors() {
        Map<String, Object> responses = given().queryParam("format", "json").get("/openapi").then()
                .extract().jsonPath().getMap("paths.'/openapi'.get.responses");
        assertTrue(responses.containsKey("200"));
        assertTrue(!responses.containsKey("401") && !responses.containsKey("403"), responses.keySet().toString());
        given().queryParam("format", "json").get("/openapi").then()
                .body("components.securitySchemes.bearer", notNullValue());
    }

    private static List<String> committedPaths(String contract) throws IOException {
        String root = System.getProperty("dengta.repo.root", "..");
        JsonNode doc = YAML.readTree(Files.readString(Path.of(root, "openapi", contract + ".yaml")));
        List<String> paths = new ArrayList<>();
        doc.path("paths").fieldNames().forEachRemaining(paths::add);
        assertTrue(!paths.isEmpty(), contract + " has no paths");
        return paths;
    }
}
