package io.dengta.schools.project;

import java.time.LocalDate;
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
import io.dengta.schools.region.Region;
import io.dengta.schools.school.School;
import io.dengta.schools.school.SchoolAccess;

/**
 * Construction projects: create-or-replace by code with a forward-only status lifecycle, region-scoped writes,
 * reads for callers who see the project's region or its school, deletes with tombstones.
 */
@ApplicationScoped
public class ConstructionProjectService {

    public static final String RESOURCE_TYPE = "construction-project";
    static final List<String> SORTABLE = List.of("code", "name", "updatedAt");
    private static final KeysetQuery<ConstructionProject> LIST = new KeysetQuery<>("from ConstructionProject p", Map.of(
            "code", SortKey.text("p.code", x -> x.code),
            "name", SortKey.text("p.name", x -> x.name),
            "updatedAt", SortKey.instant("p.updatedAt", x -> x.updatedAt)), "code");
    /** Matches no school, for the scope check of a project without one. */
    private static final String NO_SCHOOL = "";
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private final WriteJournal journal;

    public ConstructionProjectService(WriteJournal journal) {
        this.journal = journal;
    }

    /** Filters of the project list; null means "any". {@code region} includes its sub-regions; date ranges are inclusive. */
    public record Filter(String region, String status, String kind, String school, LocalDate expectedOpeningFrom,
            LocalDate expectedOpeningTo, LocalDate openedFrom, LocalDate openedTo, OffsetDateTime updatedSince) {
    }

    public record PutResult(ConstructionProjectView project, boolean created) {
    }

    public Page<ConstructionProjectView> list(Filter filter, PageRequest page, SchoolAccess.ListScope scope) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.region() != null) {
            where.append(" and p.regionCode like :region");
            params.put("region", RegionCodes.coveragePrefix(filter.region()) + "%");
        }
        equal(where, params, "p.status", "status", filter.status());
        equal(where, params, "p.kind", "kind", filter.kind());
        equal(where, params, "p.schoolCode", "school", filter.school());
        range(where, params, "p.expectedOpeningOn", "expectedOpening", filter.expectedOpeningFrom(),
                filter.expectedOpeningTo());
        range(where, params, "p.openedOn", "opened", filter.openedFrom(), filter.openedTo());
        if (filter.updatedSince() != null) {
            where.append(" and p.updatedAt >= :updatedSince");
            params.put("updatedSince", filter.updatedSince());
        }
        if (!scope.unrestricted()) {
            List<String> alternatives = new ArrayList<>();
            for (int i = 0; i < scope.regionPrefixes().size(); i++) {
                alternatives.add("p.regionCode like :scope" + i);
                params.put("scope" + i, scope.regionPrefixes().get(i) + "%");
            }
            if (!scope.schools().isEmpty()) {
                alternatives.add("p.schoolCode in :scopeSchools");
                params.put("scopeSchools", scope.schools());
            }
            where.append(alternatives.isEmpty() ? " and 1 = 0" : " and (" + String.join(" or ", alternatives) + ")");
        }
        return LIST.fetch(page, where.toString(), params,
                (jpql, p, max) -> ConstructionProject.<ConstructionProject>find(jpql, p).page(0, max).list(), (jpql, p) -> ConstructionProject.count(jpql, p),
                ConstructionProjectView::of);
    }

    /** The project if it exists and the caller sees its region or its school; otherwise 404. */
    public ConstructionProjectView get(String code, SchoolAccess access) {
        return ConstructionProjectView.of(visible(code, access));
    }

    @Transactional
    public PutResult put(String code, ConstructionProjectInput input, String ifMatch, SchoolAccess access) {
        ConstructionProject project = ConstructionProject.findById(code);
        boolean created = project == null;
        if (created) {
            access.requireRegistryManagement(input.region());
        } else {
            requireRead(project, access);
            access.requireRegistryManagement(project.regionCode);
            if (!project.regionCode.equals(input.region())) {
                access.requireRegistryManagement(input.region());
            }
            ETags.requireMatch(ifMatch, project.version);
        }
        School school = input.school() == null ? null : School.findById(input.school());
        List<FieldError> errors = ConstructionProjectRules.check(input,
                Region.findByIdOptional(input.region()).isPresent(), school, LocalDate.now(CHINA));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (!created) {
            ConstructionProjectRules.requireForward(code, project.status, input.status());
        }
        ConstructionProjectView before = created ? null : ConstructionProjectView.of(project);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (created) {
            project = new ConstructionProject();
            project.code = code;
            project.createdAt = now;
        }
        apply(project, input);
        project.updatedAt = now;
        if (created) {
            project.persist();
        }
        ConstructionProject.getEntityManager().flush();
        ConstructionProjectView after = ConstructionProjectView.of(project);
        journal.record(RESOURCE_TYPE, code, Operation.UPSERT, project.regionCode, project.schoolCode, before, after);
        return new PutResult(after, created);
    }

    @Transactional
    public void delete(String code, String ifMatch, SchoolAccess access) {
        ConstructionProject project = visible(code, access);
        access.requireRegistryManagement(project.regionCode);
        ETags.requireMatch(ifMatch, project.version);
        ConstructionProjectView before = ConstructionProjectView.of(project);
        project.delete();
        journal.record(RESOURCE_TYPE, code, Operation.DELETE, before.region(), before.school(), before, null);
    }

    private static ConstructionProject visible(String code, SchoolAccess access) {
        ConstructionProject project = ConstructionProject.findById(code);
        if (project == null) {
            throw ProblemException.notFound("Construction project " + code + " not found");
        }
        requireRead(project, access);
        return project;
    }

    private static void requireRead(ConstructionProject project, SchoolAccess access) {
        access.requireRead(project.schoolCode == null ? NO_SCHOOL : project.schoolCode, project.regionCode,
                "Construction project " + project.code);
    }

    private static void apply(ConstructionProject p, ConstructionProjectInput in) {
        p.name = in.name();
        p.regionCode = in.region();
        p.schoolCode = in.school();
        p.kind = in.kind();
        p.seatsAdded = in.seatsAdded();
        p.classesAdded = in.classesAdded();
        p.budget = in.budget();
        p.status = in.status();
        p.approvedOn = in.approvedOn();
        p.constructionStartedOn = in.constructionStartedOn();
        p.completedOn = in.completedOn();
        p.expectedOpeningOn = in.expectedOpeningOn();
        p.openedOn = in.openedOn();
        p.source = in.source();
    }

    private static void equal(StringBuilder where, Map<String, Object> params, String column, String name, String value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = :").append(name);
            params.put(name, value);
        }
    }

    private static void range(StringBuilder where, Map<String, Object> params, String column, String name,
            LocalDate from, LocalDate to) {
        if (from != null) {
            where.append(" and ").append(column).append(" >= :").append(name).append("From");
            params.put(name + "From", from);
        }
        if (to != null) {
            where.append(" and ").append(column).append(" <= :").append(name).append("To");
            params.put(name + "To", to);
        }
    }


}
