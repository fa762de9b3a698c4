package io.dengta.targets.plan;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;

import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.security.CallerScope;
import io.dengta.commons.security.Roles;

/**
 * Who may see and change plans, their goals, targets, actions and progress reports: platform admins
 * everything; a bureau analyst manages the plans owned by their region or its sub-regions; viewers (and
 * every other role) read within their region; a school clerk also reads the targets about their school
 * and reports progress on them. Out of scope: 404 on reads, 403 on writes, filtered lists.
 */
@RequestScoped
public class PlanAccess {

    private final CallerScope caller;

    public PlanAccess(CallerScope caller) {
        this.caller = caller;
    }

    /** How a list must be narrowed for this caller: owner regions by prefix, and target units (clerks' schools). */
    public record ListScope(boolean unrestricted, List<String> regionPrefixes, List<String> schools) {
    }

    public ListScope listScope() {
        return new ListScope(caller.unrestricted(), caller.regionPrefixes(), List.copyOf(caller.schools()));
    }

    public String subject() {
        return caller.subject();
    }

    public boolean canReadPlan(String ownerRegion) {
        return caller.coversRegion(ownerRegion);
    }

    /** A target is visible with its plan, and to the clerks of the school it is about. */
    public boolean canReadTarget(String ownerRegion, String unitCode) {
        return canReadPlan(ownerRegion) || caller.schools().contains(unitCode);
    }

    public void requireReadPlan(String ownerRegion, String what) {
        caller.requireVisible(canReadPlan(ownerRegion), what);
    }

    public void requireReadTarget(String ownerRegion, String unitCode, String what) {
        caller.requireVisible(canReadTarget(ownerRegion, unitCode), what);
    }

    public boolean canManage(String ownerRegion) {
        return caller.isPlatformAdmin() || (caller.hasRole(Roles.BUREAU_ANALYST) && caller.coversRegion(ownerRegion));
    }

    /** Creating, changing or deleting a plan of {@code ownerRegion} or anything in it. */
    public void requireManage(String ownerRegion) {
        if (!canManage(ownerRegion)) {
            throw ProblemException.forbidden("Only platform admins and bureau analysts of region " + ownerRegion
                    + " may change its plans");
        }
    }

    /** Submitting a progress report: the plan's managers, and the clerks of the school the target is about. */
    public void requireReport(String ownerRegion, String unitCode) {
        if (canManage(ownerRegion) || (caller.hasRole(Roles.SCHOOL_CLERK) && caller.schools().contains(unitCode))) {
            return;
        }
        throw ProblemException.forbidden("Only the plan's analysts and the clerks of school " + unitCode
                + " may report progress on this target");
    }

    /** Accepting or returning a progress report: the analysts of the plan's region. */
    public void requireReview(String ownerRegion) {
        if (!canManage(ownerRegion)) {
            throw ProblemException.forbidden("Only platform admins and bureau analysts of region " + ownerRegion
                    + " may accept or return its progress reports");
        }
    }
}
