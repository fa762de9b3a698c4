package io.dengta.commons.imports;

/**
 * Upserts one imported row by its natural key, inside the import's transaction. Rejects a row by
 * throwing {@link io.dengta.commons.problem.ProblemException} before writing anything (validation,
 * scope); the pointers of its field errors become the row errors' fields.
 */
@FunctionalInterface
public interface RowWriter<T> {

    RowOutcome write(T row);
}
