package io.dengta.commons.journal;

import java.util.List;

/**
 * A page of the change feed. {@code next} is the sequence to pass as {@code after} on the next poll:
 * the last sequence of this page, or the {@code after} that was asked for when nothing is new.
 */
public record ChangePage(List<Change> items, long next) {
}
