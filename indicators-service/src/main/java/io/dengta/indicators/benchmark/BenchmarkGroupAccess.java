package io.dengta.indicators.benchmark;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;

import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.security.CallerScope;
import io.dengta.commons.security.Roles;

/**
 * Who may see and manage benchmark groups. A group belongs to its owner region: every caller whose region scope
 * covers the owner (the owner itself or a parent region) reads it; bureau analysts of such a scope manage it;
 * platform admins everything. Out of scope: 404 on reads, 403 on writes, left out of lists.
 */
@RequestScoped
public class BenchmarkGroupAccess {

    private final CallerScope caller;

    public BenchmarkGroupAccess(CallerScope caller) {
        this.caller = caller;
    }

    public record ListScope(boolean unrestricted, List<String> regionPrefixes) {
    }

    public ListScope listScope() {
        return new ListScope(caller.unrestricted(), caller.regionPrefixes());
    }

    public boolean canRead(String owner) {
        return caller.coversRegion(owner);
    }

    public void requireRead(BenchmarkGroup group) {
        caller.requireVisible(canRead(group.ownerRegion), "Benchmark group " + group.id);
    }

    public void requireManage(String owner) {
        if (caller.isPlatformAdmin() || caller.hasRole(Roles.BUREAU_ANALYST) && caller.coversRegion(owner)) {
            return;
        }
        throw ProblemException.forbidden("Only platform admins and bureau analysts of region " + owner
                + " may manage its benchmark groups");
    }
}
