package io.dengta.targets.progress;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;

import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.security.CallerScope;
import io.dengta.commons.security.Roles;

/**
 * Progress is read with the plan it belongs to (the plan feature's rules): within the caller's region, or by the
 * clerks of the school a target is about; out of scope is 404. Recomputing is for platform admins and the analysts of
 * the plans' region (403 otherwise).
 */
@RequestScoped
public class ProgressAccess {

    private final CallerScope caller;

    public ProgressAccess(CallerScope caller) {
        this.caller = caller;
    }

    public void requireReadPlan(String ownerRegion, String what) {
        caller.requireVisible(caller.coversRegion(ownerRegion), what);
    }

    public void requireReadTarget(TargetDefinition t, String what) {
        caller.requireVisible(caller.coversRegion(t.ownerRegion()) || caller.schools().contains(t.unit()), what);
    }

    /** Region prefixes a list is narrowed to; null when the caller sees everything. */
    public List<String> listPrefixes() {
        return caller.unrestricted() ? null : caller.regionPrefixes();
    }

    public void requireRecompute(String ownerRegion) {
        boolean allowed = caller.isPlatformAdmin()
                || (caller.hasRole(Roles.BUREAU_ANALYST) && (ownerRegion == null || caller.coversRegion(ownerRegion)));
        if (!allowed) {
            throw ProblemException.forbidden(ownerRegion == null ? "Only platform admins and bureau analysts recompute progress"
                    : "Only platform admins and bureau analysts of region " + ownerRegion + " recompute its progress");
        }
    }
}
