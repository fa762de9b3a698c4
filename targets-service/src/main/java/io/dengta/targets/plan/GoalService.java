package io.dengta.targets.plan;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.dengta.commons.etag.ETags;
import io.dengta.commons.journal.Operation;
import io.dengta.commons.journal.WriteJournal;
import io.dengta.commons.problem.FieldError;
import io.dengta.commons.problem.ProblemException;

/** The goals of a plan: a tree, written one goal at a time by code. */
@ApplicationScoped
public class GoalService {

    public static final String RESOURCE_TYPE = "goal";

    private final PlanService plans;
    private final WriteJournal journal;

    public GoalService(PlanService plans, WriteJournal journal) {
        this.plans = plans;
        this.journal = journal;
    }

    public record PutResult(GoalView goal, boolean created, boolean changed) {
    }

    public GoalTree tree(String planCode, PlanAccess access) {
        plans.find(planCode, access);
        List<Goal> goals = Goal.list("planCode", planCode);
        Map<String, List<String>> targets = grouped(Goal.getEntityManager().createQuery(
                "select t.goalCode, t.code from Target t where t.planCode = :plan order by t.code", Object[].class)
                .setParameter("plan", planCode).getResultList());
        Map<String, List<String>> actions = grouped(Goal.getEntityManager().createQuery(
                "select a.goalCode, a.code from PlanAction a where a.planCode = :plan and a.goalCode is not null order by a.code",
                Object[].class).setParameter("plan", planCode).getResultList());
        return GoalTree.of(planCode, goals, targets, actions);
    }

    public GoalView get(String planCode, String code, PlanAccess access) {
        plans.find(planCode, access);
        return GoalView.of(require(planCode, code));
    }

    @Transactional
    public PutResult put(String planCode, String code, GoalInput input, String ifMatch, PlanAccess access) {
        if (input.code() != null && !input.code().equals(code)) {
            throw ProblemException.invalid("/code", "mismatch", "the body's code " + input.code()
                    + " is not the code in the path, " + code);
        }
        Plan plan = plans.findForWrite(planCode, access);
        return upsert(plan, code, input, ifMatch);
    }

    /** Create-or-replace in the caller's transaction, the plan already checked for the caller. */
    public PutResult upsert(Plan plan, String code, GoalInput input, String ifMatch) {
        Goal goal = Goal.findById(new PlanMemberId(plan.code, code));
        boolean created = goal == null;
        if (!created) {
            ETags.requireMatch(ifMatch, goal.version);
        }
        Map<String, String> parents = new HashMap<>();
        for (Goal g : Goal.<Goal>list("planCode", plan.code)) {
            parents.put(g.code, g.parentCode);
        }
        List<FieldError> errors = GoalRules.check(code, input, parents);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        GoalInput normalized = input.normalized(code);
        if (!created && GoalInput.of(goal).equals(normalized)) {
            return new PutResult(GoalView.of(goal), false, false);
        }
        GoalView before = created ? null : GoalView.of(goal);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (created) {
            goal = new Goal();
            goal.planCode = plan.code;
            goal.code = code;
            goal.createdAt = now;
        }
        goal.parentCode = normalized.parent();
        goal.title = normalized.title();
        goal.description = normalized.description();
        goal.responsibleDepartment = normalized.responsibleDepartment();
        goal.position = normalized.position();
        goal.updatedAt = now;
        if (created) {
            goal.persist();
        }
        Goal.getEntityManager().flush();
        GoalView after = GoalView.of(goal);
        journal.record(RESOURCE_TYPE, plan.code + "/" + code, Operation.UPSERT, plan.ownerRegion, null, before, after);
        return new PutResult(after, created, true);
    }

    /** Deletes a goal with nothing under it: no sub-goals, targets or actions (409 otherwise). */
    @Transactional
    public void delete(String planCode, String code, String ifMatch, PlanAccess access) {
        Plan plan = plans.findForWrite(planCode, access);
        Goal goal = require(planCode, code);
        ETags.requireMatch(ifMatch, goal.version);
        long children = Goal.count("planCode = ?1 and parentCode = ?2", planCode, code);
        long targets = Goal.getEntityManager().createQuery(
                "select count(t) from Target t where t.planCode = :plan and t.goalCode = :goal", Long.class)
                .setParameter("plan", planCode).setParameter("goal", code).getSingleResult();
        long actions = PlanAction.count("planCode = ?1 and goalCode = ?2", planCode, code);
        if (children + targets + actions > 0) {
            throw ProblemException.conflict("Goal " + code + " still has " + children + " sub-goal(s), " + targets
                    + " target(s) and " + actions + " action(s); move or delete them first");
        }
        GoalView before = GoalView.of(goal);
        goal.delete();
        journal.record(RESOURCE_TYPE, planCode + "/" + code, Operation.DELETE, plan.ownerRegion, null, before, null);
    }

    private static Goal require(String planCode, String code) {
        Goal goal = Goal.findById(new PlanMemberId(planCode, code));
        if (goal == null) {
            throw ProblemException.notFound("Goal " + code + " of plan " + planCode + " not found");
        }
        return goal;
    }

    private static Map<String, List<String>> grouped(List<Object[]> rows) {
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        for (Object[] row : rows) {
            grouped.computeIfAbsent((String) row[0], k -> new java.util.ArrayList<>()).add((String) row[1]);
        }
        return grouped;
    }
}
