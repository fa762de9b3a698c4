package io.dengta.commons.paging;

import java.time.OffsetDateTime;
import java.util.function.Function;

/**
 * A sortable field of a collection: the JPQL path it sorts by, how to read it from an entity for the
 * cursor, and how to read it back from the cursor.
 */
public record SortKey<E>(String path, Function<E, Object> value, Function<String, Object> parse) {

    public static <E> SortKey<E> text(String path, Function<E, Object> value) {
        return new SortKey<>(path, value, s -> s);
    }

    public static <E> SortKey<E> instant(String path, Function<E, Object> value) {
        return new SortKey<>(path, value, OffsetDateTime::parse);
    }

    public static <E> SortKey<E> integer(String path, Function<E, Object> value) {
        return new SortKey<>(path, value, Long::valueOf);
    }
}
