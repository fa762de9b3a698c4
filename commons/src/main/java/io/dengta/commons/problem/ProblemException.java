package io.dengta.commons.problem;

import java.util.List;
import java.util.Map;

/**
 * Thrown by services to answer with a problem. Carries the type, a detail for people, field errors and
 * any headers the answer needs (e.g. {@code Retry-After}).
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;
    private final Map<String, String> headers;

    public ProblemException(ProblemType type, String detail, List<FieldError> errors, Map<String, String> headers) {
        super(detail);
        this.type = type;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of(), Map.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(ProblemType.VALIDATION, Problems.countDetail(errors.size()), errors, Map.of());
    }

    public static ProblemException invalid(String pointer, String code, String message) {
        return invalid(List.of(new FieldError(pointer, code, message)));
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        // an expected answer, not a failure: a stack trace would only cost time
        return this;
    }
}
