package io.dengta.targets.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.dengta.commons.problem.FieldError;
import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.problem.ProblemType;
import io.dengta.targets.target.IndicatorCheck;
import io.dengta.targets.target.TargetInput;
import io.dengta.targets.target.TargetService;
import io.dengta.targets.target.TargetView;
import io.dengta.targets.target.TargetWriter;

/**
 * Loads a {@link PlanBundle}: indicator codes are checked with indicators-service first (outside the
 * transaction), then the plan, goals (parents first), targets and actions are written in one transaction, so a
 * bundle loads whole or not at all. Every part goes through the same rules, journal and access checks as its own
 * PUT; a rule broken in part i answers with pointers such as {@code /targets/3/deadline}.
 */
@ApplicationScoped
public class PlanBundleService {

    private final PlanService plans;
    private final GoalService goals;
    private final ActionService actions;
    private final TargetService targets;
    private final TargetWriter targetWriter;

    public PlanBundleService(PlanService plans, GoalService goals, ActionService actions, TargetService targets,
            TargetWriter targetWriter) {
        this.plans = plans;
        this.goals = goals;
        this.actions = actions;
        this.targets = targets;
        this.targetWriter = targetWriter;
    }

    public PlanBundleReport load(String planCode, PlanBundle bundle, String authorization, PlanAccess access) {
        if (bundle.plan().code() != null && !bundle.plan().code().equals(planCode)) {
            throw ProblemException.invalid("/plan/code", "mismatch", "the bundle's plan code " + bundle.plan().code()
                    + " is not the code in the path, " + planCode);
        }
        requireCodes(bundle);
        access.requireManage(bundle.plan().ownerRegion());
        Plan existing = Plan.findById(planCode);
        if (existing != null) {
            access.requireManage(existing.ownerRegion);
        }
        Map<String, IndicatorCheck> checks = new HashMap<>();
        Map<String, IndicatorCheck> byIndicator = new HashMap<>();
        Map<String, io.dengta.targets.target.SchoolCheck> schoolChecks = new HashMap<>();
        Map<String, io.dengta.targets.target.SchoolCheck> bySchool = new HashMap<>();
        for (TargetInput target : bundle.targetsOrEmpty()) {
            if (target.unit() != null && target.unit().length() == 10) {
                io.dengta.targets.target.SchoolCheck school = bySchool.containsKey(target.unit()) ? bySchool.get(target.unit())
                        : targets.schoolCheckFor(planCode, target.code(), target.unit(), authorization);
                if (school != null) {
                    bySchool.put(target.unit(), school);
                }
                schoolChecks.put(target.code(), school);
            }
            if (target.indicator() == null) {
                continue;
            }
            IndicatorCheck check = byIndicator.containsKey(target.indicator()) ? byIndicator.get(target.indicator())
                    : targets.checkFor(planCode, target.code(), target.indicator(), authorization);
            if (check != null) {
                byIndicator.put(target.indicator(), check);
            }
            checks.put(target.code(), check);
        }
        return write(planCode, bundle, checks, schoolChecks, access);
    }

    /** The transactional half of {@link #load}: no remote call inside. */
    @Transactional
    public PlanBundleReport write(String planCode, PlanBundle bundle, Map<String, IndicatorCheck> checks, PlanAccess access) {
        return write(planCode, bundle, checks, Map.of(), access);
    }

