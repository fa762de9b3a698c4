package io.dengta.commons.imports;

/** What writing one row did. */
public enum RowOutcome {
    CREATED, UPDATED, UNCHANGED
}
