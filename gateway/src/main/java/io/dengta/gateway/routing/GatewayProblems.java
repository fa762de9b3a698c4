package io.dengta.gateway.routing;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dengta.commons.problem.Problem;
import io.dengta.commons.problem.ProblemType;
import io.dengta.commons.requestid.RequestIds;
import io.vertx.core.http.HttpServerRequest;

/**
 * The one problem type only the gateway answers: {@code urn:dengta:problem:bad-gateway} (502), when a
 * service answers something that is not a valid HTTP answer or a 5xx that is not problem+json (which no
 * Dengta service sends: it comes from something else, and may carry internals such as a stack trace).
 */
final class GatewayProblems {

    static final String BAD_GATEWAY = ProblemType.URN_PREFIX + "bad-gateway";
    private static final ObjectMapper JSON = new ObjectMapper();

    private GatewayProblems() {
    }

    static String badGateway(String detail, HttpServerRequest request) {
        try {
            return JSON.writeValueAsString(new Problem(BAD_GATEWAY, "A service this request needs gave an invalid answer",
                    502, detail, request.path(), RequestIds.of(request), List.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
