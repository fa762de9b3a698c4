package io.dengta.targets.checkin;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A progress report as the API shows it. */
@Schema(name = "ProgressReport")
public record ProgressReportView(
        long id,
        long target,
        String period,
        BigDecimal value,
        Boolean done,
        String comment,
        String evidenceUrl,
        String reporter,
        @Schema(description = "submitted, accepted, returned") String status,
        String reviewedBy,
        OffsetDateTime reviewedAt,
        String reviewComment,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static ProgressReportView of(ProgressReport r) {
        return new ProgressReportView(r.id, r.targetId, r.period, plain(r.value), r.done, r.comment, r.evidenceUrl,
                r.reporter, r.status, r.reviewedBy, r.reviewedAt, r.reviewComment, r.version, r.createdAt, r.updatedAt);
    }

    private static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
