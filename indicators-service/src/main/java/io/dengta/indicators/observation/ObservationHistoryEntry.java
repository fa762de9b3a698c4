package io.dengta.indicators.observation;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import io.dengta.commons.journal.AuditEntry;

/** One change of an observation: who (subject, client), when, which request, and the state before and after. */
@Schema(name = "ObservationChange")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ObservationHistoryEntry(
        OffsetDateTime at,
        @Schema(description = "Who made the change (the token's subject)") String subject,
        @Schema(description = "The OAuth client it came through") String client,
        String requestId,
        @Schema(enumeration = { "create", "update", "delete" }) String operation,
        @Schema(description = "The observation before (absent on create)", implementation = ObservationView.class) JsonNode before,
        @Schema(description = "The observation after (absent on delete)", implementation = ObservationView.class) JsonNode after) {

    static ObservationHistoryEntry of(AuditEntry e) {
        return new ObservationHistoryEntry(e.at(), e.subject(), e.client(), e.requestId(), e.operation(), e.before(),
                e.after());
    }
}
