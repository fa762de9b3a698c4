package io.dengta.commons.imports;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A bulk import running in the background: its progress, then its report (or why it failed). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportJob(UUID id, String resourceType, String status, long rowsRead, ImportReport report, String error,
        OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt) {
}
