package io.dengta.gateway.contract;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Documents the gateway endpoints that are Vert.x routes rather than JAX-RS resources (so the scanner does
 * not see them): every route the gateway serves is in its contract.
 */
final class GatewayEndpoints {

    static final String CONTRACT_TAG = "Contract";

    private GatewayEndpoints() {
    }

    static void document(ObjectNode own) {
        ObjectNode paths = own.has("paths") ? (ObjectNode) own.get("paths") : own.putObject("paths");
        ObjectNode get = paths.putObject(ContractRoute.PATH).putObject("get");
        get.putArray("tags").add(CONTRACT_TAG);
        get.put("summary", "The merged contract of the gateway and every service behind it");
        get.put("description", "The same document as /q/openapi. YAML by default; JSON with `?format=json` or"
                + " `Accept: application/json`. Open to everyone, like the services' own contracts.");
        get.put("operationId", "getMergedContract");
        get.putArray("security");
        ObjectNode format = get.putArray("parameters").addObject();
        format.put("name", "format").put("in", "query").put("description", "yaml (default) or json");
        format.putObject("schema").put("type", "string").putArray("enum").add("yaml").add("json");
        format.put("example", "json");
        ObjectNode ok = get.putObject("responses").putObject("200");
        ok.put("description", "The OpenAPI 3.1 document");
        ObjectNode content = ok.putObject("content");
        ObjectNode yaml = content.putObject("application/yaml");
        yaml.putObject("schema").put("type", "string");
        yaml.put("example", "openapi: 3.1.0\ninfo:\n  title: Dengta gateway\n");
        ObjectNode json = content.putObject("application/json");
        json.putObject("schema").put("type", "object");
        json.putObject("example").put("openapi", "3.1.0");

        ArrayNode tags = own.has("tags") ? (ArrayNode) own.get("tags") : own.putArray("tags");
        tags.addObject().put("name", CONTRACT_TAG)
                .put("description", "The merged OpenAPI contract (the services' committed contracts plus the"
                        + " gateway's own endpoints)");
    }
}