    /** @param schoolChecks what schools-service said about each school unit, by target code */
    @Transactional
    public PlanBundleReport write(String planCode, PlanBundle bundle, Map<String, IndicatorCheck> checks,
            Map<String, io.dengta.targets.target.SchoolCheck> schoolChecks, PlanAccess access) {
        int[] counts = new int[3];
        List<String> unverified = new ArrayList<>();
        List<PlanBundleReport.TargetWarning> warnings = new ArrayList<>();
        PlanService.PutResult planResult = within("/plan", () -> plans.upsert(planCode, bundle.plan().withCode(planCode),
                null, access));
        count(counts, planResult.created(), planResult.changed());
        Plan plan = Plan.findById(planCode);
        for (Map.Entry<Integer, GoalInput> goal : parentsFirst(bundle.goalsOrEmpty()).entrySet()) {
            GoalService.PutResult result = within("/goals/" + goal.getKey(),
                    () -> goals.upsert(plan, goal.getValue().code(), goal.getValue(), null));
            count(counts, result.created(), result.changed());
        }
        List<TargetInput> targetInputs = bundle.targetsOrEmpty();
        for (int i = 0; i < targetInputs.size(); i++) {
            TargetInput input = targetInputs.get(i);
            TargetWriter.Result result = within("/targets/" + i,
                    () -> targetWriter.upsert(plan, input.code(), input, null, checks.get(input.code()),
                            schoolChecks.get(input.code())));
            count(counts, result.created(), result.changed());
            TargetView view = result.target();
            if ("unverified".equals(view.verification())) {
                unverified.add(view.code());
            }
            for (FieldError warning : view.warnings()) {
                warnings.add(new PlanBundleReport.TargetWarning(view.code(), warning.pointer(), warning.code(),
                        warning.message()));
            }
        }
        List<ActionInput> actionInputs = bundle.actionsOrEmpty();
        for (int i = 0; i < actionInputs.size(); i++) {
            ActionInput input = actionInputs.get(i);
            ActionService.PutResult result = within("/actions/" + i, () -> actions.upsert(plan, input.code(), input, null));
            count(counts, result.created(), result.changed());
        }
        return new PlanBundleReport(planCode, counts[0], counts[1], counts[2], unverified, warnings);
    }

    private static void requireCodes(PlanBundle bundle) {
        List<FieldError> errors = new ArrayList<>();
        codes("/goals/", bundle.goalsOrEmpty().stream().map(GoalInput::code).toList(), errors);
        codes("/targets/", bundle.targetsOrEmpty().stream().map(TargetInput::code).toList(), errors);
        codes("/actions/", bundle.actionsOrEmpty().stream().map(ActionInput::code).toList(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void codes(String prefix, List<String> codes, List<FieldError> errors) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            if (codes.get(i) == null) {
                errors.add(new FieldError(prefix + i + "/code", "required", "each part of a bundle needs its code"));
            } else if (!seen.add(codes.get(i))) {
                errors.add(new FieldError(prefix + i + "/code", "duplicate", codes.get(i) + " appears twice"));
            }
        }
    }

    /** The goals with their bundle index, each after its parent when the parent is in the bundle too. */
    static Map<Integer, GoalInput> parentsFirst(List<GoalInput> goals) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < goals.size(); i++) {
            index.put(goals.get(i).code(), i);
        }
        Map<Integer, GoalInput> ordered = new LinkedHashMap<>();
        for (int i = 0; i < goals.size(); i++) {
            add(i, goals, index, ordered, new HashSet<>());
        }
        return ordered;
    }

    private static void add(int i, List<GoalInput> goals, Map<String, Integer> index, Map<Integer, GoalInput> ordered,
            Set<Integer> visiting) {
        if (ordered.containsKey(i) || !visiting.add(i)) {
            return; // already placed, or a cycle (GoalRules reports it)
        }
        Integer parent = goals.get(i).parent() == null ? null : index.get(goals.get(i).parent());
        if (parent != null) {
            add(parent, goals, index, ordered, visiting);
        }
        ordered.put(i, goals.get(i));
    }

    /** Runs one part's write; its field errors answer with the part's pointer in front. */
    private static <T> T within(String pointer, java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (ProblemException e) {
            if (e.type() != ProblemType.VALIDATION || e.errors().isEmpty()) {
                throw e;
            }
            List<FieldError> errors = e.errors().stream()
                    .map(f -> new FieldError(pointer + (f.pointer().startsWith("/") ? f.pointer() : "/" + f.pointer()),
                            f.code(), f.message()))
                    .toList();
            throw new ProblemException(e.type(), e.getMessage(), errors, e.headers());
        }
    }

    private static void count(int[] counts, boolean created, boolean changed) {
        counts[created ? 0 : changed ? 1 : 2]++;
    }
}
