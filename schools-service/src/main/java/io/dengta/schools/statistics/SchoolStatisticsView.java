package io.dengta.schools.statistics;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One school's statistics for a school year. */
@Schema(name = "SchoolStatistics")
public record SchoolStatisticsView(
        @Schema(description = "学校标识码") String school,
        @Schema(description = "The school's region") String region,
        @Schema(description = "学年, e.g. 2024Sep") String schoolYear,
        @Schema(description = "The day teachers are counted on: 30 September of the school year's first calendar year")
        LocalDate referenceDate,
        @Schema(description = "Whether the school reported facts for the school year; without them only the seats "
                + "added by its projects are shown") boolean factsReported,
        List<StatisticView> statistics) {
}
