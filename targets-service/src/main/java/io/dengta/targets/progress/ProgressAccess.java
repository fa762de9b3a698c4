package io.dengta.targets.progress;

import jakarta.enterprise.context.RequestScoped;

import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.security.CallerScope;
import io.dengta.commons.security.Roles;
import io.dengta.targets.plan.PlanAccess;

/**
 * Progress is read and recomputed with the plan's rules ({@link PlanAccess}): read within the caller's region, or by
 * the clerks of the school a target is about (404 otherwise); recomputed by platform admins and the analysts of the
 * plans' region (403 otherwise).
 */
@RequestScoped
public class ProgressAccess {

    private final PlanAccess plans;
    private final CallerScope caller;

    public ProgressAccess(PlanAccess plans, CallerScope caller) {
        this.plans = plans;
        this.caller = caller;
    }

    public void requireReadPlan(String ownerRegion, String what) {
        plans.requireReadPlan(ownerRegion, what);
    }

    public void requireReadTarget(TargetDefinition t, String what) {
        plans.requireReadTarget(t.ownerRegion(), t.unit(), what);
    }

    public PlanAccess.ListScope listScope() {
        return plans.listScope();
    }

    /** {@code ownerRegion} null: every plan in the caller's scope. */
    public void requireRecompute(String ownerRegion) {
        if (ownerRegion != null) {
            plans.requireManage(ownerRegion);
        } else if (!caller.isPlatformAdmin() && !caller.hasRole(Roles.BUREAU_ANALYST)) {
            throw ProblemException.forbidden("Only platform admins and bureau analysts recompute progress");
        }
    }
}
