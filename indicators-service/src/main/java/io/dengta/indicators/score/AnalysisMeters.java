package io.dengta.indicators.score;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Business meters of the analyses (issue 7): {@code dengta_score_computation_seconds{framework}},
 * {@code dengta_gaps_computation_seconds{framework}} and {@code dengta_balance_computation_seconds{stage}}: the time
 * from the parsed request to the finished answer (queries and arithmetic; not authentication or JSON writing). Only
 * computations that succeed are timed, so a tag is always a framework or stage that exists, never a caller's typo.
 */
@ApplicationScoped
public class AnalysisMeters {

    private final MeterRegistry registry;

    public AnalysisMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    public <T> T score(String framework, Supplier<T> computation) {
        return timed("dengta.score.computation", "Time to compute framework scores", "framework", framework, computation);
    }

    public <T> T gaps(String framework, Supplier<T> computation) {
        return timed("dengta.gaps.computation", "Time to compute a benchmark group's gap analysis", "framework",
                framework, computation);
    }

    public <T> T balance(String stage, Supplier<T> computation) {
        return timed("dengta.balance.computation", "Time to compute a region's balance between schools", "stage", stage,
                computation);
    }

    private <T> T timed(String name, String description, String tag, String value, Supplier<T> computation) {
        long start = System.nanoTime();
        T result = computation.get();
        Timer.builder(name).description(description).tag(tag, value).register(registry)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return result;
    }
}
