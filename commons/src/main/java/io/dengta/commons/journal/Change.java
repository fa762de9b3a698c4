package io.dengta.commons.journal;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One entry of a change feed: the resource and what happened to it (its current state is read by key). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Change(long sequence, String resourceType, String key, String operation, String region,
        String school, OffsetDateTime at) {
}
