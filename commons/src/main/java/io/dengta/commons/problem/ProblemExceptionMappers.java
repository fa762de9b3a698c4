package io.dengta.commons.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;

/**
 * Turns every exception that reaches a JAX-RS resource into problem+json: the services' own
 * {@link ProblemException}s, the framework's (unknown route, wrong method, wrong content type, malformed
 * or unknown JSON, bean validation, authentication and authorization) and anything unexpected.
 */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);
    private static final Map<String, String> BEARER_CHALLENGE = Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer");

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return Problems.response(e.type(), e.getMessage(), e.errors(), e.headers(), request);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, HttpServerRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new FieldError(pointer(v.getPropertyPath()), code(v), v.getMessage()));
        }
        errors.sort((a, b) -> a.pointer().compareTo(b.pointer()));
        return Problems.response(ProblemType.VALIDATION, Problems.countDetail(errors.size()), errors, Map.of(),
                request);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, HttpServerRequest request) {
        FieldError error = new FieldError(pointer(e), "unknown_field",
                "unknown field '" + e.getPropertyName() + "'");
        return Problems.response(ProblemType.VALIDATION, Problems.countDetail(1), List.of(error), Map.of(), request);
    }

    @ServerExceptionMapper
    public Response invalidValue(InvalidFormatException e, HttpServerRequest request) {
        String target = e.getTargetType() == null ? "value" : e.getTargetType().getSimpleName();
        FieldError error = new FieldError(pointer(e), "invalid_value",
                "'" + e.getValue() + "' is not a valid " + target);
        return Problems.response(ProblemType.VALIDATION, Problems.countDetail(1), List.of(error), Map.of(), request);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonMappingException e, HttpServerRequest request) {
        FieldError error = new FieldError(pointer(e), "invalid_type", e.getOriginalMessage());
        return Problems.response(ProblemType.VALIDATION, Problems.countDetail(1), List.of(error), Map.of(), request);
    }

    /** More specific than JsonMappingException, so it wins over Quarkus' own plain-JSON mapper. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, HttpServerRequest request) {
        return unreadableJson(e, request);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, HttpServerRequest request) {
        return Problems.response(ProblemType.MALFORMED_REQUEST, "The body is not valid JSON: " + e.getOriginalMessage(),
                List.of(), Map.of(), request);
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e, HttpServerRequest request) {
        return Problems.response(ProblemType.MALFORMED_REQUEST, "The body could not be read as JSON", List.of(),
                Map.of(), request);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, HttpServerRequest request) {
        return Problems.response(ProblemType.UNAUTHORIZED, "A valid bearer token is required", List.of(),
                BEARER_CHALLENGE, request);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        return Problems.response(ProblemType.UNAUTHORIZED, "The bearer token is not valid", List.of(),
                Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""), request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return Problems.response(ProblemType.FORBIDDEN, "Your role does not allow this operation", List.of(),
                Map.of(), request);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        // Quarkus REST wraps a body Jackson could not read in a plain 400: answer for the real cause
        if (e.getCause() instanceof UnrecognizedPropertyException cause) {
            return unknownField(cause, request);
        } else if (e.getCause() instanceof InvalidFormatException cause) {
            return invalidValue(cause, request);
        } else if (e.getCause() instanceof MismatchedInputException cause) {
            return unreadableJson(cause, request);
        } else if (e.getCause() instanceof JsonParseException cause) {
            return malformedJson(cause, request);
        } else if (e.getCause() instanceof JsonMappingException cause) {
            return unreadableJson(cause, request);
        } else if (e.getCause() instanceof JsonProcessingException cause) {
            return otherJson(cause, request);
        }
        int status = e.getResponse().getStatus();
        ProblemType type = ProblemType.forStatus(status);
        String detail = switch (status) {
            case 404 -> "No resource at " + request.path();
            case 405 -> request.method() + " is not supported here";
            case 415 -> "Content type " + request.getHeader(HttpHeaders.CONTENT_TYPE) + " is not supported here";
            case 406 -> "None of the accepted media types can be produced";
            default -> status >= 500 ? null : e.getMessage();
        };
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        Map<String, String> headers = Map.of();
        if (status == 405) {
            // RFC 9110: a 405 names the methods the resource has; Quarkus REST's own 405 does not
            String allow = e instanceof NotAllowedException ? e.getResponse().getHeaderString("Allow") : null;
            allow = allow != null ? allow : AllowedMethods.of(request.path()).orElse(null);
            if (allow != null) {
                headers = Map.of("Allow", allow);
            }
        }
        return Problems.response(type, detail, List.of(), headers, request);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (isDatabaseUnreachable(e)) {
            LOG.warnf("Database unreachable: %s", e.getMessage());
            return Problems.response(ProblemType.DEPENDENCY_UNAVAILABLE, "The database is unavailable; retry later",
                    List.of(), Map.of("Retry-After", "5"), request);
        }
        if (isIntegrityViolation(e)) {
            // a concurrent create of the same key, or a delete of something still referenced
            LOG.infof("Integrity constraint refused the write: %s", e.getMessage());
            return Problems.response(ProblemType.CONFLICT,
                    "The write conflicts with existing data (it already exists, or other records still refer to it)",
                    List.of(), Map.of(), request);
        }
        LOG.error("Unexpected failure", e);
        return Problems.response(ProblemType.INTERNAL,
                "The server could not complete the request; quote the request id when reporting it", List.of(),
                Map.of(), request);
    }

    /** A lost or refused database connection (SQL state class 08, or the pool could not get one). */
    static boolean isDatabaseUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** A unique, foreign-key, check or exclusion constraint refused the write (SQL state class 23). */
    static boolean isIntegrityViolation(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    /** JSON Pointer of a bean-validation path: body properties after the parameter, else the parameter name. */
    static String pointer(Path path) {
        StringBuilder pointer = new StringBuilder();
        String parameter = null;
        boolean afterParameter = false;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                afterParameter = true;
                continue;
            }
            if (!afterParameter || node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getIndex() != null && node.getKind() != ElementKind.PROPERTY) {
                pointer.append('/').append(node.getIndex());
            }
            if (node.getName() != null && node.getKind() == ElementKind.PROPERTY) {
                if (node.isInIterable() && node.getIndex() != null) {
                    pointer.append('/').append(node.getIndex());
                } else if (node.isInIterable() && node.getKey() != null) {
                    pointer.append('/').append(escape(String.valueOf(node.getKey())));
                }
                pointer.append('/').append(escape(node.getName()));
            }
        }
        if (pointer.length() > 0) {
            return pointer.toString();
        }
        return parameter == null || isBodyParameterName(parameter) ? "" : parameter;
    }

    private static boolean isBodyParameterName(String name) {
        return Set.of("body", "request", "entity").contains(name);
    }

    static String pointer(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                pointer.append('/').append(escape(ref.getFieldName()));
            } else if (ref.getIndex() >= 0) {
                pointer.append('/').append(ref.getIndex());
            }
        }
        return pointer.toString();
    }

    private static String code(ConstraintViolation<?> v) {
        String name = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
