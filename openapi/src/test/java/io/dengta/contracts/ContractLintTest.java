package io.dengta.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Lints every committed contract with Spectral and the conventions ruleset (openapi/.spectral.yaml):
 * errors fail the build, warnings are counted per rule. One Spectral run also lints a fixture that breaks
 * every convention, proving each error rule still catches what it is for.
 */
class ContractLintTest {

    private static final String FIXTURE = "src/test/resources/lint/violations.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode results;

    @BeforeAll
    static void lint() throws IOException, InterruptedException {
        Path dir = Contracts.dir();
        Path cli = dir.resolve("node_modules/@stoplight/spectral-cli/dist/index.js");
        if (!Files.exists(cli)) {
            fail(cli + " is missing: the build installs it with `npm ci` in openapi/ (profile install-spectral)");
        }
        String pinned = JSON.readTree(dir.resolve("package-lock.json").toFile())
                .at("/packages/node_modules~1@stoplight~1spectral-cli/version").asText();
        String installed = JSON.readTree(dir.resolve("node_modules/@stoplight/spectral-cli/package.json").toFile())
                .path("version").asText();
        assertEquals(pinned, installed, "openapi/node_modules has another Spectral than package-lock.json pins;"
                + " run `npm ci` in openapi/ (or delete openapi/node_modules and build again)");
        List<String> command = new ArrayList<>(List.of(System.getProperty("dengta.node", "node"), cli.toString(),
                "lint", "--ruleset", ".spectral.yaml", "--format", "json", "--quiet"));
        Contracts.ALL.forEach(c -> command.add(c + ".yaml"));
        command.add(FIXTURE);
        Path out = Files.createTempFile("spectral", ".json");
        Path err = Files.createTempFile("spectral", ".err");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run node (" + command.get(0) + "); install Node.js >= 18 or"
                    + " pass -Ddengta.node=/path/to/node", e);
        }
        int exit = process.waitFor();
        String json = Files.readString(out, StandardCharsets.UTF_8);
        if (!json.strip().startsWith("[")) {
            fail("Spectral did not lint (exit " + exit + "): " + Files.readString(err) + json);
        }
        results = JSON.readTree(json);
        Files.delete(out);
        Files.delete(err);
    }

    @Test
    void committedContractsHaveNoLintErrors() {
        List<String> errors = new ArrayList<>();
        Map<String, Integer> warnings = new TreeMap<>();
        for (JsonNode result : results) {
            String source = result.path("source").asText();
            if (source.endsWith(FIXTURE.replace('/', File.separatorChar))) {
                continue;
            }
            String rule = result.path("code").asText();
            if (result.path("severity").asInt() == 0) {
                errors.add(Path.of(source).getFileName() + ":" + (result.at("/range/start/line").asInt() + 1)
                        + " " + rule + " " + result.path("message").asText() + " at "
                        + String.join(".", texts(result.path("path"))));
            } else if (result.path("severity").asInt() == 1) {
                warnings.merge(rule, 1, Integer::sum);
            }
        }
        System.out.println("[contracts] Spectral warnings per rule (docs/contracts.md says why they are not errors):"
                + " " + warnings);
        if (!errors.isEmpty()) {
            fail(errors.size() + " lint errors in openapi/*.yaml (api-conventions.md):\n  " + String.join("\n  ", errors));
        }
    }

    @Test
    void everyConventionRuleCatchesItsViolationInTheFixture() throws IOException {
        JsonNode ruleset = new ObjectMapper(new YAMLFactory()).readTree(Contracts.dir().resolve(".spectral.yaml").toFile());
        Set<String> errorRules = new TreeSet<>();
        ruleset.path("rules").fields().forEachRemaining(rule -> {
            if (rule.getKey().startsWith("dengta-") && "error".equals(rule.getValue().path("severity").asText())) {
                errorRules.add(rule.getKey());
            }
        });
        assertTrue(errorRules.size() >= 10, errorRules.toString());
        Set<String> caught = new TreeSet<>();
        for (JsonNode result : results) {
            if (result.path("source").asText().endsWith(FIXTURE.replace('/', File.separatorChar))
                    && result.path("severity").asInt() == 0) {
                caught.add(result.path("code").asText());
            }
        }
        Set<String> missed = new TreeSet<>(errorRules);
        missed.removeAll(caught);
        assertEquals(Set.of(), missed, "rules that no longer catch their violation in " + FIXTURE);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
