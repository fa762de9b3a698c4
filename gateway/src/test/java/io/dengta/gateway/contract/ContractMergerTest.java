package io.dengta.gateway.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.dengta.gateway.contract.ContractMerger.Source;

class ContractMergerTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final String GATEWAY = """
            openapi: 3.1.0
            info: {title: Dengta gateway, version: 1.0.0}
            components:
              securitySchemes:
                bearer: {type: http, scheme: bearer, bearerFormat: JWT}
              schemas:
                Problem: {type: object, properties: {type: {type: string}}}
            paths: {}
            """;

    @Test
    void keepsEveryServicePathAndTheGatewayAsServer() {
        ObjectNode merged = merge(service("schools", "/schools/v1/schools", "listSchools", "Schools", "School"),
                service("indicators", "/indicators/v1/indicators", "listIndicators", "Indicators", "Indicator"));

        assertTrue(merged.path("paths").has("/schools/v1/schools"));
        assertTrue(merged.path("paths").has("/indicators/v1/indicators"));
        assertEquals("/", merged.path("servers").get(0).path("url").asText());
        assertEquals("Dengta gateway", merged.path("info").path("title").asText());
    }

    @Test
    void sharesIdenticalSchemasOnce() {
        ObjectNode merged = merge(service("schools", "/schools/v1/schools", "listSchools", "Schools", "Change"),
                service("indicators", "/indicators/v1/changes", "listChanges", "Changes", "Change"));

        JsonNode schemas = merged.path("components").path("schemas");
        assertTrue(schemas.has("Change"));
        assertFalse(schemas.has("IndicatorsChange"));
        assertEquals("#/components/schemas/Change", ref(merged, "/indicators/v1/changes"));
    }

    @Test
    void renamesADifferentSchemaOfTheSameNameAndItsReferences() {
        ObjectNode indicators = service("indicators", "/indicators/v1/changes", "listChanges", "Changes", "Change");
        ((ObjectNode) indicators.at("/components/schemas/Change")).put("description", "another shape");

        ObjectNode merged = merge(service("schools", "/schools/v1/changes", "listSchoolChanges", "Schools", "Change"),
                indicators);

        JsonNode schemas = merged.path("components").path("schemas");
        assertEquals("another shape", schemas.path("IndicatorsChange").path("description").asText());
        assertFalse(schemas.path("Change").has("description"));
        assertEquals("#/components/schemas/Change", ref(merged, "/schools/v1/changes"));
        assertEquals("#/components/schemas/IndicatorsChange", ref(merged, "/indicators/v1/changes"));
    }

    @Test
    void renamesASchemaThatOnlyDiffersThroughARenamedReference() {
        ObjectNode schools = service("schools", "/schools/v1/changes", "listSchoolChanges", "Schools", "Change");
        ObjectNode indicators = service("indicators", "/indicators/v1/changes", "listChanges", "Changes", "Change");
        for (ObjectNode doc : List.of(schools, indicators)) {
            ((ObjectNode) doc.at("/components/schemas/Change")).putObject("properties").putObject("item")
                    .put("$ref", "#/components/schemas/Item");
            ((ObjectNode) doc.at("/components/schemas")).putObject("Item").put("type", "object");
        }
        ((ObjectNode) indicators.at("/components/schemas/Item")).put("description", "another item");

        ObjectNode merged = merge(schools, indicators);

        JsonNode schemas = merged.path("components").path("schemas");
        assertEquals("#/components/schemas/IndicatorsItem",
                schemas.at("/IndicatorsChange/properties/item/$ref").asText());
        assertEquals("#/components/schemas/Item", schemas.at("/Change/properties/item/$ref").asText());
        assertEquals("#/components/schemas/IndicatorsChange", ref(merged, "/indicators/v1/changes"));
    }

    @Test
    void qualifiesATagUsedByTwoServicesAndGroupsTagsByService() {
        ObjectNode merged = merge(service("schools", "/schools/v1/imports", "importSchools", "Imports", "A"),
                service("indicators", "/indicators/v1/imports", "importObservations", "Imports", "B"));

        List<String> tags = new ArrayList<>();
        merged.path("tags").forEach(t -> tags.add(t.path("name").asText()));
        assertEquals(List.of("Imports (indicators)", "Imports (schools)"), tags);
        assertEquals("Imports (schools)", merged.at("/paths/~1schools~1v1~1imports/get/tags/0").asText());
        assertEquals("schools", merged.at("/x-tagGroups/0/name").asText());
        assertEquals("Imports (schools)", merged.at("/x-tagGroups/0/tags/0").asText());
    }

    @Test
    void qualifiesAnOperationIdUsedByTwoServices() {
        ObjectNode merged = merge(service("schools", "/schools/v1/changes", "listChanges", "Schools", "A"),
                service("indicators", "/indicators/v1/changes", "listChanges", "Indicators", "B"));

        assertEquals("schoolsListChanges", merged.at("/paths/~1schools~1v1~1changes/get/operationId").asText());
        assertEquals("indicatorsListChanges",
                merged.at("/paths/~1indicators~1v1~1changes/get/operationId").asText());
    }

    @Test
    void appliesAServicesDocumentLevelSecurityToItsOwnOperationsOnly() {
        ObjectNode schools = service("schools", "/schools/v1/schools", "listSchools", "Schools", "A");
        schools.putArray("security").addObject().putArray("bearer");

        ObjectNode merged = merge(schools, service("targets", "/targets/v1/plans", "listPlans", "Plans", "B"));

        assertFalse(merged.has("security"));
        assertTrue(merged.at("/paths/~1schools~1v1~1schools/get/security/0").has("bearer"));
        assertTrue(merged.at("/paths/~1targets~1v1~1plans/get/security").isMissingNode());
    }

    @Test
    void rejectsAPathDefinedByTwoServices() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> merge(service("schools", "/schools/v1/x", "a", "T", "A"),
                        service("indicators", "/schools/v1/x", "b", "U", "B")));
        assertTrue(e.getMessage().contains("/schools/v1/x"), e.getMessage());
    }

    @Test
    void rejectsASecuritySchemeThatDiffersFromTheGateways() {
        ObjectNode schools = service("schools", "/schools/v1/x", "a", "T", "A");
        ((ObjectNode) schools.at("/components/securitySchemes/bearer")).put("bearerFormat", "opaque");

        assertThrows(IllegalStateException.class, () -> merge(schools));
    }

    @Test
    void mergingTwiceGivesTheSameDocument() {
        ObjectNode schools = service("schools", "/schools/v1/schools", "listSchools", "Schools", "School");
        ObjectNode indicators = service("indicators", "/indicators/v1/x", "listX", "X", "School");
        ((ObjectNode) indicators.at("/components/schemas/School")).put("description", "differs");

        assertEquals(merge(schools, indicators), merge(schools, indicators));
    }

    private static ObjectNode merge(ObjectNode... services) {
        List<Source> sources = new ArrayList<>();
        for (ObjectNode service : services) {
            sources.add(new Source(service.remove("x-name").asText(), service));
        }
        ObjectNode merged = ContractMerger.merge(new Source("gateway", read(GATEWAY)), sources);
        // merge() must not change its inputs: put the names back for a second call
        for (int i = 0; i < services.length; i++) {
            services[i].put("x-name", sources.get(i).name());
        }
        return merged;
    }

    private static String ref(ObjectNode merged, String path) {
        return merged.path("paths").path(path).at("/get/responses/200/content/application~1json/schema/$ref")
                .asText();
    }

    private static ObjectNode service(String name, String path, String operationId, String tag, String schema) {
        return read("""
                x-name: %s
                openapi: 3.1.0
                info: {title: %s, version: 1.0.0}
                components:
                  securitySchemes:
                    bearer: {type: http, scheme: bearer, bearerFormat: JWT}
                  schemas:
                    Problem: {type: object, properties: {type: {type: string}}}
                    %s: {type: object}
                tags:
                - name: %s
                paths:
                  %s:
                    get:
                      operationId: %s
                      tags: [%s]
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json:
                              schema: {$ref: '#/components/schemas/%s'}
                """.formatted(name, name, schema, tag, path, operationId, tag, schema));
    }

    private static ObjectNode read(String yaml) {
        try {
            return (ObjectNode) YAML.readTree(yaml);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
