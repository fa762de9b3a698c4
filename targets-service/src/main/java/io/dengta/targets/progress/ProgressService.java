package io.dengta.targets.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.dengta.targets.progress.PlanProgressView.GoalProgress;
import io.dengta.targets.progress.TargetDefinitions.GoalRow;
import io.dengta.targets.progress.TargetDefinitions.PlanRow;
import io.dengta.targets.source.SourceUnavailableException;

/** Progress of targets and plans, recomputation, and the dashboards' list. */
@ApplicationScoped
public class ProgressService {

    private static final Logger LOG = Logger.getLogger(ProgressService.class);

    /** What a recomputation did. */
    public record RecomputeView(int targets, int updated, int statusChanges, int unavailable, List<String> reasons) {
    }

    private final TargetDefinitions targets;
    private final ProgressEngine engine;
    private final ProgressStore store;
    private final Optional<String> serviceToken;
    private final ProgressMeters meters;
    private final ObjectMapper json;
    /** Built trees by entity tag: a tag names the stored inputs, so a hit is the same answer. */
    private final Cache<String, byte[]> answers = Caffeine.newBuilder().maximumWeight(64L << 20)
            .weigher((String k, byte[] v) -> v.length).build();

    public ProgressService(TargetDefinitions targets, ProgressEngine engine, ProgressStore store,
            @ConfigProperty(name = "dengta.sources.service-token") Optional<String> serviceToken, ProgressMeters meters,
            ObjectMapper json) {
        this.targets = targets;
        this.engine = engine;
        this.store = store;
        this.serviceToken = serviceToken;
        this.meters = meters;
        this.json = json;
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hash(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How much of each target a plan's tree carries. */
    public enum PlanDetail {
        /** the roll-ups only, no targets */
        SUMMARY,
        /** each target's progress without the chart's points (the default) */
        TARGETS,
        /** each target's progress with {@code trajectory} and {@code actuals} */
        POINTS
    }

    /**
     * A plan's tree as JSON and its entity tag (the same tag means the same answer). Kept serialised: a tree of 200
     * targets is ~200 KB, and writing it again for every read of an unchanged plan was most of a read's cost.
     */
    public record PlanAnswer(String etag, byte[] json) {
    }

    /**
     * A plan's tree. As of today it is served from the progress stored at recomputation: only targets whose stored
     * progress is missing, from an earlier day, older than the target's definition (or its progress reports) or
     * stale are computed, and stored, first. Another day is computed live.
     */
    public PlanAnswer plan(PlanRow plan, LocalDate asOf, PlanDetail detail, String authorization) {
        if (!asOf.equals(ProgressEngine.today())) {
            List<ProgressView> all = targets.ofPlan(plan.code()).stream()
                    .map(t -> live(t, asOf, authorization)).toList();
            byte[] body = bytes(tree(plan, asOf, detail, targets.goals(plan.code()), all));
            return new PlanAnswer(hash(new String(body, java.nio.charset.StandardCharsets.UTF_8)), body);
        }
        List<ProgressStore.StoredState> states = store.planState(plan.code());
        List<Long> missing = states.stream().filter(s -> !s.servable(asOf)).map(ProgressStore.StoredState::targetId).toList();
        if (!missing.isEmpty()) {
            String reader = serviceToken.map(t -> "Bearer " + t).orElse(authorization);
            for (TargetDefinition t : targets.byIds(missing)) {
                try {
                    refresh(t, asOf, reader, "read");
                } catch (SourceUnavailableException | FaultToleranceException e) {
                    LOG.debugf("target %d served stale: %s", t.id(), ProgressEngine.reason(e));
                }
            }
            states = store.planState(plan.code());
        }
        List<GoalRow> goals = targets.goals(plan.code());
        StringBuilder fingerprint = new StringBuilder().append(plan).append('|').append(asOf).append('|').append(detail);
        goals.forEach(g -> fingerprint.append('|').append(g));
        states.forEach(s -> fingerprint.append('|').append(s.targetId()).append(':').append(s.inputsHash()).append(':')
                .append(s.computedAt()).append(':').append(s.staleReason()));
        String etag = hash(fingerprint.toString());
        byte[] cached = answers.getIfPresent(etag);
        if (cached != null) {
            return new PlanAnswer(etag, cached);
        }
        Map<Long, ProgressView> stored = store.views(states.stream().map(ProgressStore.StoredState::targetId).toList());
        List<ProgressView> all = new ArrayList<>();
        for (ProgressStore.StoredState s : states) {
            ProgressView v = stored.get(s.targetId());
            if (v != null) {
                all.add(s.staleReason() == null || v.stale() ? v : v.asStale(s.staleReason()));
            }
        }
        byte[] body = bytes(tree(plan, asOf, detail, goals, all));
        answers.put(etag, body);
        return new PlanAnswer(etag, body);
    }

    /** Computes a target live (timed), or its last known progress marked stale. */
    ProgressView live(TargetDefinition t, LocalDate asOf, String authorization) {
        try {
            return meters.timeComputation("read", () -> engine.evaluate(t, asOf, authorization)).view();
        } catch (SourceUnavailableException | FaultToleranceException e) {
            return engine.stale(t, asOf, ProgressEngine.reason(e));
        }
    }

    /** Computes and stores one target; when its source cannot answer, marks the stored progress stale. */
    private ProgressStore.Outcome refresh(TargetDefinition t, LocalDate asOf, String authorization, String trigger) {
        try {
            ProgressEngine.Evaluation e = meters.timeComputation(trigger, () -> engine.evaluate(t, asOf, authorization));
            ProgressStore.Outcome outcome = store.save(e.view(), e.inputsHash(), e.inputs());
            meters.recomputed(trigger, outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            return outcome;
        } catch (SourceUnavailableException | FaultToleranceException e) {
            String reason = ProgressEngine.reason(e);
            store.markStale(t.id(), reason, ProgressView.unknown(t, asOf, reason));
            meters.recomputed(trigger, "unavailable");
            throw e;
        }
    }

    private static PlanProgressView tree(PlanRow plan, LocalDate asOf, PlanDetail detail, List<GoalRow> goals,
            List<ProgressView> all) {
        Map<String, List<ProgressView>> byGoal = new HashMap<>();
        all.forEach(p -> byGoal.computeIfAbsent(p.goal(), k -> new ArrayList<>())
                .add(detail == PlanDetail.POINTS ? p : p.withoutPoints()));
        Map<String, List<GoalRow>> children = new HashMap<>();
        goals.forEach(g -> children.computeIfAbsent(g.parentCode() == null ? "" : g.parentCode(), k -> new ArrayList<>()).add(g));
        List<GoalProgress> roots = children.getOrDefault("", List.of()).stream()
                .map(g -> goal(g, children, byGoal, detail != PlanDetail.SUMMARY)).toList();
        Rollup total = roots.stream().map(GoalProgress::rollup).reduce(Rollup.empty(), Rollup::plus);
        return new PlanProgressView(plan.code(), plan.title(), plan.ownerRegion(), asOf, total,
                all.stream().anyMatch(ProgressView::stale), roots);
    }

    private static GoalProgress goal(GoalRow g, Map<String, List<GoalRow>> children, Map<String, List<ProgressView>> byGoal,
            boolean withTargets) {
        List<ProgressView> own = byGoal.getOrDefault(g.code(), List.of());
        List<GoalProgress> subs = children.getOrDefault(g.code(), List.of()).stream()
                .map(c -> goal(c, children, byGoal, withTargets)).toList();
        Rollup rollup = subs.stream().map(GoalProgress::rollup)
                .reduce(Rollup.of(own.stream().map(ProgressView::status).toList()), Rollup::plus);
        return new GoalProgress(g.code(), g.title(), rollup, withTargets ? own : null, subs);
    }

    /**
     * Recomputes the targets as of today and stores what changed: a second call with the same inputs writes nothing.
     * Reads with the service token when one is configured (the stored progress must not depend on who asked), else
     * with the caller's.
     */
    public RecomputeView recompute(List<TargetDefinition> defs, String callerAuthorization) {
        return recompute(defs, callerAuthorization, "recompute");
    }

    /** @param trigger recompute (the API) or feed (the change-feed poller), for the meters */
    public RecomputeView recompute(List<TargetDefinition> defs, String callerAuthorization, String trigger) {
        String authorization = serviceToken.map(t -> "Bearer " + t).orElse(callerAuthorization);
        LocalDate asOf = ProgressEngine.today();
        int updated = 0;
        int changes = 0;
        int unavailable = 0;
        List<String> reasons = new ArrayList<>();
        for (TargetDefinition t : defs) {
            try {
                ProgressStore.Outcome outcome = refresh(t, asOf, authorization, trigger);
                if (outcome != ProgressStore.Outcome.UNCHANGED) {
                    updated++;
                }
                if (outcome == ProgressStore.Outcome.STATUS_CHANGED) {
                    changes++;
                }
            } catch (SourceUnavailableException | FaultToleranceException e) {
                unavailable++;
                String reason = ProgressEngine.reason(e);
                if (!reasons.contains(reason)) {
                    reasons.add(reason);
                }
                LOG.debugf("target %d not recomputed: %s", t.id(), reason);
            }
        }
        return new RecomputeView(defs.size(), updated, changes, unavailable, reasons);
    }

    /** Recomputes with the service token only (no caller): the change-feed poller. */
    public Optional<String> serviceAuthorization() {
        return serviceToken.map(t -> "Bearer " + t);
    }
}
