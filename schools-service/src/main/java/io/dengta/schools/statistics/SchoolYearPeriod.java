package io.dengta.schools.statistics;

import java.time.LocalDate;

import io.dengta.schools.schoolyear.SchoolYear;

/**
 * A school year and the day its teachers are counted on: 30 September of its first calendar year, when the autumn
 * term has begun and the year's staffing is settled (the start-of-year count, 学年初). Rotations and projects count
 * over the whole school year (1 September – 31 August).
 */
record SchoolYearPeriod(SchoolYear year, LocalDate referenceDate) {

    static SchoolYearPeriod of(SchoolYear year) {
        return new SchoolYearPeriod(year, LocalDate.of(year.startYear(), 9, 30));
    }
}
