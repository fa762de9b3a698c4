package io.dengta.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The objects of deploy/: each overlay rendered by {@code kubectl kustomize} where kubectl is on the machine;
 * otherwise the resource files each overlay's kustomization reaches, unrendered (no patches, namespace or
 * image tags applied), so the checks still run on a machine without kubectl.
 */
final class Manifests {

    /** One YAML document: where it came from and its content. */
    record Doc(String origin, ObjectNode node) {
        String kind() {
            return node.path("kind").asText();
        }

        String apiVersion() {
            return node.path("apiVersion").asText();
        }

        String name() {
            return node.path("metadata").path("name").asText();
        }

        @Override
        public String toString() {
            return apiVersion() + " " + kind() + " " + name() + " (" + origin + ")";
        }
    }

    static final List<String> OVERLAYS = List.of("local", "production", "production-gateway-api", "cloudnative-pg");

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<String, List<Doc>> RENDERED = new ConcurrentHashMap<>();

    private Manifests() {
    }

    static Path deploy() {
        return ServiceConfig.repoRoot().resolve("deploy");
    }

    /** kubectl when it is installed; empty otherwise ({@code -Ddengta.deploy.kubectl=none} checks the fallback). */
    static Optional<Path> kubectl() {
        String forced = System.getProperty("dengta.deploy.kubectl");
        if (forced != null && !forced.isBlank()) {
            return forced.equals("none") ? Optional.empty() : Optional.of(Path.of(forced));
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin");
        for (String dir : (path + ":/usr/bin:/usr/local/bin").split(":")) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The overlay's objects: rendered by kubectl if possible, else its resource files as they are. */
    static List<Doc> overlay(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> kubectl().map(k -> render(k, o)).orElseGet(() -> unrendered(o)));
    }

    static boolean rendered() {
        return kubectl().isPresent();
    }

    private static List<Doc> render(Path kubectl, String overlay) {
        Path dir = deploy().resolve("overlays").resolve(overlay);
        try {
            Process p = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
                    .redirectError(ProcessBuilder.Redirect.PIPE).start();
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed: " + err);
            }
            return parse(new String(out, StandardCharsets.UTF_8), "kubectl kustomize overlays/" + overlay);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Resource files reachable from a kustomization (directories followed, components included), not patches. */
    private static List<Doc> unrendered(String overlay) {
        Set<Path> files = new LinkedHashSet<>();
        collect(deploy().resolve("overlays").resolve(overlay), files);
        List<Doc> docs = new ArrayList<>();
        for (Path f : files) {
            docs.addAll(file(f));
        }
        return docs;
    }

    private static void collect(Path dir, Set<Path> files) {
        JsonNode k = file(dir.resolve("kustomization.yaml")).get(0).node();
        for (String field : List.of("resources", "components")) {
            for (JsonNode r : k.path(field)) {
                Path p = dir.resolve(r.asText()).normalize();
                if (Files.isDirectory(p)) {
                    collect(p, files);
                } else {
                    files.add(p);
                }
            }
        }
    }

    /** Every YAML file under deploy/ except kustomizations and deploy/keycloak (not Kubernetes objects). */
    static List<Doc> allFiles() {
        try (Stream<Path> paths = Files.walk(deploy())) {
            return paths.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> !p.getFileName().toString().equals("kustomization.yaml"))
                    .filter(p -> !deploy().relativize(p).startsWith("keycloak"))
                    .sorted()
                    .flatMap(p -> file(p).stream())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Doc> file(Path file) {
        try {
            return parse(Files.readString(file), deploy().getParent().relativize(file).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Doc> parse(String yaml, String origin) {
        List<Doc> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode node = it.next();
                if (node != null && node.isObject() && !node.isEmpty()) {
                    docs.add(new Doc(origin, (ObjectNode) node));
                }
            }
        } catch (IOException e) {
            throw new AssertionError(origin + " is not valid YAML: " + e.getMessage(), e);
        }
        return docs;
    }

    static <T> T as(Doc doc, Class<T> type) {
        try {
            return JSON.treeToValue(doc.node(), type);
        } catch (IOException e) {
            throw new AssertionError(doc + ": " + e.getMessage(), e);
        }
    }
}
