package io.dengta.schools.statistics;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/** What a publish sent to indicators-service and how it answered. */
@Schema(name = "StatisticsPublication")
public record PublishView(
        String region,
        String schoolYear,
        LocalDate referenceDate,
        @Schema(description = "Schools whose statistics were sent") int schools,
        @Schema(description = "Observation rows sent (region and schools; statistics without an indicator code or "
                + "without a value are not sent)") int rows,
        @Schema(description = "The Idempotency-Key sent: region, school year and a SHA-256 of the rows, so publishing "
                + "unchanged statistics again never creates duplicates") String idempotencyKey,
        @Schema(description = "HTTP status of indicators-service's import; null when there was nothing to send",
                nullable = true) Integer importStatus,
        @Schema(description = "indicators-service answered with the stored result of an earlier identical import")
        boolean replayed,
        @Schema(description = "indicators-service's import report, as it sent it", nullable = true,
                type = SchemaType.OBJECT) JsonNode importReport) {
}
