package io.dengta.schools.school;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;

import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.security.CallerScope;
import io.dengta.commons.security.Roles;

/**
 * Who may see and change registry data of a school (used by every registry feature): platform admins
 * everything; a school clerk only their school(s); a data feed writes within its region; analysts and
 * viewers read within their region. Out of scope: 404 on reads, 403 on writes, filtered lists.
 */
@RequestScoped
public class SchoolAccess {

    private final CallerScope caller;

    public SchoolAccess(CallerScope caller) {
        this.caller = caller;
    }

    /** How a list must be narrowed for this caller. */
    public record ListScope(boolean unrestricted, List<String> regionPrefixes, List<String> schools) {
    }

    public ListScope listScope() {
        return new ListScope(caller.unrestricted(), caller.regionPrefixes(), List.copyOf(caller.schools()));
    }

    public boolean canRead(String schoolCode, String regionCode) {
        return caller.coversSchool(schoolCode, regionCode);
    }

    public void requireRead(String schoolCode, String regionCode, String what) {
        caller.requireVisible(canRead(schoolCode, regionCode), what);
    }

    /** Writes to an existing school's registry data (the school itself, its teachers' assignments, its facts). */
    public void requireWrite(String schoolCode, String regionCode) {
        if (caller.isPlatformAdmin()) {
            return;
        }
        boolean allowed = (caller.hasRole(Roles.DATA_FEED) && caller.coversRegion(regionCode))
                || (caller.hasRole(Roles.SCHOOL_CLERK) && caller.schools().contains(schoolCode));
        if (!allowed) {
            throw ProblemException.forbidden("School " + schoolCode + " is outside your organisation scope");
        }
    }

    /** Creating or deleting a school: platform admins, and data feeds within their region. */
    public void requireRegistryManagement(String regionCode) {
        if (caller.isPlatformAdmin() || (caller.hasRole(Roles.DATA_FEED) && caller.coversRegion(regionCode))) {
            return;
        }
        throw ProblemException.forbidden("Only platform admins and data feeds of region " + regionCode
                + " may create or delete its schools");
    }
}
