package io.dengta.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;

/**
 * Every object under deploy/, rendered and as written, parses into the fabric8 Kubernetes model of its
 * apiVersion and kind with no unknown field anywhere (fabric8 keeps unknown fields in
 * {@code additionalProperties}: each one found is a misspelt or misplaced field) and no wrongly typed value.
 * CloudNativePG's {@code Cluster} has no fabric8 model: it is checked against the vendored subset of its CRD
 * schema in {@code src/test/resources/crd/}, which rejects unknown fields the same way.
 */
class ManifestSchemaTest {

    static final Map<String, Class<? extends HasMetadata>> MODEL = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("gateway.networking.k8s.io/v1/HTTPRoute", HTTPRoute.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class));

    static final Map<String, String> CRD_SUBSETS = Map.of(
            "postgresql.cnpg.io/v1/Cluster", "crd/postgresql.cnpg.io_v1_Cluster.subset.yaml");

    static List<String> overlays() {
        return Manifests.OVERLAYS;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyRenderedObjectMatchesTheKubernetesApiModel(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Manifests.Doc doc : Manifests.overlay(overlay)) {
            problems.addAll(check(doc));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyFileUnderDeployMatchesTheKubernetesApiModelAsWritten() {
        // patches and components too: a misspelt field in a patch would otherwise vanish in the merge
        List<String> problems = new ArrayList<>();
        for (Manifests.Doc doc : Manifests.allFiles()) {
            problems.addAll(check(doc));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void misspeltFieldsAreCaught() {
        Manifests.Doc doc = Manifests.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: x
                          image: x:1
                          resource: {limits: {cpu: "1"}}
                """, "test").get(0);
        List<String> problems = check(doc);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("/spec/template/spec/containers/0: unknown field(s) [resource]"), problems.toString());
        Manifests.Doc cluster = Manifests.parse("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: x}
                spec:
                  instances: three
                  storage: {sise: 1Gi}
                """, "test").get(0);
        List<String> clusterProblems = check(cluster);
        assertEquals(2, clusterProblems.size(), clusterProblems.toString());
    }

    @Test
    void wronglyTypedValuesAreCaught() {
        Manifests.Doc doc = Manifests.parse("""
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: x}
                spec:
                  minReplicas: [2]
                  maxReplicas: 3
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: x}
                """, "test").get(0);
        assertFalse(check(doc).isEmpty());
    }

    static List<String> check(Manifests.Doc doc) {
        String type = doc.apiVersion() + "/" + doc.kind();
        List<String> problems = new ArrayList<>();
        if (doc.name().isBlank()) {
            problems.add(doc + ": metadata.name is missing");
        }
        Class<? extends HasMetadata> model = MODEL.get(type);
        if (model != null) {
            Object object;
            try {
                object = Manifests.as(doc, model);
            } catch (AssertionError e) {
                problems.add(e.getMessage());
                return problems;
            }
            unknownFields(object, "", problems, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
            return problems.stream().map(p -> doc + " " + p).toList();
        }
        String subset = CRD_SUBSETS.get(type);
        if (subset != null) {
            Structural.validate(schema(subset), doc.node(), "", problems);
            return problems.stream().map(p -> doc + " " + p).toList();
        }
        problems.add(doc + ": no schema for " + type + " (add its fabric8 model or a CRD subset)");
        return problems;
    }

    /** Walks the parsed object: any non-empty additionalProperties is a field the API does not have. */
    static void unknownFields(Object o, String path, List<String> problems, Set<Object> seen) {
        if (o == null || o instanceof String || o instanceof Number || o instanceof Boolean || o instanceof Enum<?>
                || !seen.add(o)) {
            return;
        }
        if (o instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "/" + k, problems, seen));
            return;
        }
        if (o instanceof Collection<?> list) {
            Iterator<?> it = list.iterator();
            for (int i = 0; it.hasNext(); i++) {
                unknownFields(it.next(), path + "/" + i, problems, seen);
            }
            return;
        }
        if (!o.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method m : o.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class
                    || !(m.getName().startsWith("get") || m.getName().startsWith("is"))) {
                continue;
            }
            Object value;
            try {
                value = m.invoke(o);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (m.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + new java.util.TreeSet<>(
                            extra.keySet().stream().map(String::valueOf).toList()));
                }
                continue;
            }
            String property = m.getName().replaceFirst("^(get|is)", "");
            property = property.isEmpty() ? property : Character.toLowerCase(property.charAt(0)) + property.substring(1);
            unknownFields(value, path + "/" + property, problems, seen);
        }
    }

    private static final Map<String, JsonNode> SCHEMAS = new java.util.concurrent.ConcurrentHashMap<>();

    static JsonNode schema(String resource) {
        return SCHEMAS.computeIfAbsent(resource, r -> {
            try (InputStream in = ManifestSchemaTest.class.getClassLoader().getResourceAsStream(r)) {
                if (in == null) {
                    fail("missing " + r);
                }
                return new YAMLMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A structural (OpenAPI v3, as in CRDs) schema check: types, enums, required, unknown fields rejected. */
    static final class Structural {
        static void validate(JsonNode schema, JsonNode value, String path, List<String> problems) {
            if (schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false) && !schema.has("properties")) {
                return;
            }
            if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
                if (!value.isInt() && !value.isTextual()) {
                    problems.add(path + ": expected an integer or a string");
                }
                return;
            }
            String type = schema.path("type").asText("object");
            switch (type) {
                case "object" -> {
                    if (!value.isObject()) {
                        problems.add(path + ": expected an object");
                        return;
                    }
                    for (JsonNode r : schema.path("required")) {
                        if (!value.has(r.asText())) {
                            problems.add(path + ": missing required field " + r.asText());
                        }
                    }
                    JsonNode properties = schema.path("properties");
                    JsonNode additional = schema.path("additionalProperties");
                    value.fields().forEachRemaining(f -> {
                        if (properties.has(f.getKey())) {
                            validate(properties.get(f.getKey()), f.getValue(), path + "/" + f.getKey(), problems);
                        } else if (additional.isObject()) {
                            validate(additional, f.getValue(), path + "/" + f.getKey(), problems);
                        } else if (!schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                            problems.add(path + ": unknown field(s) [" + f.getKey() + "]");
                        }
                    });
                }
                case "array" -> {
                    if (!value.isArray()) {
                        problems.add(path + ": expected an array");
                        return;
                    }
                    for (int i = 0; i < value.size(); i++) {
                        validate(schema.path("items"), value.get(i), path + "/" + i, problems);
                    }
                }
                case "string" -> {
                    if (!value.isTextual()) {
                        problems.add(path + ": expected a string");
                    } else if (schema.has("enum") && !contains(schema.get("enum"), value)) {
                        problems.add(path + ": '" + value.asText() + "' is not one of " + schema.get("enum"));
                    }
                }
                case "integer" -> {
                    if (!value.isIntegralNumber()) {
                        problems.add(path + ": expected an integer");
                    } else if (schema.has("minimum") && value.asLong() < schema.get("minimum").asLong()) {
                        problems.add(path + ": below the minimum " + schema.get("minimum"));
                    }
                }
                case "boolean" -> {
                    if (!value.isBoolean()) {
                        problems.add(path + ": expected a boolean");
                    }
                }
                default -> problems.add(path + ": schema type " + type + " not supported by this check");
            }
        }

        private static boolean contains(JsonNode list, JsonNode value) {
            for (JsonNode v : list) {
                if (v.equals(value)) {
                    return true;
                }
            }
            return false;
        }
    }
}
