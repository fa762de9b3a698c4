package io.dengta.commons.paging;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The collection envelope: {@code {"items": [...], "next": "<cursor>"|null}}, plus {@code total} only when
 * the client asked for it ({@code includeTotal=true}).
 */
public record Page<T>(List<T> items, String next, @JsonInclude(JsonInclude.Include.NON_NULL) Long total) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), next, total);
    }
}
