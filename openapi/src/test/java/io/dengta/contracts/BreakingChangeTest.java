package io.dengta.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Each committed contract against the last released one (openapi/released/): a breaking change fails
 * the build unless openapi/released/approved-breaking-changes.yaml lists it (docs/contracts.md).
 */
class BreakingChangeTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void noContractBreaksTheReleasedOneWithoutApproval() throws IOException {
        String release = Files.readString(Contracts.dir().resolve("released/VERSION")).strip();
        Map<String, Set<String>> approved = approvals();
        List<String> problems = new ArrayList<>();
        for (String contract : Contracts.ALL) {
            Path released = Contracts.released(contract);
            if (!Files.exists(released)) {
                continue; // never released: nothing to break yet
            }
            BreakingChanges.Result result = BreakingChanges.between(released, Contracts.current(contract));
            Set<String> accepted = approved.getOrDefault(contract, Set.of());
            TreeSet<String> unapproved = new TreeSet<>(result.breaks());
            unapproved.removeAll(accepted);
            BreakingChanges.describe(result.diff(), unapproved)
                    .forEach(line -> problems.add(contract + ": " + line));
            accepted.stream().filter(change -> !result.breaks().contains(change))
                    .forEach(change -> problems.add(contract + ": approved change '" + change
                            + "' is no longer a breaking change; remove it from approved-breaking-changes.yaml"));
        }
        if (!problems.isEmpty()) {
            fail("Breaking changes against the released contracts (" + release + ", openapi/released/):\n  "
                    + String.join("\n  ", problems)
                    + "\nMake the change additive (new field, new optional parameter, new endpoint or a new /v2"
                    + " prefix), or, if clients agreed, list it in openapi/released/approved-breaking-changes.yaml");
        }
    }

    @Test
    void findsNoBreakInAnUnchangedContract() throws Exception {
        assertEquals(Set.of(), BreakingChanges.between(fixture("released.yaml"), fixture("released.yaml")).breaks());
    }

    @Test
    void addedEndpointFieldAndOptionalParameterAreNotBreaking() throws Exception {
        assertEquals(Set.of(), BreakingChanges.between(fixture("released.yaml"), fixture("additive.yaml")).breaks());
    }

    @Test
    void removedEndpointNewRequiredParameterAndRemovedRequiredResponseFieldAreBreaking() throws Exception {
        BreakingChanges.Result result = BreakingChanges.between(fixture("released.yaml"), fixture("breaking.yaml"));

        // DELETE removed; GET schools: region became required; School lost its required name (3.1 schema,
        // through a $ref); regions: the required code became regionCode (inline schema)
        assertEquals(new TreeSet<>(List.of("DELETE /schools/v1/schools/{schoolCode}", "GET /schools/v1/regions",
                "GET /schools/v1/schools", "GET /schools/v1/schools/{schoolCode}")), result.breaks());
        List<String> lines = BreakingChanges.describe(result.diff(), result.breaks());
        assertTrue(lines.contains("DELETE /schools/v1/schools/{schoolCode}: removed"), lines.toString());
    }

    @Test
    void removedOptionalResponseFieldIsBreaking() throws Exception {
        BreakingChanges.Result result = BreakingChanges.between(fixture("released.yaml"),
                fixture("optional-field-removed.yaml"));

        assertEquals(new TreeSet<>(List.of("GET /schools/v1/schools", "GET /schools/v1/schools/{schoolCode}")),
                result.breaks());
        assertTrue(BreakingChanges.describe(result.diff(), result.breaks())
                .contains("GET /schools/v1/schools/{schoolCode}: incompatible response fields removed [200 nameEn]"),
                BreakingChanges.describe(result.diff(), result.breaks()).toString());
    }

    private static Map<String, Set<String>> approvals() throws IOException {
        JsonNode root = YAML.readTree(Contracts.dir().resolve("released/approved-breaking-changes.yaml").toFile());
        Map<String, Set<String>> approved = new TreeMap<>();
        root.path("approved").fields().forEachRemaining(contract -> {
            Set<String> changes = new TreeSet<>();
            for (JsonNode entry : contract.getValue()) {
                if (entry.path("reason").asText("").isBlank()) {
                    fail("approved change " + entry.path("change").asText() + " of " + contract.getKey()
                            + " has no reason");
                }
                changes.add(entry.path("change").asText());
            }
            approved.put(contract.getKey(), changes);
        });
        return approved;
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(BreakingChangeTest.class.getResource("/diff/" + name).toURI());
    }
}
