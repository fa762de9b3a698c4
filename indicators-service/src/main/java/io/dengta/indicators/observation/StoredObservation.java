package io.dengta.indicators.observation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** An observation row as {@link ObservationStore} reads and writes it; {@code deletedAt} set when deleted. */
record StoredObservation(long id, ObservationKey key, String region, BigDecimal value, BigDecimal numerator,
        BigDecimal denominator, String status, String source, String comment, long version, OffsetDateTime createdAt,
        OffsetDateTime updatedAt, OffsetDateTime deletedAt) {

    boolean live() {
        return deletedAt == null;
    }
}
