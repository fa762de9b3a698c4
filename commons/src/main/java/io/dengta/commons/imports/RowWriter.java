package io.dengta.commons.imports;

import java.util.List;

/**
 * Upserts one imported row by its natural key, inside the import's transaction. Rejects a row by
 * throwing {@link io.dengta.commons.problem.ProblemException} before writing anything (validation,
 * scope); the pointers of its field errors become the row errors' fields.
 */
@FunctionalInterface
public interface RowWriter<T> {

    RowOutcome write(T row);

    /**
     * Called in the import's transaction with the next rows (at most a batch, in order, each valid by bean
     * validation) before they are written one by one: a writer may read their current state in one query
     * instead of one per row. The rows may still be rejected by {@link #write}.
     */
    default void prepare(List<T> rows) {
    }
}
