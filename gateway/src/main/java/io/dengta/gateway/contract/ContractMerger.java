package io.dengta.gateway.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Merges the contracts of the services behind the gateway into the gateway's own, as plain JSON trees
 * (a pure function: the same inputs give the same document, byte for byte once serialized).
 *
 * <ul>
 * <li>paths: each service owns its prefix, so a path defined twice is an error;</li>
 * <li>components (schemas, parameters, responses, ...): a name defined identically by several sources is
 * kept once; a name defined differently is kept for the first source and renamed for the others
 * ({@code <Service><Name>}, e.g. {@code IndicatorsChange}) with every {@code $ref} of that source
 * rewritten; security schemes must be identical (tokens are the same everywhere);</li>
 * <li>tags: a tag name used by more than one source is qualified with the source ({@code Imports (schools)})
 * so the UI groups each service's operations apart; {@code x-tagGroups} groups the tags by source;</li>
 * <li>operationIds: must be unique in one document; a clash is qualified with the source name;</li>
 * <li>servers: the gateway itself ({@code /}, the same origin the document is served from).</li>
 * </ul>
 */
public final class ContractMerger {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String REF_PREFIX = "#/components/";

    private ContractMerger() {
    }

    /** One contract to merge: a short source name ({@code gateway}, {@code schools}, ...) and its document. */
    public record Source(String name, ObjectNode document) {
    }

    /**
     * @param gateway the gateway's own contract (its info, security schemes and own endpoints win)
     * @param services the services' contracts, in the order their names win clashes
     */
    public static ObjectNode merge(Source gateway, List<Source> services) {
        List<Source> sources = new ArrayList<>();
        sources.add(new Source(gateway.name(), gateway.document().deepCopy()));
        services.forEach(s -> sources.add(new Source(s.name(), s.document().deepCopy())));

        sources.forEach(s -> pushDownSecurity(s.document()));
        qualifyClashingOperationIds(sources);
        Map<String, List<String>> tagGroups = qualifyClashingTags(sources);

        ObjectNode merged = JSON.objectNode();
        ObjectNode own = sources.get(0).document();
        merged.set("openapi", own.path("openapi").isMissingNode() ? TextNode.valueOf("3.1.0") : own.get("openapi"));
        merged.set("info", own.path("info").deepCopy());
        ArrayNode servers = merged.putArray("servers");
        servers.addObject().put("url", "/")
                .put("description", "This gateway (the origin that serves this document)");

        ObjectNode components = JSON.objectNode();
        ObjectNode paths = JSON.objectNode();
        Map<String, ObjectNode> tags = new TreeMap<>();
        for (Source source : sources) {
            mergeComponents(source, components);
            mergePaths(source, paths);
            for (JsonNode tag : source.document().path("tags")) {
                tags.putIfAbsent(tag.path("name").asText(), (ObjectNode) tag);
            }
        }
        merged.set("components", sortedFields(components, true));
        ArrayNode tagArray = merged.putArray("tags");
        tags.values().forEach(tagArray::add);
        merged.set("paths", sortedFields(paths, false));
        ArrayNode groups = merged.putArray("x-tagGroups");
        tagGroups.forEach((source, names) -> {
            if (!names.isEmpty()) {
                ObjectNode group = groups.addObject().put("name", source);
                ArrayNode groupTags = group.putArray("tags");
                names.stream().sorted().forEach(groupTags::add);
            }
        });
        return merged;
    }

    /** A source's document-level security applies to its own operations only, not to the merged document. */
    private static void pushDownSecurity(ObjectNode document) {
        JsonNode security = document.remove("security");
        if (security == null) {
            return;
        }
        for (ObjectNode op : operations(document)) {
            if (!op.has("security")) {
                op.set("security", security.deepCopy());
            }
        }
    }

