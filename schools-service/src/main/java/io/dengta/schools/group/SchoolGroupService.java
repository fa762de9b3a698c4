package io.dengta.schools.group;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
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
import io.dengta.commons.problem.ProblemType;
import io.dengta.commons.security.RegionCodes;
import io.dengta.schools.region.Region;
import io.dengta.schools.school.School;
import io.dengta.schools.school.SchoolAccess;

/**
 * School groups and alliances: create-or-replace by code with their memberships, managed by the owner region's
 * data feeds; visible to callers who see the owner region or any member school (a school clerk sees the groups
 * of their school).
 */
@ApplicationScoped
public class SchoolGroupService {

    public static final String RESOURCE_TYPE = "school-group";
    static final List<String> SORTABLE = List.of("code", "name", "updatedAt");
    private static final KeysetQuery<SchoolGroup> LIST = new KeysetQuery<>("from SchoolGroup g", Map.of(
            "code", SortKey.text("g.code", x -> x.code),
            "name", SortKey.text("g.name", x -> x.name),
            "updatedAt", SortKey.instant("g.updatedAt", x -> x.updatedAt)), "code");

    private final WriteJournal journal;

    public SchoolGroupService(WriteJournal journal) {
        this.journal = journal;
    }

    /**
     * Filters of the group list; null means "any". {@code region} is the owner region with its sub-regions;
     * {@code school} a member school (in any period, or on {@code activeOn} when given); {@code activeOn} keeps
     * groups founded by then with a membership that includes that day.
     */
    public record Filter(String region, String kind, String school, LocalDate activeOn, OffsetDateTime updatedSince) {
    }

    public record PutResult(SchoolGroupView group, boolean created) {
    }

