package io.dengta.schools.assignment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.dengta.commons.etag.ETags;
import io.dengta.commons.imports.RowOutcome;
import io.dengta.commons.journal.Operation;
import io.dengta.commons.journal.WriteJournal;
import io.dengta.commons.paging.KeysetQuery;
import io.dengta.commons.paging.Page;
import io.dengta.commons.paging.PageRequest;
import io.dengta.commons.paging.SortKey;
import io.dengta.commons.problem.FieldError;
import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.security.RegionCodes;
import io.dengta.schools.school.School;
import io.dengta.schools.school.SchoolAccess;
import io.dengta.schools.teacher.Teacher;

/**
 * Assignments of teachers to schools. Writes need write access to the assignment's school, reads read access
 * to it. Every write locks the teacher's row first, so two concurrent writers cannot both pass the FTE check
 * for the same teacher. Locks are always taken assignment first, then teacher, so writers never deadlock.
 */
@ApplicationScoped
public class AssignmentService {

    public static final String RESOURCE_TYPE = "assignment";
    static final List<String> SORTABLE = List.of("startsOn", "updatedAt", "id");
    private static final KeysetQuery<Assignment> LIST = new KeysetQuery<>("from Assignment a", Map.of(
            "startsOn", new SortKey<Assignment>("a.startsOn", a -> a.startsOn, LocalDate::parse),
            "updatedAt", SortKey.instant("a.updatedAt", a -> a.updatedAt),
            "id", new SortKey<Assignment>("a.id", a -> a.id, UUID::fromString)), "id");

    private final WriteJournal journal;

    public AssignmentService(WriteJournal journal) {
        this.journal = journal;
    }

    /** Filters of the assignment list; null means "any". {@code region} (of the school) includes sub-regions. */
    public record Filter(String teacher, String school, String kind, LocalDate activeOn, String region,
            OffsetDateTime updatedSince) {
    }

