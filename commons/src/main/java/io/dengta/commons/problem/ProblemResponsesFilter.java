package io.dengta.commons.problem;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the problem+json answers every operation can give, so the contract shows them without
 * repeating annotations on each resource: 500/503 everywhere, 401/403 unless the operation is open
 * ({@code security: []}), 400 where there is input, 404 on
 * paths with parameters, 412 where {@code If-Match} is accepted, 415 where there is a body.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        addSchemas(openAPI.getComponents());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                document(path, entry.getValue());
            }
        });
    }

    private static void document(String path, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty()) || path.contains("{");
        if (hasInput) {
            add(responses, "400", "The request is not valid (every invalid field is listed in `errors`)");
        }
        // an explicitly open operation (security: [], e.g. the gateway's /openapi) has no 401/403
        boolean open = operation.getSecurity() != null && operation.getSecurity().isEmpty();
        if (!open) {
            add(responses, "401", "No valid bearer token");
            add(responses, "403", "The caller's role or organisation scope does not allow this");
        }
        if (path.contains("{")) {
            add(responses, "404", "Not found, or outside the caller's organisation scope");
        }
        boolean ifMatch = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()));
        if (ifMatch) {
            add(responses, "412", "If-Match does not match the current version");
        }
        if (operation.getRequestBody() != null) {
            add(responses, "415", "The body's content type is not accepted");
        }
        add(responses, "500", "Unexpected failure (no details are disclosed; quote the requestId)");
        add(responses, "503", "A database or service this request needs is unavailable; see Retry-After");
    }

    private static void add(APIResponses responses, String status, String description) {
        org.eclipse.microprofile.openapi.models.media.Content problem = OASFactory.createContent()
                .addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
        if (responses.hasAPIResponse(status)) {
            // smallrye adds bare 400/401/403 entries: give them the problem body
            var existing = responses.getAPIResponse(status);
            if (existing.getContent() == null || existing.getContent().getMediaTypes() == null
                    || existing.getContent().getMediaTypes().isEmpty()) {
                existing.setContent(problem);
            }
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(problem));
    }

    private static void addSchemas(Components components) {
        Schema fieldError = OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("One invalid field")
                .addProperty("pointer", string("JSON Pointer into the body, or the query/path parameter name"))
                .addProperty("code", string("Stable machine-readable code, e.g. unknown_field"))
                .addProperty("message", string("For people"));
        Schema problem = OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details")
                .addProperty("type", string("urn:dengta:problem:<slug>, e.g. urn:dengta:problem:validation"))
                .addProperty("title", string("Short summary of the problem type"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", string("What went wrong in this request"))
                .addProperty("instance", string("The request path"))
                .addProperty("requestId", string("The X-Request-Id of the request"))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
                .required(List.of("type", "title", "status"));
        components.addSchema("FieldError", fieldError);
        components.addSchema("Problem", problem);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
