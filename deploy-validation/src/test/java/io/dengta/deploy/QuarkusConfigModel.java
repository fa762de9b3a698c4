package io.dengta.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Quarkus properties the extensions on the classpath declare (each extension jar carries its
 * {@code META-INF/quarkus-config-doc/quarkus-config-model.json}): names, environment variables and whether
 * they are fixed at build time. The test classpath holds the four services, so this is what they can read.
 */
final class QuarkusConfigModel {

    record Property(String name, Pattern pattern, String phase) {
        boolean buildTime() {
            return phase.startsWith("BUILD");
        }
    }

    private static List<Property> properties;

    private QuarkusConfigModel() {
    }

    static synchronized List<Property> properties() {
        if (properties == null) {
            List<Property> all = new ArrayList<>();
            try {
                for (URL url : Collections.list(QuarkusConfigModel.class.getClassLoader()
                        .getResources("META-INF/quarkus-config-doc/quarkus-config-model.json"))) {
                    try (InputStream in = url.openStream()) {
                        collect(new ObjectMapper().readTree(in), all);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (all.isEmpty()) {
                throw new IllegalStateException("No Quarkus config model on the classpath");
            }
            properties = all;
        }
        return properties;
    }

    static Optional<Property> find(String property) {
        return properties().stream().filter(p -> p.pattern().matcher(property).matches()).findFirst();
    }

    /** The Quarkus property an environment variable sets, if any. */
    static Optional<Property> findEnv(String env) {
        return properties().stream()
                .filter(p -> Pattern.compile(envRegex(p.name())).matcher(env).matches())
                .findFirst();
    }

    private static void collect(JsonNode node, List<Property> into) {
        if (node.isObject()) {
            JsonNode path = node.path("path");
            if (path.isObject() && path.has("property") && node.path("@class").asText().endsWith(".ConfigProperty")) {
                String name = path.get("property").asText();
                into.add(new Property(name, Pattern.compile(propertyRegex(name)), node.path("phase").asText("RUN_TIME")));
                for (JsonNode extra : node.path("additionalPaths")) {
                    String alias = extra.path("property").asText();
                    into.add(new Property(alias, Pattern.compile(propertyRegex(alias)), node.path("phase").asText("RUN_TIME")));
                }
            }
            node.forEach(child -> collect(child, into));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, into));
        }
    }

    /** A model name with map keys ({@code "name"}) and list indexes ({@code [*]}) as wildcards. */
    private static String propertyRegex(String name) {
        StringBuilder regex = new StringBuilder();
        for (String part : name.split("(?=\"[^\"]*\")|(?<=\"[^\"]{0,200}\")")) {
            if (part.startsWith("\"") && part.endsWith("\"") && part.length() > 1) {
                regex.append("(\"[^\"]+\"|[^.\"]+)");
            } else {
                regex.append(Pattern.quote(part).replace("[*]", "\\E\\[\\d+]\\Q"));
            }
        }
        return regex.toString();
    }

    private static String envRegex(String name) {
        StringBuilder regex = new StringBuilder();
        for (String part : name.split("(?=\"[^\"]*\")|(?<=\"[^\"]{0,200}\")")) {
            if (part.startsWith("\"") && part.endsWith("\"") && part.length() > 1) {
                regex.append("[A-Z0-9_]+");
            } else {
                regex.append(Pattern.quote(ServiceConfig.canonicalEnv(part.replace("[*]", "_0_"))));
            }
        }
        return regex.toString();
    }
}
