package io.dengta.targets.progress;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dengta.commons.period.Period;
import io.dengta.targets.source.ActualSources;
import io.dengta.targets.source.SourceRef;
import io.dengta.targets.source.SourceUnavailableException;

/**
 * Computes a target's progress from its actuals: observations or registry statistics read from the other services,
 * or accepted progress reports for targets without a data source (and for milestones). When a source cannot answer,
 * the answer is the last stored progress marked {@code stale} with the reason: never a 500.
 */
@ApplicationScoped
public class ProgressEngine {

    /** The bureau's calendar: "today" is Beijing time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** A computed progress and the inputs it came from (stored with status changes). */
    public record Evaluation(ProgressView view, Map<String, Object> inputs, String inputsHash) {
    }

    private final TargetDefinitions targets;
    private final ActualSources sources;
    private final ProgressStore store;
    private final ObjectMapper json;

    public ProgressEngine(TargetDefinitions targets, ActualSources sources, ProgressStore store, ObjectMapper json) {
        this.targets = targets;
        this.sources = sources;
        this.store = store;
        this.json = json;
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /**
     * Computes live.
     *
     * @throws SourceUnavailableException or a {@link FaultToleranceException} when a source cannot answer
     */
    public Evaluation evaluate(TargetDefinition target, LocalDate asOf, String authorization) {
        TargetDefinition t = withObservedBaseline(target, authorization);
        ProgressInput input;
        try {
            input = t.input();
        } catch (IllegalArgumentException e) {
            // A definition the engine cannot measure (e.g. a change target without a baseline) is no-data, not a 500.
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("target", t);
            inputs.put("asOf", asOf.toString());
            return new Evaluation(ProgressView.unmeasurable(t, asOf, e.getMessage(), OffsetDateTime.now(ZoneOffset.UTC)),
                    inputs, hash(inputs));
        }
        SourceRef ref = t.sourceRef();
        List<Actual> raw = ref == null ? targets.acceptedReports(t.id())
                : sources.actuals(ref, input.baselinePeriod() != null ? input.baselinePeriod() : input.deadline().plus(-10), asOf, authorization);
        List<Actual> actuals = "count".equals(t.kind()) ? runningTotals(raw, input) : raw;
        ProgressResult result = ProgressCalculator.compute(input, actuals, asOf);
        List<Actual> shown = actuals.stream().filter(a -> !a.period().startDate().isAfter(asOf))
                .sorted(java.util.Comparator.comparing(Actual::period)).toList();
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("target", t);
        inputs.put("asOf", asOf.toString());
        inputs.put("actuals", shown.stream().map(ProgressView.ActualView::of).toList());
        String hash = hash(inputs);
        return new Evaluation(ProgressView.of(t, asOf, result, shown, OffsetDateTime.now(ZoneOffset.UTC)), inputs, hash);
    }

    /**
     * Plans often name the baseline year but not its value ("up on 2023"): the value is then the actual observed for
     * exactly that period, so the target becomes measurable once the data is there. Not for counts: their baseline
     * is a running total's start, not one period's value.
     */
    private TargetDefinition withObservedBaseline(TargetDefinition t, String authorization) {
        SourceRef ref = t.sourceRef();
        if (t.baseline() != null || t.baselinePeriod() == null || ref == null || "count".equals(t.kind())) {
            return t;
        }
        Period baselinePeriod;
        try {
            baselinePeriod = Period.parse(t.baselinePeriod());
        } catch (RuntimeException e) {
            return t;
        }
        return sources.actuals(ref, baselinePeriod, baselinePeriod.endDate(), authorization).stream()
                .filter(a -> a.period().equals(baselinePeriod)).findFirst()
                .map(a -> t.withBaseline(a.value())).orElse(t);
    }

    /** Live progress, or the last stored progress marked stale when a source cannot answer. */
    public ProgressView progress(TargetDefinition t, LocalDate asOf, String authorization) {
        try {
            return evaluate(t, asOf, authorization).view();
        } catch (SourceUnavailableException | FaultToleranceException e) {
            return stale(t, asOf, reason(e));
        }
    }

    ProgressView stale(TargetDefinition t, LocalDate asOf, String reason) {
        return store.last(t.id()).map(v -> v.asStale(reason)).orElseGet(() -> ProgressView.unknown(t, asOf, reason));
    }

    static String reason(RuntimeException e) {
        if (e instanceof SourceUnavailableException) {
            return e.getMessage();
        }
        if (e instanceof org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException) {
            return "the source failed repeatedly; its circuit is open, calls resume within 30 seconds";
        }
        if (e instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
            return "the source did not answer in time";
        }
        return "the source could not be read: " + e.getClass().getSimpleName();
    }

    /**
     * A count target's actuals are the running total from its start: the baseline plus the per-period values after the
     * baseline period. Only periods of the most frequent type are added up, so a year and the school year inside it
     * are never counted twice.
     */
    static List<Actual> runningTotals(List<Actual> perPeriod, ProgressInput input) {
        if (perPeriod.isEmpty()) {
            return perPeriod;
        }
        Map<io.dengta.commons.period.PeriodType, Long> types = new LinkedHashMap<>();
        perPeriod.forEach(a -> types.merge(a.period().type(), 1L, Long::sum));
        var type = types.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Period start = input.baselinePeriod();
        java.math.BigDecimal total = input.baseline() == null ? java.math.BigDecimal.ZERO : input.baseline();
        List<Actual> out = new ArrayList<>();
        for (Actual a : perPeriod.stream().filter(a -> a.period().type() == type)
                .sorted(java.util.Comparator.comparing(Actual::period)).toList()) {
            if (start != null && !a.period().startDate().isAfter(start.endDate())) {
                continue;
            }
            total = total.add(a.value() == null ? java.math.BigDecimal.ZERO : a.value());
            out.add(new Actual(a.period(), total, a.done(), a.updatedAt(), a.source()));
        }
        return out;
    }

    private String hash(Object inputs) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsString(inputs).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