    private static void qualifyClashingOperationIds(List<Source> sources) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        sources.forEach(s -> operations(s.document()).forEach(op -> {
            if (op.hasNonNull("operationId")) {
                counts.merge(op.get("operationId").asText(), 1, Integer::sum);
            }
        }));
        for (Source source : sources) {
            for (ObjectNode op : operations(source.document())) {
                String id = op.path("operationId").asText(null);
                if (id != null && counts.get(id) > 1) {
                    op.put("operationId", source.name() + capitalize(id));
                }
            }
        }
    }

    private static Map<String, List<String>> qualifyClashingTags(List<Source> sources) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Source source : sources) {
            tagNames(source.document()).forEach(name -> counts.merge(name, 1, Integer::sum));
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (Source source : sources) {
            List<String> names = new ArrayList<>();
            for (String name : tagNames(source.document())) {
                String qualified = counts.get(name) > 1 ? name + " (" + source.name() + ")" : name;
                renameTag(source.document(), name, qualified);
                names.add(qualified);
            }
            groups.put(source.name(), names);
        }
        return groups;
    }

    /** Every tag name a source declares or uses on an operation. */
    private static List<String> tagNames(ObjectNode document) {
        List<String> names = new ArrayList<>();
        document.path("tags").forEach(t -> addOnce(names, t.path("name").asText()));
        operations(document).forEach(op -> op.path("tags").forEach(t -> addOnce(names, t.asText())));
        return names;
    }

    private static void renameTag(ObjectNode document, String from, String to) {
        if (from.equals(to)) {
            return;
        }
        boolean declared = false;
        for (JsonNode tag : document.path("tags")) {
            if (from.equals(tag.path("name").asText())) {
                ((ObjectNode) tag).put("name", to);
                declared = true;
            }
        }
        if (!declared) {
            ArrayNode tags = document.has("tags") ? (ArrayNode) document.get("tags") : document.putArray("tags");
            tags.addObject().put("name", to);
        }
        for (ObjectNode op : operations(document)) {
            ArrayNode opTags = (ArrayNode) op.get("tags");
            if (opTags == null) {
                continue;
            }
            for (int i = 0; i < opTags.size(); i++) {
                if (from.equals(opTags.get(i).asText())) {
                    opTags.set(i, TextNode.valueOf(to));
                }
            }
        }
    }

    private static void mergeComponents(Source source, ObjectNode into) {
        JsonNode components = source.document().path("components");
        Map<String, String> renames = new LinkedHashMap<>();
        // until no new clash: renaming one component changes the $refs (and so the equality) of others
        boolean renamed = true;
        while (renamed) {
            renamed = false;
            for (Map.Entry<String, JsonNode> kind : iterable(components.fields())) {
                for (String name : iterable(kind.getValue().fieldNames())) {
                    String ref = REF_PREFIX + kind.getKey() + "/" + name;
                    JsonNode existing = into.path(kind.getKey()).get(name);
                    if (renames.containsKey(ref) || existing == null || existing.equals(kind.getValue().get(name))) {
                        continue;
                    }
                    if ("securitySchemes".equals(kind.getKey())) {
                        throw new IllegalStateException("security scheme '" + name + "' of " + source.name()
                                + " differs from the gateway's; every service must accept the same tokens");
                    }
                    renames.put(ref, REF_PREFIX + kind.getKey() + "/" + capitalize(source.name()) + name);
                    rewriteRefs(source.document(), Map.of(ref, renames.get(ref)));
                    renamed = true;
                }
            }
        }
        components.fields().forEachRemaining(kind -> {
            ObjectNode target = into.has(kind.getKey()) ? (ObjectNode) into.get(kind.getKey())
                    : into.putObject(kind.getKey());
            kind.getValue().fields().forEachRemaining(entry -> {
                String ref = REF_PREFIX + kind.getKey() + "/" + entry.getKey();
                String name = renames.containsKey(ref)
                        ? renames.get(ref).substring((REF_PREFIX + kind.getKey() + "/").length())
                        : entry.getKey();
                JsonNode existing = target.get(name);
                if (existing != null && !existing.equals(entry.getValue())) {
                    throw new IllegalStateException("component " + kind.getKey() + "/" + name + " of "
                            + source.name() + " clashes even after renaming");
                }
                target.set(name, entry.getValue());
            });
        });
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && renames.containsKey(ref.asText())) {
                object.put("$ref", renames.get(ref.asText()));
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        }
    }

    private static void mergePaths(Source source, ObjectNode into) {
        source.document().path("paths").fields().forEachRemaining(path -> {
            if (into.has(path.getKey())) {
                throw new IllegalStateException("path " + path.getKey() + " is defined by " + source.name()
                        + " and by another contract; each service owns its own prefix");
            }
            into.set(path.getKey(), path.getValue());
        });
    }

    private static List<ObjectNode> operations(ObjectNode document) {
        List<ObjectNode> operations = new ArrayList<>();
        document.path("paths").elements().forEachRemaining(item -> item.fields().forEachRemaining(e -> {
            if (HTTP_METHODS.contains(e.getKey()) && e.getValue().isObject()) {
                operations.add((ObjectNode) e.getValue());
            }
        }));
        return operations;
    }

    private static final List<String> HTTP_METHODS = List.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");

    /** Sorted by name, one level deep or two ({@code components.<kind>.<name>}). */
    private static ObjectNode sortedFields(ObjectNode node, boolean nested) {
        ObjectNode sorted = JSON.objectNode();
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        names.stream().sorted().forEach(name -> {
            JsonNode child = node.get(name);
            sorted.set(name, nested && child.isObject() ? sortedFields((ObjectNode) child, false) : child);
        });
        return sorted;
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        List<T> items = new ArrayList<>();
        iterator.forEachRemaining(items::add);
        return items;
    }

    private static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
