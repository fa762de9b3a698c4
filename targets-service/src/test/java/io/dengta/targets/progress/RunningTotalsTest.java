package io.dengta.targets.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.dengta.commons.period.Period;

class RunningTotalsTest {

    private static final ProgressInput SEATS = new ProgressInput(ProgressInput.Kind.COUNT, TargetComparator.AT_LEAST,
            new BigDecimal("11000"), null, null, new BigDecimal("100"), Period.parse("2022Sep"), Period.parse("2025Sep"), List.of());

    @Test
    void aCountIsTheBaselinePlusThePeriodsAfterIt() {
        List<Actual> totals = ProgressEngine.runningTotals(List.of(seats("2022Sep", 999), seats("2024Sep", 3000),
                seats("2023Sep", 4500)), SEATS);
        assertEquals(List.of("2023Sep", "2024Sep"), totals.stream().map(a -> a.period().code()).toList());
        assertEquals(List.of(new BigDecimal("4600"), new BigDecimal("7600")), totals.stream().map(Actual::value).toList());
    }

    @Test
    void onlyPeriodsOfTheMostFrequentTypeAreAddedSoNothingCountsTwice() {
        List<Actual> totals = ProgressEngine.runningTotals(List.of(seats("2023Sep", 10), seats("2024Sep", 20),
                seats("2024", 30)), SEATS);
        assertEquals(List.of(new BigDecimal("110"), new BigDecimal("130")), totals.stream().map(Actual::value).toList());
    }

    @Test
    void theDashboardsRegionNarrowsTheCallersScope() {
        assertEquals(List.of("320113"), ProgressListResource.narrow(null, "320113"));
        assertEquals(List.of("320113"), ProgressListResource.narrow(List.of("3201"), "320113"));
        assertEquals(List.of("320113"), ProgressListResource.narrow(List.of("320113"), "3201"));
        assertEquals(List.of(), ProgressListResource.narrow(List.of("320211"), "320113"));
        assertEquals(List.of("3202"), ProgressListResource.narrow(List.of("3202"), null));
    }

    private static Actual seats(String period, int n) {
        return Actual.of(Period.parse(period), BigDecimal.valueOf(n), null, "registry");
    }
}
