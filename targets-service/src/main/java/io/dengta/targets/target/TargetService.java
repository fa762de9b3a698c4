package io.dengta.targets.target;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.dengta.commons.paging.KeysetQuery;
import io.dengta.commons.paging.Page;
import io.dengta.commons.paging.PageRequest;
import io.dengta.commons.paging.SortKey;
import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.security.RegionCodes;
import io.dengta.targets.plan.Plan;
import io.dengta.targets.plan.PlanAccess;

/** Targets: reads in the caller's scope, and writes that check the indicator with indicators-service first. */
@ApplicationScoped
public class TargetService {

    private static final KeysetQuery<Target> LIST = new KeysetQuery<>("from Target t", Map.of(
            "id", SortKey.integer("t.id", t -> t.id),
            "code", SortKey.text("t.code", t -> t.code),
            "updatedAt", SortKey.instant("t.updatedAt", t -> t.updatedAt)), "id");
    static final List<String> SORTABLE = List.of("id", "code", "updatedAt");

    private final TargetWriter writer;
    private final IndicatorDirectory indicators;
    private final SchoolDirectory schools;

    public TargetService(TargetWriter writer, IndicatorDirectory indicators, SchoolDirectory schools) {
        this.writer = writer;
        this.indicators = indicators;
        this.schools = schools;
    }

    /**
     * Filters of the target list; null means "any". {@code region} matches the unit's region (a school's region
     * for school units) including sub-regions.
     */
    public record Filter(String plan, String goal, String region, String unit, String kind, String indicator,
            String verification, String actualSource) {
    }

    public Page<TargetView> list(Filter filter, PageRequest page, PlanAccess.ListScope scope) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        equal(where, params, "t.planCode", "plan", filter.plan());
        equal(where, params, "t.goalCode", "goal", filter.goal());
        equal(where, params, "t.unitCode", "unit", filter.unit());
        equal(where, params, "t.kind", "kind", filter.kind());
        equal(where, params, "t.indicatorCode", "indicator", filter.indicator());
        equal(where, params, "t.verification", "verification", filter.verification());
        equal(where, params, "t.actualSource", "actualSource", filter.actualSource());
        if (filter.region() != null) {
            where.append(" and coalesce(t.schoolRegion, t.unitCode) like :region");
            params.put("region", RegionCodes.coveragePrefix(filter.region()) + "%");
        }
        if (!scope.unrestricted()) {
            List<String> alternatives = new ArrayList<>();
            for (int i = 0; i < scope.regionPrefixes().size(); i++) {
                alternatives.add("p.ownerRegion like :scope" + i);
                params.put("scope" + i, scope.regionPrefixes().get(i) + "%");
            }
            String visiblePlans = alternatives.isEmpty() ? "1 = 0"
                    : "t.planCode in (select p.code from Plan p where " + String.join(" or ", alternatives) + ")";
            if (!scope.schools().isEmpty()) {
                params.put("scopeSchools", scope.schools());
                where.append(" and (").append(visiblePlans).append(" or t.unitCode in :scopeSchools)");
            } else {
                where.append(" and ").append(visiblePlans);
            }
        }
        return LIST.fetch(page, where.toString(), params,
                (jpql, p, max) -> Target.<Target>find(jpql, p).page(0, max).list(), (jpql, p) -> Target.count(jpql, p),
                TargetView::of);
    }

    /** The target if it exists and the caller may see it; otherwise 404. */
    public Target find(long id, PlanAccess access) {
        Target target = Target.findById(id);
        if (target == null) {
            throw ProblemException.notFound("Target " + id + " not found");
        }
        Plan plan = Plan.findById(target.planCode);
        access.requireReadTarget(plan.ownerRegion, target.unitCode, "Target " + id);
        return target;
    }

    public TargetView get(long id, PlanAccess access) {
        return TargetView.of(find(id, access));
    }

    public TargetView getByCode(String planCode, String code, PlanAccess access) {
        Plan plan = Plan.findById(planCode);
        Target target = plan == null ? null : Target.find("planCode = ?1 and code = ?2", planCode, code).firstResult();
        if (target == null || !access.canReadTarget(plan.ownerRegion, target.unitCode)) {
            throw ProblemException.notFound("Target " + code + " of plan " + planCode + " not found");
        }
        return TargetView.of(target);
    }

    /**
     * Create-or-replace by plan and code. The indicator is checked with indicators-service before the write's
     * transaction; when the service cannot answer the target is written as {@code unverified}.
     *
     * @param authorization the caller's Authorization header, passed on to indicators-service
     */
    public TargetWriter.Result put(String planCode, String code, TargetInput input, String ifMatch,
            String authorization, PlanAccess access) {
        if (input.code() != null && !input.code().equals(code)) {
            throw ProblemException.invalid("/code", "mismatch", "the body's code " + input.code()
                    + " is not the code in the path, " + code);
        }
        Plan plan = Plan.findById(planCode);
        if (plan == null) {
            throw ProblemException.notFound("Plan " + planCode + " not found");
        }
        // the scope is checked before indicators-service is asked anything on the caller's behalf
        access.requireManage(plan.ownerRegion);
        return writer.put(planCode, code, input, ifMatch, checkFor(planCode, code, input.indicator(), authorization),
                schoolCheckFor(planCode, code, input.unit(), authorization), access);
    }

    /**
     * What schools-service says about a school unit (its region is confirmed there, not read from the code), or null
     * when it need not be asked: a region unit, or the stored target has the same school and is verified.
     */
    public SchoolCheck schoolCheckFor(String planCode, String code, String unit, String authorization) {
        if (unit == null || unit.length() != 10) {
            return null;
        }
        Target stored = Target.find("planCode = ?1 and code = ?2", planCode, code).firstResult();
        if (stored != null && unit.equals(stored.unitCode) && Target.VERIFIED.equals(stored.verification)) {
            return null;
        }
        return schools.check(authorization, unit);
    }

    /** What indicators-service says about the indicator, or null when it need not be asked. */
    public IndicatorCheck checkFor(String planCode, String code, String indicator, String authorization) {
        if (indicator == null) {
            return null;
        }
        Target stored = Target.find("planCode = ?1 and code = ?2", planCode, code).firstResult();
        if (stored != null && indicator.equals(stored.indicatorCode) && Target.VERIFIED.equals(stored.verification)) {
            return null;
        }
        return indicators.check(authorization, indicator);
    }

    public void delete(long id, String ifMatch, PlanAccess access) {
        writer.delete(id, ifMatch, access);
    }

    private static void equal(StringBuilder where, Map<String, Object> params, String path, String name, String value) {
        if (value != null) {
            where.append(" and ").append(path).append(" = :").append(name);
            params.put(name, value);
        }
    }
}
