package io.dengta.targets.progress;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How current the latest actual is on the day of the computation.
 *
 * @param latestPeriod the period of the latest actual
 * @param lastCompletePeriod the last period of the same type that had ended by then
 * @param periodsBehind how many periods of that type the latest actual is behind it (0 when it is that period or later)
 * @param state {@code current} (0 behind), {@code due} (1 behind: the last complete period is not in yet),
 *        {@code outdated} (2 or more)
 * @param updatedAt when the source last changed the latest actual
 * @param ageDays days from {@code updatedAt} to the computation day
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Freshness(String latestPeriod, String lastCompletePeriod, long periodsBehind, String state,
        OffsetDateTime updatedAt, Long ageDays) {
}