    public Page<AssignmentView> list(Filter filter, PageRequest page, SchoolAccess.ListScope scope) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.teacher() != null) {
            where.append(" and a.teacherCode = :teacher");
            params.put("teacher", filter.teacher());
        }
        if (filter.school() != null) {
            where.append(" and a.schoolCode = :school");
            params.put("school", filter.school());
        }
        if (filter.kind() != null) {
            where.append(" and a.kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.activeOn() != null) {
            where.append(" and a.startsOn <= :activeOn and (a.endsOn is null or a.endsOn >= :activeOn)");
            params.put("activeOn", filter.activeOn());
        }
        if (filter.region() != null) {
            where.append(" and a.schoolCode in (select rs.code from School rs where rs.regionCode like :region)");
            params.put("region", RegionCodes.coveragePrefix(filter.region()) + "%");
        }
        if (filter.updatedSince() != null) {
            where.append(" and a.updatedAt >= :updatedSince");
            params.put("updatedSince", filter.updatedSince());
        }
        if (!scope.unrestricted()) {
            List<String> alternatives = new ArrayList<>();
            if (!scope.regionPrefixes().isEmpty()) {
                List<String> likes = new ArrayList<>();
                for (int i = 0; i < scope.regionPrefixes().size(); i++) {
                    likes.add("ss.regionCode like :scope" + i);
                    params.put("scope" + i, scope.regionPrefixes().get(i) + "%");
                }
                alternatives.add("a.schoolCode in (select ss.code from School ss where " + String.join(" or ", likes)
                        + ")");
            }
            if (!scope.schools().isEmpty()) {
                alternatives.add("a.schoolCode in :scopeSchools");
                params.put("scopeSchools", scope.schools());
            }
            where.append(alternatives.isEmpty() ? " and 1 = 0" : " and (" + String.join(" or ", alternatives) + ")");
        }
        return LIST.fetch(page, where.toString(), params,
                (jpql, p, max) -> Assignment.<Assignment>find(jpql, p).page(0, max).list(), (jpql, p) -> Assignment.count(jpql, p),
                AssignmentView::of);
    }

    /** The assignment if it exists and the caller may read its school; otherwise 404. */
    public AssignmentView get(UUID id, SchoolAccess access) {
        Assignment assignment = Assignment.findById(id);
        requireVisible(id, assignment, access);
        return AssignmentView.of(assignment);
    }

    @Transactional
    public AssignmentView create(AssignmentInput input, SchoolAccess access) {
        return write(null, input, null, access).assignment();
    }

    @Transactional
    public AssignmentView replace(UUID id, AssignmentInput input, String ifMatch, SchoolAccess access) {
        journal.lockFeed();
        Assignment assignment = Assignment.findById(id, LockModeType.PESSIMISTIC_WRITE);
        requireExisting(id, assignment);
        return write(assignment, input, ifMatch, access).assignment();
    }

    public record UpsertResult(AssignmentView assignment, RowOutcome outcome) {
    }

    /**
     * The import's upsert, in the caller's transaction: assignments have a server id, so a row is matched by its
     * natural key (teacher, school, startsOn, kind). A match is replaced (or left alone when identical),
     * otherwise the row is created; two matches make the row ambiguous (409), for the bureau to resolve by id.
     */
    public UpsertResult upsertByNaturalKey(AssignmentInput input, SchoolAccess access) {
        School school = School.findById(input.school());
        if (school != null) {
            // scope before lookup, so a row outside it learns nothing about what exists there
            access.requireWrite(school.code, school.regionCode);
        }
        journal.lockFeed();
        List<Assignment> matches = Assignment.<Assignment>find(
                "teacherCode = ?1 and schoolCode = ?2 and startsOn = ?3 and kind = ?4",
                input.teacher(), input.school(), input.startsOn(), input.kind())
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        if (matches.size() > 1) {
            throw ProblemException.conflict(matches.size() + " assignments of teacher " + input.teacher() + " at "
                    + input.school() + " start on " + input.startsOn() + " with kind " + input.kind()
                    + "; replace the one you mean by id (PUT /schools/v1/assignments/{id})");
        }
        return write(matches.isEmpty() ? null : matches.get(0), input, null, access);
    }

    /**
     * Create (assignment null) or replace, in the caller's transaction: the one write behind POST, PUT and the
     * import. An identical replacement changes nothing and journals nothing.
     */
    private UpsertResult write(Assignment assignment, AssignmentInput input, String ifMatch, SchoolAccess access) {
        // the feed before the rows (teacher, assignment), as imports lock them: no deadlock between writers
        journal.lockFeed();
        boolean created = assignment == null;
        School school;
        if (created) {
            school = School.findById(input.school());
            if (school != null) {
                access.requireWrite(school.code, school.regionCode);
            }
        } else {
            School current = School.findById(assignment.schoolCode);
            access.requireWrite(current.code, current.regionCode);
            school = input.school().equals(current.code) ? current : School.findById(input.school());
            if (school != null && school != current) {
                // moving an assignment needs write access to the school it moves to as well
                access.requireWrite(school.code, school.regionCode);
            }
            ETags.requireMatch(ifMatch, assignment.version);
        }
        Teacher teacher = Teacher.findById(input.teacher(), LockModeType.PESSIMISTIC_WRITE);
        check(input, created ? null : assignment.id, school != null, teacher != null);
        if (!created && AssignmentInput.of(assignment).equals(input.normalized())) {
            return new UpsertResult(AssignmentView.of(assignment), RowOutcome.UNCHANGED);
        }

        AssignmentView before = created ? null : AssignmentView.of(assignment);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (created) {
            assignment = new Assignment();
            assignment.id = UUID.randomUUID();
            assignment.createdAt = now;
        }
        apply(assignment, input);
        assignment.updatedAt = now;
        if (created) {
            assignment.persist();
        }
        Assignment.getEntityManager().flush();
        AssignmentView after = AssignmentView.of(assignment);
        journal.record(RESOURCE_TYPE, assignment.id.toString(), Operation.UPSERT, school.regionCode, school.code,
                before, after);
        return new UpsertResult(after, created ? RowOutcome.CREATED : RowOutcome.UPDATED);
    }

    @Transactional
    public void delete(UUID id, String ifMatch, SchoolAccess access) {
        journal.lockFeed();
        Assignment assignment = Assignment.findById(id, LockModeType.PESSIMISTIC_WRITE);
        School school = requireExisting(id, assignment);
        access.requireWrite(school.code, school.regionCode);
        ETags.requireMatch(ifMatch, assignment.version);
        AssignmentView before = AssignmentView.of(assignment);
        assignment.delete();
        journal.record(RESOURCE_TYPE, id.toString(), Operation.DELETE, school.regionCode, school.code, before, null);
    }

    /** 404 unless the assignment exists and the caller may read its school; returns that school. */
    private static School requireVisible(UUID id, Assignment assignment, SchoolAccess access) {
        School school = requireExisting(id, assignment);
        access.requireRead(school.code, school.regionCode, "Assignment " + id);
        return school;
    }

    /** For writes: 404 only when the assignment does not exist; scope is then checked as a write (403). */
    private static School requireExisting(UUID id, Assignment assignment) {
        if (assignment == null) {
            throw ProblemException.notFound("Assignment " + id + " not found");
        }
        return School.findById(assignment.schoolCode);
    }

    /** The rules, with the teacher's other assignments (the teacher's row is locked by now). */
    private static void check(AssignmentInput input, UUID self, boolean schoolExists, boolean teacherExists) {
        boolean originExists = input.originSchool() != null && School.findById(input.originSchool()) != null;
        List<AssignmentRules.Existing> others = !teacherExists ? List.of()
                : Assignment.<Assignment>list("teacherCode", input.teacher()).stream()
                        .filter(a -> !a.id.equals(self))
                        .map(a -> new AssignmentRules.Existing(a.startsOn, a.endsOn, a.fte)).toList();
        List<FieldError> errors = AssignmentRules.check(input,
                new AssignmentRules.Context(teacherExists, schoolExists, originExists), others);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void apply(Assignment a, AssignmentInput in) {
        a.teacherCode = in.teacher();
        a.schoolCode = in.school();
        a.startsOn = in.startsOn();
        a.endsOn = in.endsOn();
        a.fte = in.fte().setScale(2);
        a.role = in.role();
        a.kind = in.kind();
        a.originSchool = in.originSchool();
    }


}
