package io.dengta.commons.problem;

/**
 * One invalid field: a JSON Pointer into the request body (or the name of a query or path parameter),
 * a stable machine-readable code and a message for people.
 */
public record FieldError(String pointer, String code, String message) {
}
