package io.dengta.indicators.observation;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;

import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.security.CallerScope;
import io.dengta.commons.security.Roles;

/**
 * Who may see and change observations. Writes (PUT, DELETE, imports): platform admins, and data feeds
 * for units in their scope (a region covers its sub-regions and their schools; a school claim covers that
 * school). Reads: every role, within its scope; a {@code viewer} sees published ({@code approved}) values
 * only. Out of scope: 404 on reads, 403 on writes, left out of lists.
 */
@RequestScoped
public class ObservationAccess {

    private final CallerScope caller;

    public ObservationAccess(CallerScope caller) {
        this.caller = caller;
    }

    /** How a query must be narrowed for this caller. */
    public record ListScope(boolean unrestricted, List<String> regionPrefixes, List<String> schools,
            boolean approvedOnly) {
    }

    public ListScope listScope() {
        return new ListScope(caller.unrestricted(), caller.regionPrefixes(), List.copyOf(caller.schools()),
                approvedOnly());
    }

    /** A viewer (with no role that reads unpublished data) sees approved observations only. */
    public boolean approvedOnly() {
        return !caller.isPlatformAdmin() && !caller.hasRole(Roles.BUREAU_ANALYST) && !caller.hasRole(Roles.DATA_FEED)
                && !caller.hasRole(Roles.SCHOOL_CLERK);
    }

    public boolean covers(String unit, String region) {
        return ObservationKey.unitTypeOf(unit).equals("school") ? caller.coversSchool(unit, region)
                : caller.coversRegion(region);
    }

    public boolean canRead(StoredObservation o) {
        return covers(o.key().unit(), o.region()) && (!approvedOnly() || o.status().equals("approved"));
    }

    public boolean canWrite(String unit, String region) {
        return caller.isPlatformAdmin() || caller.hasRole(Roles.DATA_FEED) && covers(unit, region);
    }

    /** For a PUT or DELETE: 403 when the unit is outside the caller's scope. */
    public void requireWrite(String unit, String region) {
        if (!canWrite(unit, region)) {
            throw ProblemException.forbidden("Observations of " + unit + " (region " + region
                    + ") are outside your organisation scope");
        }
    }
}
