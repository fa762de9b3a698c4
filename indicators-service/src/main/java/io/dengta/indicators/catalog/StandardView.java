package io.dengta.indicators.catalog;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A standard as the API shows it. */
@Schema(name = "Standard")
public record StandardView(
        UUID id,
        String indicator,
        @Schema(description = "000000 = national") String jurisdiction,
        @Schema(description = "Empty: every stage") List<String> stages,
        @Schema(description = ">=, <=, =, between") String comparator,
        BigDecimal value,
        BigDecimal valueHigh,
        int fromYear,
        @Schema(description = "Absent: in force until further notice") Integer toYear,
        String source,
        @Schema(description = "official, secondary-sources, unverified") String verified,
        String note,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static StandardView of(Standard s) {
        return new StandardView(s.id, s.indicatorCode, s.jurisdiction, List.copyOf(s.stages), s.comparator,
                Vocabulary.plain(s.value), Vocabulary.plain(s.valueHigh), s.fromYear, s.toYear, s.source, s.verified,
                s.note, s.version, s.createdAt, s.updatedAt);
    }
}
