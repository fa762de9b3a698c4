package io.dengta.commons.imports;

/** A rejected row: its number (1 = the first data row), the field, a stable code and a message. */
public record RowError(long row, String field, String code, String message) {
}
