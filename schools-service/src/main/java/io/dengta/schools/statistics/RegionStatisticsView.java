package io.dengta.schools.statistics;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A region's statistics for a school year: its schools' numerators and denominators summed. */
@Schema(name = "RegionStatistics")
public record RegionStatisticsView(
        @Schema(description = "行政区划代码; the statistics include its sub-regions") String region,
        @Schema(description = "The region's official name") String regionName,
        @Schema(description = "学年, e.g. 2024Sep") String schoolYear,
        @Schema(description = "The day teachers are counted on (active assignments, honours in force): 30 September of "
                + "the school year's first calendar year") LocalDate referenceDate,
        @Schema(description = "The stage asked for; null: all stages", nullable = true) String stage,
        @Schema(description = "Schools that reported facts for the school year (and offer the stage): the statistics "
                + "cover these") int schools,
        @Schema(description = "Schools operating in the school year (offering the stage) without facts for it: missing "
                + "from the statistics") long schoolsWithoutFacts,
        List<StatisticView> statistics) {
}
