package io.dengta.commons.problem;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dengta.commons.requestid.RequestIds;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.core.Response;

/** Builds problem bodies and writes them, as a JAX-RS response or straight onto a Vert.x response. */
public final class Problems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    public static Problem of(ProblemType type, String detail, List<FieldError> errors, HttpServerRequest request) {
        String instance = request == null ? null : request.path();
        String requestId = request == null ? null : RequestIds.of(request);
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, requestId, errors);
    }

    public static Response response(ProblemType type, String detail, List<FieldError> errors,
            Map<String, String> headers, HttpServerRequest request) {
        Response.ResponseBuilder builder = Response.status(type.status())
                .entity(toJson(of(type, detail, errors, request)))
                .type(Problem.MEDIA_TYPE);
        headers.forEach(builder::header);
        return builder.build();
    }

    /** Ends a Vert.x response with a problem, for failures that never reach a JAX-RS resource. */
    public static void write(HttpServerResponse response, ProblemType type, String detail, HttpServerRequest request) {
        if (response.ended()) {
            return;
        }
        if (response.headWritten()) {
            response.reset();
            return;
        }
        response.setStatusCode(type.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(toJson(of(type, detail, List.of(), request)));
    }

    /** A problem body as JSON text, for code that writes responses itself (the gateway's proxy). */
    public static String json(ProblemType type, String detail, HttpServerRequest request) {
        return toJson(of(type, detail, List.of(), request));
    }

    public static String countDetail(int fields) {
        return fields == 1 ? "1 field is not valid" : fields + " fields are not valid";
    }

    static String toJson(Problem problem) {
        try {
            return JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem body could not be written", e);
        }
    }
}
