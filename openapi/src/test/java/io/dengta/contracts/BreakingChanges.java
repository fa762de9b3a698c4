package io.dengta.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.openapitools.openapidiff.core.OpenApiCompare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.Endpoint;

/**
 * The breaking changes between a released contract and the current one, per operation
 * ({@code "GET /schools/v1/schools"}), as openapi-diff judges them: a removed operation, or an operation
 * whose parameters, request body, responses or security changed incompatibly (openapi-diff's rules: e.g. a
 * new required parameter or request field, a narrower enum in a request, a required response field removed;
 * an optional response field may disappear, as api-conventions.md lets null fields be omitted).
 */
final class BreakingChanges {

    /** Changes openapi-diff finds incompatible outside any operation (e.g. security schemes). */
    static final String DOCUMENT = "*";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private BreakingChanges() {
    }

    record Result(TreeSet<String> breaks, ChangedOpenApi diff) {
    }

    static Result between(Path released, Path current) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(as30(released), as30(current));
        TreeSet<String> breaks = new TreeSet<>();
        for (Endpoint missing : diff.getMissingEndpoints()) {
            breaks.add(key(missing.getMethod().name(), missing.getPathUrl()));
        }
        for (ChangedOperation changed : diff.getChangedOperations()) {
            if (changed.isIncompatible() || !removedResponseFields(changed).isEmpty()) {
                breaks.add(key(changed.getHttpMethod().name(), changed.getPathUrl()));
            }
        }
        if (breaks.isEmpty() && diff.isIncompatible()) {
            breaks.add(DOCUMENT);
        }
        return new Result(breaks, diff);
    }

    /**
     * Response fields the current contract no longer has. openapi-diff calls removing an optional response
     * field compatible; our responses mark few fields required, and a client reading a field that is gone
     * breaks, so the check counts these too (api-conventions.md: only additive changes stay in a version).
     */
    static List<String> removedResponseFields(ChangedOperation operation) {
        List<String> removed = new ArrayList<>();
        ChangedApiResponse responses = operation.getApiResponses();
        if (responses == null) {
            return removed;
        }
        responses.getChanged().forEach((status, response) -> {
            if (status.startsWith("2") && response.getContent() != null) {
                response.getContent().getChanged().forEach((media, changedMedia) ->
                        collectRemoved(changedMedia.getSchema(), status + " ", removed, 0));
            }
        });
        return removed;
    }

    private static void collectRemoved(ChangedSchema schema, String prefix, List<String> removed, int depth) {
        if (schema == null || depth > 20) {
            return;
        }
        schema.getMissingProperties().keySet().forEach(name -> removed.add(prefix + name));
        schema.getChangedProperties().forEach((name, child) -> collectRemoved(child, prefix + name + ".", removed,
                depth + 1));
        collectRemoved(schema.getItems(), prefix + "[].", removed, depth + 1);
    }

    private static String as30(Path contract) {
        try {
            return YAML.writeValueAsString(Oas30.downgrade((ObjectNode) YAML.readTree(contract.toFile())));
        } catch (IOException e) {
            throw new UncheckedIOException(contract + ": " + e.getMessage(), e);
        }
    }

    static String key(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }

    static List<String> describe(ChangedOpenApi diff, TreeSet<String> only) {
        List<String> lines = new ArrayList<>();
        for (Endpoint missing : diff.getMissingEndpoints()) {
            String key = key(missing.getMethod().name(), missing.getPathUrl());
            if (only.contains(key)) {
                lines.add(key + ": removed");
            }
        }
        for (ChangedOperation changed : diff.getChangedOperations()) {
            String key = key(changed.getHttpMethod().name(), changed.getPathUrl());
            List<String> removed = removedResponseFields(changed);
            if ((changed.isIncompatible() || !removed.isEmpty()) && only.contains(key)) {
                List<String> parts = new ArrayList<>();
                if (changed.getParameters() != null && changed.getParameters().isIncompatible()) {
                    parts.add("parameters");
                }
                if (changed.getRequestBody() != null && changed.getRequestBody().isIncompatible()) {
                    parts.add("request body");
                }
                if (changed.getApiResponses() != null && changed.getApiResponses().isIncompatible()) {
                    parts.add("responses");
                }
                if (changed.getSecurityRequirements() != null && changed.getSecurityRequirements().isIncompatible()) {
                    parts.add("security");
                }
                if (!removed.isEmpty()) {
                    parts.add("response fields removed " + removed);
                }
                lines.add(key + ": incompatible " + String.join(", ", parts));
            }
        }
        if (only.contains(DOCUMENT)) {
            lines.add("the document changed incompatibly outside its operations");
        }
        return lines;
    }
}
