package io.dengta.commons.journal;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

/** Who changed what, when, from which client, and the state before and after. */
public record AuditEntry(long id, OffsetDateTime at, String subject, String client, String requestId,
        String resourceType, String key, String operation, JsonNode before, JsonNode after) {
}
