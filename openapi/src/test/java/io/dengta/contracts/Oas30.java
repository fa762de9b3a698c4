package io.dengta.contracts;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Rewrites the OpenAPI 3.1 constructs SmallRye generates into their 3.0 spelling before openapi-diff
 * compares two contracts: openapi-diff 2.1 parses 3.1 documents but does not compare their schemas
 * (a changed response or request body goes unnoticed), while it compares 3.0 schemas fully.
 * Only what the comparison needs: {@code type: [X, "null"]} becomes {@code type: X, nullable: true},
 * {@code anyOf/oneOf} alternatives {@code {type: "null"}} become {@code nullable: true}, schema
 * {@code examples: [..]} becomes {@code example}, {@code const} becomes a one-value {@code enum}.
 */
final class Oas30 {

    private Oas30() {
    }

    static ObjectNode downgrade(ObjectNode document) {
        ObjectNode copy = document.deepCopy();
        copy.put("openapi", "3.0.3");
        copy.remove("webhooks");
        walk(copy);
        return copy;
    }

    private static void walk(JsonNode node) {
        if (node.isArray()) {
            node.forEach(Oas30::walk);
            return;
        }
        if (!node.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) node;
        JsonNode type = object.get("type");
        if (type != null && type.isArray()) {
            List<String> types = new ArrayList<>();
            type.forEach(t -> types.add(t.asText()));
            boolean nullable = types.remove("null");
            if (types.size() == 1) {
                object.set("type", TextNode.valueOf(types.get(0)));
            } else {
                object.remove("type");
            }
            if (nullable) {
                object.put("nullable", true);
            }
        }
        for (String combinator : List.of("anyOf", "oneOf")) {
            JsonNode alternatives = object.get(combinator);
            if (alternatives != null && alternatives.isArray()) {
                ArrayNode kept = object.arrayNode();
                alternatives.forEach(a -> {
                    if ("null".equals(a.path("type").asText(null))) {
                        object.put("nullable", true);
                    } else {
                        kept.add(a);
                    }
                });
                if (kept.size() == 1 && kept.get(0).has("$ref") && object.size() <= 3) {
                    // {anyOf: [$ref, null]} is a nullable reference
                    object.remove(combinator);
                    object.setAll((ObjectNode) kept.get(0));
                } else {
                    object.set(combinator, kept);
                }
            }
        }
        JsonNode examples = object.get("examples");
        if (examples != null && examples.isArray()) {
            object.remove("examples");
            if (!examples.isEmpty() && !object.has("example")) {
                object.set("example", examples.get(0));
            }
        }
        JsonNode constant = object.get("const");
        if (constant != null && !object.has("enum") && object.has("type")) {
            object.remove("const");
            object.putArray("enum").add(constant);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            walk(fields.next().getValue());
        }
    }
}
