package io.dengta.targets.plan;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.dengta.commons.etag.ETags;
import io.dengta.commons.journal.Operation;
import io.dengta.commons.journal.WriteJournal;
import io.dengta.commons.paging.KeysetQuery;
import io.dengta.commons.paging.Page;
import io.dengta.commons.paging.PageRequest;
import io.dengta.commons.paging.SortKey;
import io.dengta.commons.problem.FieldError;
import io.dengta.commons.problem.ProblemException;

/** Actions and projects of a plan, by code, linked to the plan's targets. */
@ApplicationScoped
public class ActionService {

    public static final String RESOURCE_TYPE = "action";
    private static final KeysetQuery<PlanAction> LIST = new KeysetQuery<>("from PlanAction a", Map.of(
            "code", SortKey.text("a.code", a -> a.code)), "code");
    static final List<String> SORTABLE = List.of("code");

    private final PlanService plans;
    private final WriteJournal journal;

    public ActionService(PlanService plans, WriteJournal journal) {
        this.plans = plans;
        this.journal = journal;
    }

    public record PutResult(ActionView action, boolean created, boolean changed) {
    }

    public Page<ActionView> list(String planCode, String kind, String target, PageRequest page, PlanAccess access) {
        plans.find(planCode, access);
        StringBuilder where = new StringBuilder("a.planCode = :plan");
        Map<String, Object> params = new java.util.HashMap<>(Map.of("plan", planCode));
        if (kind != null) {
            where.append(" and a.kind = :kind");
            params.put("kind", kind);
        }
        if (target != null) {
            where.append(" and :target member of a.targetCodes");
            params.put("target", target);
        }
        return LIST.fetch(page, where.toString(), params,
                (jpql, p, max) -> PlanAction.<PlanAction>find(jpql, p).page(0, max).list(),
                (jpql, p) -> PlanAction.count(jpql, p), ActionView::of);
    }

    public ActionView get(String planCode, String code, PlanAccess access) {
        plans.find(planCode, access);
        return ActionView.of(require(planCode, code));
    }

    @Transactional
    public PutResult put(String planCode, String code, ActionInput input, String ifMatch, PlanAccess access) {
        if (input.code() != null && !input.code().equals(code)) {
            throw ProblemException.invalid("/code", "mismatch", "the body's code " + input.code()
                    + " is not the code in the path, " + code);
        }
        return upsert(plans.findForWrite(planCode, access), code, input, ifMatch);
    }

    /** Create-or-replace in the caller's transaction, the plan already checked for the caller. */
    public PutResult upsert(Plan plan, String code, ActionInput input, String ifMatch) {
        PlanAction action = PlanAction.findById(new PlanMemberId(plan.code, code));
        boolean created = action == null;
        if (!created) {
            ETags.requireMatch(ifMatch, action.version);
        }
        var em = PlanAction.getEntityManager();
        List<FieldError> errors = ActionRules.check(input, plan.firstYear, plan.lastYear,
                new HashSet<>(em.createQuery("select g.code from Goal g where g.planCode = :plan", String.class)
                        .setParameter("plan", plan.code).getResultList()),
                new HashSet<>(em.createQuery("select t.code from Target t where t.planCode = :plan", String.class)
                        .setParameter("plan", plan.code).getResultList()));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        ActionInput normalized = input.normalized(code);
        if (!created && ActionInput.of(action).equals(normalized)) {
            return new PutResult(ActionView.of(action), false, false);
        }
        ActionView before = created ? null : ActionView.of(action);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (created) {
            action = new PlanAction();
            action.planCode = plan.code;
            action.code = code;
            action.createdAt = now;
        }
        action.kind = normalized.kind();
        action.title = normalized.title();
        action.description = normalized.description();
        action.goalCode = normalized.goal();
        action.responsibleDepartment = normalized.responsibleDepartment();
        action.constructionProject = normalized.constructionProject();
        action.firstYear = normalized.firstYear();
        action.lastYear = normalized.lastYear();
        action.targetCodes.clear();
        action.targetCodes.addAll(normalized.targets());
        action.updatedAt = now;
        if (created) {
            action.persist();
        }
        em.flush();
        ActionView after = ActionView.of(action);
        journal.record(RESOURCE_TYPE, plan.code + "/" + code, Operation.UPSERT, plan.ownerRegion, null, before, after);
        return new PutResult(after, created, true);
    }

    @Transactional
    public void delete(String planCode, String code, String ifMatch, PlanAccess access) {
        Plan plan = plans.findForWrite(planCode, access);
        PlanAction action = require(planCode, code);
        ETags.requireMatch(ifMatch, action.version);
        ActionView before = ActionView.of(action);
        action.delete();
        journal.record(RESOURCE_TYPE, planCode + "/" + code, Operation.DELETE, plan.ownerRegion, null, before, null);
    }

    private static PlanAction require(String planCode, String code) {
        PlanAction action = PlanAction.findById(new PlanMemberId(planCode, code));
        if (action == null) {
            throw ProblemException.notFound("Action " + code + " of plan " + planCode + " not found");
        }
        return action;
    }
}
