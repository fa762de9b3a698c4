package io.dengta.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every example of the guides runs as written, so the guides cannot rot. A runnable example is a {@code ```sh}
 * block right after a {@code <!-- example -->} line; it runs with bash in the repository root, with {@code GW} (the
 * gateway), the {@code TOKEN_*} of the run.sh personas (here Keycloak tokens of the realm's demo users and the city
 * feed's client-credentials token), {@code KEYCLOAK} (the realm's issuer) and {@code FEED_CLIENT_SECRET} in its
 * environment. It must exit 0 (examples use {@code curl -fsS}, so an HTTP error fails), and its output must contain
 * the text of each {@code # expect: <text>} comment. The blocks of a guide run in order, as one story.
 * {@code <!-- example: manual -->} blocks need what this stack does not start; they are listed, not run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuideExamplesTest {

    static final List<String> GUIDES = List.of("docs/api-guide.md", "docs/integration-guide.md");
    private static final Pattern MARKER = Pattern.compile("^<!-- example(?::\\s*(\\S+))? -->\\s*$");
    private static final Pattern EXPECT = Pattern.compile("#\\s*expect:\\s*(.+?)\\s*$", Pattern.MULTILINE);
    private static final Duration BLOCK_TIMEOUT = Duration.ofMinutes(2);

    /** One marked block of a guide. */
    record Example(String guide, int line, boolean manual, String script, List<String> expected) {

        String where() {
            return guide + ":" + line;
        }
    }

    private final Path repoRoot = Path.of(System.getProperty("dengta.repo.root", "..")).toAbsolutePath().normalize();
    private DengtaStack stack;
    private final Map<String, String> environment = new LinkedHashMap<>();

    @BeforeAll
    void startEverything() {
        stack = DengtaStack.start();
        try {
            KeycloakServer keycloak = stack.keycloak();
            environment.put("GW", stack.gateway());
            environment.put("KEYCLOAK", keycloak.issuer());
            environment.put("FEED_CLIENT_SECRET", keycloak.feedSecret());
            environment.put("TOKEN_ADMIN", keycloak.passwordToken("admin", "demo-only-admin"));
            environment.put("TOKEN_CATALOG", keycloak.passwordToken("catalog-admin", "demo-only-catalog-admin"));
            environment.put("TOKEN_ANALYST", keycloak.passwordToken("qixia-analyst", "demo-only-qixia-analyst"));
            environment.put("TOKEN_BINHU", keycloak.passwordToken("binhu-analyst", "demo-only-binhu-analyst"));
            environment.put("TOKEN_CLERK", keycloak.passwordToken("qixia-clerk", "demo-only-qixia-clerk"));
            environment.put("TOKEN_VIEWER", keycloak.passwordToken("qixia-viewer", "demo-only-qixia-viewer"));
            environment.put("TOKEN_FEED", keycloak.feedToken(keycloak.feedSecret()));
        } catch (RuntimeException | Error e) {
            String logs = stack.logs();
            stack.close();
            throw new IllegalStateException("Setting up the guide examples failed: " + e.getMessage() + "\nLogs:\n"
                    + logs, e);
        }
    }

    @AfterAll
    void stopEverything() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void apiGuideExamplesRunAsWritten() {
        runGuide("docs/api-guide.md");
    }

    @Test
    void integrationGuideExamplesRunAsWritten() {
        runGuide("docs/integration-guide.md");
    }

    @Test
    void everyGuideMarksItsExamplesAndFewAreManual() {
        for (String guide : GUIDES) {
            List<Example> examples = examples(guide);
            long manual = examples.stream().filter(Example::manual).count();
            assertTrue(examples.size() - manual >= 5, guide + " has fewer than 5 runnable examples");
            assertTrue(manual <= examples.size() / 2, guide + " has more manual examples than runnable ones");
        }
    }

    private void runGuide(String guide) {
        List<Example> examples = examples(guide);
        assertFalse(examples.isEmpty(), "no <!-- example --> blocks in " + guide);
        Path work = Path.of(System.getProperty("dengta.e2e.work-dir", "target/e2e")).resolve("guides");
        List<String> notRun = new ArrayList<>();
        int ran = 0;
        for (Example example : examples) {
            if (example.manual()) {
                notRun.add(example.where());
                continue;
            }
            Result result = run(example, work);
            String context = example.where() + " exited " + result.exit() + "\n--- script\n" + example.script()
                    + "\n--- output\n" + result.output();
            assertEquals(0, result.exit(), () -> context + "\n--- logs\n" + stack.logs());
            for (String text : example.expected()) {
                assertTrue(result.output().contains(text), () -> context + "\n--- expected to contain: " + text);
            }
            ran++;
        }
        System.out.println(guide + ": " + ran + " examples ran; not run (manual, need services this stack does not "
                + "start): " + (notRun.isEmpty() ? "none" : String.join(", ", notRun)));
    }

    record Result(int exit, String output) {
    }

    private Result run(Example example, Path work) {
        try {
            Files.createDirectories(work);
            Path script = work.resolve("example-" + example.guide().replaceAll("\\W", "_") + "-" + example.line()
                    + ".sh");
            Files.writeString(script, "set -euo pipefail\n" + example.script(), StandardCharsets.UTF_8);
            Path output = work.resolve(script.getFileName() + ".out");
            ProcessBuilder builder = new ProcessBuilder("bash", script.toString())
                    .directory(repoRoot.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Path state = Files.createDirectories(work.resolve("state"));
            builder.environment().put("DENGTA_STATE_DIR", state.toString());
            builder.environment().put("TMPDIR", state.toString());
            Process process = builder.start();
            if (!process.waitFor(BLOCK_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return new Result(-1, Files.readString(output) + "\n(timed out after " + BLOCK_TIMEOUT + ")");
            }
            return new Result(process.exitValue(), Files.readString(output));
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + example.where(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted running " + example.where(), e);
        }
    }

    /** The marked {@code ```sh} blocks of a guide, in order. */
    List<Example> examples(String guide) {
        List<String> lines;
        try {
            lines = Files.readAllLines(repoRoot.resolve(guide), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + guide, e);
        }
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = MARKER.matcher(lines.get(i).trim());
            if (!marker.matches()) {
                continue;
            }
            int fence = i + 1;
            assertTrue(fence < lines.size() && lines.get(fence).trim().equals("```sh"),
                    guide + ":" + (i + 1) + ": an example marker must be followed by a ```sh block");
            StringBuilder script = new StringBuilder();
            int j = fence + 1;
            for (; j < lines.size() && !lines.get(j).trim().equals("```"); j++) {
                script.append(lines.get(j)).append('\n');
            }
            assertTrue(j < lines.size(), guide + ":" + (fence + 1) + ": unterminated ```sh block");
            List<String> expected = new ArrayList<>();
            Matcher expect = EXPECT.matcher(script);
            while (expect.find()) {
                expected.add(expect.group(1));
            }
            examples.add(new Example(guide, fence + 1, "manual".equals(marker.group(1)), script.toString(), expected));
            i = j;
        }
        return examples;
    }
}