    public Page<SchoolGroupView> list(Filter filter, PageRequest page, SchoolAccess.ListScope scope) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.region() != null) {
            where.append(" and g.regionCode like :region");
            params.put("region", RegionCodes.coveragePrefix(filter.region()) + "%");
        }
        if (filter.kind() != null) {
            where.append(" and g.kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.school() != null || filter.activeOn() != null) {
            where.append(" and exists (select 1 from SchoolGroupMember m where m.groupCode = g.code");
            if (filter.school() != null) {
                where.append(" and m.schoolCode = :school");
                params.put("school", filter.school());
            }
            if (filter.activeOn() != null) {
                where.append(" and m.joinedOn <= :activeOn and (m.leftOn is null or m.leftOn >= :activeOn)");
                params.put("activeOn", filter.activeOn());
            }
            where.append(")");
        }
        if (filter.activeOn() != null) {
            where.append(" and (g.foundedOn is null or g.foundedOn <= :activeOn)");
        }
        if (filter.updatedSince() != null) {
            where.append(" and g.updatedAt >= :updatedSince");
            params.put("updatedSince", filter.updatedSince());
        }
        if (!scope.unrestricted()) {
            where.append(" and ").append(scopePredicate(scope, params));
        }
        Page<SchoolGroup> rows = LIST.fetch(page, where.toString(), params,
                (jpql, p, max) -> SchoolGroup.<SchoolGroup>find(jpql, p).page(0, max).list(), (jpql, p) -> SchoolGroup.count(jpql, p),
                g -> g);
        Map<String, List<SchoolGroupMember>> members = membersOf(rows.items().stream().map(g -> g.code).toList());
        return rows.map(g -> SchoolGroupView.of(g, members.getOrDefault(g.code, List.of())));
    }

    /** The group if it exists and the caller sees its owner region or one of its member schools; otherwise 404. */
    public SchoolGroupView get(String code, SchoolAccess access) {
        SchoolGroup group = SchoolGroup.findById(code);
        if (group == null) {
            throw notFound(code);
        }
        List<SchoolGroupMember> members = members(code);
        requireVisible(group, members, access);
        return SchoolGroupView.of(group, members);
    }

    /** Every membership period of a school (the school must be visible to the caller), or those on {@code activeOn}. */
    public Page<SchoolMembershipView> groupsOf(String schoolCode, LocalDate activeOn, SchoolAccess access) {
        School school = School.findById(schoolCode);
        if (school == null) {
            throw ProblemException.notFound("School " + schoolCode + " not found");
        }
        access.requireRead(schoolCode, school.regionCode, "School " + schoolCode);
        String active = activeOn == null ? ""
                : " and m.joinedOn <= :activeOn and (m.leftOn is null or m.leftOn >= :activeOn)"
                        + " and (g.foundedOn is null or g.foundedOn <= :activeOn)";
        var query = SchoolGroup.getEntityManager().createQuery("select m, g from SchoolGroupMember m, SchoolGroup g "
                + "where g.code = m.groupCode and m.schoolCode = :school" + active
                + " order by m.joinedOn, m.groupCode", Object[].class)
                .setParameter("school", schoolCode);
        if (activeOn != null) {
            query.setParameter("activeOn", activeOn);
        }
        List<SchoolMembershipView> items = query.getResultList().stream()
                .map(row -> SchoolMembershipView.of((SchoolGroup) row[1], (SchoolGroupMember) row[0])).toList();
        return new Page<>(items, null, null);
    }

    @Transactional
    public PutResult put(String code, SchoolGroupInput input, String ifMatch, SchoolAccess access) {
        // locked, so a concurrent writer waits and then fails its If-Match instead of overwriting
        SchoolGroup group = SchoolGroup.findById(code, LockModeType.PESSIMISTIC_WRITE);
        boolean created = group == null;
        List<SchoolGroupMember> oldMembers = created ? List.of() : members(code);
        if (created) {
            access.requireRegistryManagement(input.region());
            requireNoIfMatch(ifMatch, code);
        } else {
            // out of scope is 403 for writes (issue 3), even where the group is invisible to the caller
            access.requireRegistryManagement(group.regionCode);
            if (!group.regionCode.equals(input.region())) {
                // handing a group to another region is managing that region's registry too
                access.requireRegistryManagement(input.region());
            }
            ETags.requireMatch(ifMatch, group.version);
        }
        Set<String> codes = new LinkedHashSet<>();
        input.members().stream().map(SchoolGroupInput.Member::school).forEach(codes::add);
        List<FieldError> errors = SchoolGroupRules.check(input, Region.findByIdOptional(input.region()).isPresent(),
                schoolRegions(codes), LocalDate.now(ZoneOffset.ofHours(8)));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        SchoolGroupView before = created ? null : SchoolGroupView.of(group, oldMembers);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS); // as stored
        if (created) {
            group = new SchoolGroup();
            group.code = code;
            group.createdAt = now;
        }
        group.name = input.name();
        group.nameEn = input.nameEn();
        group.kind = input.kind();
        group.regionCode = input.region();
        group.leadSchoolCode = input.leadSchool();
        group.foundedOn = input.foundedOn();
        group.source = input.source();
        group.updatedAt = now; // also makes the version move when only the members changed
        if (created) {
            group.persist();
        }
        oldMembers.forEach(SchoolGroupMember::delete);
        SchoolGroup.getEntityManager().flush();
        List<SchoolGroupMember> members = new ArrayList<>();
        for (SchoolGroupInput.Member in : sorted(input.members())) {
            SchoolGroupMember m = new SchoolGroupMember();
            m.groupCode = code;
            m.schoolCode = in.school();
            m.joinedOn = in.joinedOn();
            m.leftOn = in.leftOn();
            m.persist();
            members.add(m);
        }
        SchoolGroup.getEntityManager().flush();
        SchoolGroupView after = SchoolGroupView.of(group, members);
        journal.record(RESOURCE_TYPE, code, Operation.UPSERT, group.regionCode, null, before, after);
        return new PutResult(after, created);
    }

    @Transactional
    public void delete(String code, String ifMatch, SchoolAccess access) {
        SchoolGroup group = SchoolGroup.findById(code, LockModeType.PESSIMISTIC_WRITE);
        if (group == null) {
            throw notFound(code);
        }
        access.requireRegistryManagement(group.regionCode);
        List<SchoolGroupMember> members = members(code);
        ETags.requireMatch(ifMatch, group.version);
        SchoolGroupView before = SchoolGroupView.of(group, members);
        members.forEach(SchoolGroupMember::delete);
        group.delete();
        SchoolGroup.getEntityManager().flush();
        journal.record(RESOURCE_TYPE, code, Operation.DELETE, before.region(), null, before, null);
    }

    private static void requireVisible(SchoolGroup group, List<SchoolGroupMember> members, SchoolAccess access) {
        if (!visible(group.regionCode, schoolRegions(members.stream().map(m -> m.schoolCode).distinct().toList()),
                access)) {
            throw notFound(group.code);
        }
    }

    /** The owner region is in scope, or one of the member schools (in any period) is. */
    static boolean visible(String ownerRegion, Map<String, String> memberRegions, SchoolAccess access) {
        SchoolAccess.ListScope scope = access.listScope();
        if (scope.unrestricted() || scope.regionPrefixes().stream().anyMatch(ownerRegion::startsWith)) {
            return true;
        }
        return memberRegions.entrySet().stream().anyMatch(e -> access.canRead(e.getKey(), e.getValue()));
    }

    /** The same rule as {@link #visible} as a query predicate on {@code g}. */
    private static String scopePredicate(SchoolAccess.ListScope scope, Map<String, Object> params) {
        List<String> owner = new ArrayList<>();
        List<String> member = new ArrayList<>();
        for (int i = 0; i < scope.regionPrefixes().size(); i++) {
            owner.add("g.regionCode like :scope" + i);
            member.add("s.regionCode like :scope" + i);
            params.put("scope" + i, scope.regionPrefixes().get(i) + "%");
        }
        if (!scope.schools().isEmpty()) {
            member.add("sm.schoolCode in :scopeSchools");
            params.put("scopeSchools", scope.schools());
        }
        if (member.isEmpty()) {
            return "1 = 0";
        }
        owner.add("exists (select 1 from SchoolGroupMember sm join School s on s.code = sm.schoolCode"
                + " where sm.groupCode = g.code and (" + String.join(" or ", member) + "))");
        return "(" + String.join(" or ", owner) + ")";
    }

    private static void requireNoIfMatch(String ifMatch, String code) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "School group " + code
                    + " does not exist, so no If-Match can match; create it without If-Match");
        }
    }

    private static ProblemException notFound(String code) {
        return ProblemException.notFound("School group " + code + " not found");
    }

    private static List<SchoolGroupMember> members(String code) {
        return SchoolGroupMember.list("groupCode = ?1 order by joinedOn, schoolCode", code);
    }

    private static Map<String, List<SchoolGroupMember>> membersOf(List<String> codes) {
        Map<String, List<SchoolGroupMember>> byGroup = new HashMap<>();
        if (codes.isEmpty()) {
            return byGroup;
        }
        SchoolGroupMember.<SchoolGroupMember>list("groupCode in ?1 order by joinedOn, schoolCode", codes)
                .forEach(m -> byGroup.computeIfAbsent(m.groupCode, k -> new ArrayList<>()).add(m));
        return byGroup;
    }

    private static Map<String, String> schoolRegions(Collection<String> codes) {
        Map<String, String> regions = new LinkedHashMap<>();
        List<String> wanted = codes.stream().filter(Objects::nonNull).toList();
        if (!wanted.isEmpty()) {
            School.<School>list("code in ?1", wanted).forEach(s -> regions.put(s.code, s.regionCode));
        }
        return regions;
    }

    private static List<SchoolGroupInput.Member> sorted(List<SchoolGroupInput.Member> members) {
        return members.stream().sorted((a, b) -> {
            int byDate = a.joinedOn().compareTo(b.joinedOn());
            return byDate != 0 ? byDate : a.school().compareTo(b.school());
        }).toList();
    }


}
