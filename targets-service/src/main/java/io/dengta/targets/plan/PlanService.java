package io.dengta.targets.plan;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
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
import io.dengta.commons.security.RegionCodes;
import io.dengta.targets.period.Period;
import io.dengta.targets.target.Target;

/** Plans by code: create-or-replace, scoped reads and lists, deletes (with everything in the plan). */
@ApplicationScoped
public class PlanService {

    public static final String RESOURCE_TYPE = "plan";
    private static final KeysetQuery<Plan> LIST = new KeysetQuery<>("from Plan p", Map.of(
            "code", SortKey.text("p.code", p -> p.code),
            "updatedAt", SortKey.instant("p.updatedAt", p -> p.updatedAt)), "code");
    static final List<String> SORTABLE = List.of("code", "updatedAt");

    private final WriteJournal journal;

    public PlanService(WriteJournal journal) {
        this.journal = journal;
    }

    /** Filters of the plan list; null means "any". {@code region} includes its sub-regions. */
    public record Filter(String region, String status, String kind, String source, OffsetDateTime updatedSince) {
    }

    public record PutResult(PlanView plan, boolean created, boolean changed) {
    }

    public Page<PlanView> list(Filter filter, PageRequest page, PlanAccess.ListScope scope) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.region() != null) {
            where.append(" and p.ownerRegion like :region");
            params.put("region", RegionCodes.coveragePrefix(filter.region()) + "%");
        }
        if (filter.status() != null) {
            where.append(" and p.status = :status");
            params.put("status", filter.status());
        }
        if (filter.kind() != null) {
            where.append(" and p.kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.source() != null) {
            where.append(" and p.source = :source");
            params.put("source", filter.source());
        }
        if (filter.updatedSince() != null) {
            where.append(" and p.updatedAt >= :updatedSince");
            params.put("updatedSince", filter.updatedSince());
        }
        if (!scope.unrestricted()) {
            List<String> alternatives = new ArrayList<>();
            for (int i = 0; i < scope.regionPrefixes().size(); i++) {
                alternatives.add("p.ownerRegion like :scope" + i);
                params.put("scope" + i, scope.regionPrefixes().get(i) + "%");
            }
            where.append(alternatives.isEmpty() ? " and 1 = 0" : " and (" + String.join(" or ", alternatives) + ")");
        }
        return LIST.fetch(page, where.toString(), params,
                (jpql, p, max) -> Plan.<Plan>find(jpql, p).page(0, max).list(), (jpql, p) -> Plan.count(jpql, p),
                PlanView::of);
    }

    /** The plan if it exists and the caller may see it; otherwise 404. */
    public Plan find(String code, PlanAccess access) {
        Plan plan = Plan.findById(code);
        if (plan == null) {
            throw ProblemException.notFound("Plan " + code + " not found");
        }
        access.requireReadPlan(plan.ownerRegion, "Plan " + code);
        return plan;
    }

    /** The plan for a write in it: 404 if it does not exist, 403 if the caller may not manage it. */
    public Plan findForWrite(String code, PlanAccess access) {
        Plan plan = Plan.findById(code);
        if (plan == null) {
            throw ProblemException.notFound("Plan " + code + " not found");
        }
        access.requireManage(plan.ownerRegion);
        return plan;
    }

    public PlanView get(String code, PlanAccess access) {
        return PlanView.of(find(code, access));
    }

    @Transactional
    public PutResult put(String code, PlanInput input, String ifMatch, PlanAccess access) {
        if (input.code() != null && !input.code().equals(code)) {
            throw ProblemException.invalid("/code", "mismatch", "the body's code " + input.code()
                    + " is not the code in the path, " + code);
        }
        return upsert(code, input, ifMatch, access);
    }

    /** Create-or-replace in the caller's transaction; an identical replacement changes nothing. */
    public PutResult upsert(String code, PlanInput input, String ifMatch, PlanAccess access) {
        Plan plan = Plan.findById(code);
        boolean created = plan == null;
        access.requireManage(input.ownerRegion());
        if (!created) {
            // out of scope is 403 for writes, whether or not the caller could see the plan
            access.requireManage(plan.ownerRegion);
            ETags.requireMatch(ifMatch, plan.version);
        }
        List<FieldError> errors = PlanRules.check(input, created ? null : deadlineYears(code));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (!created && PlanInput.of(plan).equals(input.withCode(code))) {
            return new PutResult(PlanView.of(plan), false, false);
        }
        PlanView before = created ? null : PlanView.of(plan);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (created) {
            plan = new Plan();
            plan.code = code;
            plan.createdAt = now;
        }
        plan.title = input.title();
        plan.kind = input.kind();
        plan.ownerRegion = input.ownerRegion();
        plan.firstYear = input.firstYear();
        plan.lastYear = input.lastYear();
        plan.status = input.status();
        plan.sourceDocument = input.sourceDocument();
        plan.description = input.description();
        plan.source = input.source();
        plan.updatedAt = now;
        if (created) {
            plan.persist();
        }
        Plan.getEntityManager().flush();
        PlanView after = PlanView.of(plan);
        journal.record(RESOURCE_TYPE, code, Operation.UPSERT, plan.ownerRegion, null, before, after);
        return new PutResult(after, created, true);
    }

    /** Deletes the plan with its goals, targets, actions and progress reports (for plans created by mistake). */
    @Transactional
    public void delete(String code, String ifMatch, PlanAccess access) {
        Plan plan = Plan.findById(code);
        if (plan == null) {
            throw ProblemException.notFound("Plan " + code + " not found");
        }
        access.requireManage(plan.ownerRegion);
        ETags.requireMatch(ifMatch, plan.version);
        PlanView before = PlanView.of(plan);
        for (Target target : Target.<Target>list("planCode", code)) {
            journal.record(Target.RESOURCE_TYPE, String.valueOf(target.id), Operation.DELETE, plan.ownerRegion,
                    target.isSchoolUnit() ? target.unitCode : null,
                    Map.of("id", target.id, "plan", code, "code", target.code), null);
        }
        // the schema cascades from the plan to its goals, targets, milestones, actions and reports
        Plan.getEntityManager().createNativeQuery("delete from plan where code = :code").setParameter("code", code)
                .executeUpdate();
        journal.record(RESOURCE_TYPE, code, Operation.DELETE, before.ownerRegion(), null, before, null);
    }

    /** The first and last year of the deadlines of the plan's targets, or null when it has none. */
    private static int[] deadlineYears(String planCode) {
        List<String> deadlines = Plan.getEntityManager()
                .createQuery("select distinct t.deadlinePeriod from Target t where t.planCode = :plan", String.class)
                .setParameter("plan", planCode).getResultList();
        if (deadlines.isEmpty()) {
            return null;
        }
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (String deadline : deadlines) {
            int year = Period.parse(deadline).startDate().getYear();
            first = Math.min(first, year);
            last = Math.max(last, year);
        }
        return new int[] { first, last };
    }
}
