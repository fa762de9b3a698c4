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

    public ProgressService(TargetDefinitions targets, ProgressEngine engine, ProgressStore store,
            @ConfigProperty(name = "dengta.sources.service-token") Optional<String> serviceToken) {
        this.targets = targets;
        this.engine = engine;
        this.store = store;
        this.serviceToken = serviceToken;
    }

    public PlanProgressView plan(PlanRow plan, LocalDate asOf, String authorization) {
        List<ProgressView> all = targets.ofPlan(plan.code()).stream().map(t -> engine.progress(t, asOf, authorization)).toList();
        Map<String, List<ProgressView>> byGoal = new HashMap<>();
        all.forEach(p -> byGoal.computeIfAbsent(p.goal(), k -> new ArrayList<>()).add(p));
        List<GoalRow> goals = targets.goals(plan.code());
        Map<String, List<GoalRow>> children = new HashMap<>();
        goals.forEach(g -> children.computeIfAbsent(g.parentCode() == null ? "" : g.parentCode(), k -> new ArrayList<>()).add(g));
        List<GoalProgress> roots = children.getOrDefault("", List.of()).stream().map(g -> goal(g, children, byGoal)).toList();
        Rollup total = roots.stream().map(GoalProgress::rollup).reduce(Rollup.empty(), Rollup::plus);
        return new PlanProgressView(plan.code(), plan.title(), plan.ownerRegion(), asOf, total,
                all.stream().anyMatch(ProgressView::stale), roots);
    }

    private static GoalProgress goal(GoalRow g, Map<String, List<GoalRow>> children, Map<String, List<ProgressView>> byGoal) {
        List<ProgressView> own = byGoal.getOrDefault(g.code(), List.of());
        List<GoalProgress> subs = children.getOrDefault(g.code(), List.of()).stream().map(c -> goal(c, children, byGoal)).toList();
        Rollup rollup = subs.stream().map(GoalProgress::rollup)
                .reduce(Rollup.of(own.stream().map(ProgressView::status).toList()), Rollup::plus);
        return new GoalProgress(g.code(), g.title(), rollup, own, subs);
    }

    /**
     * Recomputes the targets as of today and stores what changed: a second call with the same inputs writes nothing.
     * Reads with the service token when one is configured (the stored progress must not depend on who asked), else
     * with the caller's.
     */
    public RecomputeView recompute(List<TargetDefinition> defs, String callerAuthorization) {
        String authorization = serviceToken.map(t -> "Bearer " + t).orElse(callerAuthorization);
        LocalDate asOf = ProgressEngine.today();
        int updated = 0;
        int changes = 0;
        int unavailable = 0;
        List<String> reasons = new ArrayList<>();
        for (TargetDefinition t : defs) {
            try {
                ProgressEngine.Evaluation e = engine.evaluate(t, asOf, authorization);
                ProgressStore.Outcome outcome = store.save(e.view(), e.inputsHash(), e.inputs());
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
