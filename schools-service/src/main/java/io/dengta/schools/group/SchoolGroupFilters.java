package io.dengta.schools.group;

/**
 * Query fragments other features use to filter by group membership, so they need not know this feature's
 * tables.
 */
public final class SchoolGroupFilters {

    /**
     * An HQL predicate true when the school at path {@code s.code} is a member of group {@code :group} on day
     * {@code :groupActiveOn} (both ends of a membership included), e.g. for {@code GET /schools?group=}.
     */
    public static final String SCHOOL_ACTIVE_IN_GROUP = "exists (select 1 from SchoolGroupMember gm"
            + " where gm.schoolCode = s.code and gm.groupCode = :group"
            + " and gm.joinedOn <= :groupActiveOn and (gm.leftOn is null or gm.leftOn >= :groupActiveOn))";

    private SchoolGroupFilters() {
    }
}
