package io.dengta.schools.teacher;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.dengta.commons.etag.ETags;
import io.dengta.commons.imports.RowOutcome;
import io.dengta.commons.journal.Operation;
import io.dengta.commons.journal.WriteJournal;
import io.dengta.commons.paging.Page;
import io.dengta.commons.paging.PageRequest;
import io.dengta.commons.problem.FieldError;
import io.dengta.commons.problem.ProblemException;
import io.dengta.schools.school.School;
import io.dengta.schools.school.SchoolAccess;
import io.dengta.schools.school.Stage;

/**
 * The teacher registry: create-or-replace by staff code, scoped reads, personal fields only for those who may
 * see them. A teacher is in a caller's scope through the employing school, and for reads also through the
 * school of a current assignment (a rotated teacher is visible where they teach now).
 * <p>
 * Assignments are queried here by entity name ({@code Assignment}) rather than through the assignment
 * feature's classes, so the assignment feature can depend on this one without a cycle.
 */
@ApplicationScoped
public class TeacherService {

    public static final String RESOURCE_TYPE = "teacher";
    static final List<String> SORTABLE = List.of("staffCode", "name", "updatedAt");
    private static final String CURRENT = "a.startsOn <= :today and (a.endsOn is null or a.endsOn >= :today)";

    private final WriteJournal journal;
    private final NationalIds nationalIds;
    private final TeacherListQuery listQuery;

    public TeacherService(WriteJournal journal, NationalIds nationalIds, TeacherListQuery listQuery) {
        this.journal = journal;
        this.nationalIds = nationalIds;
        this.listQuery = listQuery;
    }

    /**
     * Filters of the teacher list; null means "any". {@code region} includes sub-regions (of the employing
     * school); {@code school} is the employing school or the school of a current assignment; {@code honour}
     * and {@code honourLevel} match one honour in force today, at that level or above.
     */
    public record Filter(String region, String school, String honour, String honourLevel, String title,
            String degree, String subject, String employment, String status, String nameContains,
            OffsetDateTime updatedSince, String nationalId) {
    }

    public record PutResult(TeacherView teacher, boolean created) {
    }

    public static LocalDate today() {
        // the bureau's calendar day
        return LocalDate.now(ZoneOffset.ofHours(8));
    }

    public Page<TeacherView> list(Filter filter, PageRequest page, SchoolAccess.ListScope scope,
            TeacherPrivacy privacy) {
        return listQuery.fetch(filter, page, scope, privacy, today());
    }

    /** The teacher if it exists and the caller may see it; otherwise 404. */
    public TeacherView get(String staffCode, SchoolAccess access, TeacherPrivacy privacy) {
        Teacher teacher = Teacher.findById(staffCode);
        if (teacher == null || !visible(teacher, access, today())) {
            throw notFound(staffCode);
        }
        return TeacherView.of(teacher, privacy.canSeePersonal(teacher.employingSchool));
    }

    /** For features about a teacher (assignments): 404 unless the teacher exists and the caller may see it. */
    public void requireVisible(String staffCode, SchoolAccess access) {
        Teacher teacher = Teacher.findById(staffCode);
        if (teacher == null || !visible(teacher, access, today())) {
            throw notFound(staffCode);
        }
    }

    @Transactional
    public PutResult put(String staffCode, TeacherInput input, String ifMatch, SchoolAccess access,
            TeacherPrivacy privacy) {
        if (input.staffCode() != null && !input.staffCode().equals(staffCode)) {
            throw ProblemException.invalid("/staffCode", "mismatch", "the body's staff code " + input.staffCode()
                    + " is not the staff code in the path, " + staffCode);
        }
        UpsertResult result = upsert(staffCode, input, ifMatch, access, privacy);
        return new PutResult(result.teacher(), result.outcome() == RowOutcome.CREATED);
    }

    /** @param teacher as the caller may see it (personal fields only for those who may see them) */
    public record UpsertResult(TeacherView teacher, RowOutcome outcome) {
    }

    /**
     * Create-or-replace in the caller's transaction (a PUT's, or an import's); an identical replacement changes
     * nothing and journals nothing. A national ID is stored only as its salted hash and last 4 characters.
     */
    public UpsertResult upsert(String staffCode, TeacherInput input, String ifMatch, SchoolAccess access,
            TeacherPrivacy privacy) {
        LocalDate today = today();
        // the feed before the row, as imports lock them: writers take locks in one order and cannot deadlock
        journal.lockFeed();
        // locked: assignment writes lock the teacher too, so their FTE checks see a settled record
        Teacher teacher = Teacher.findById(staffCode, LockModeType.PESSIMISTIC_WRITE);
        boolean created = teacher == null;
        if (!created) {
            // out of scope is 403 for writes (api-conventions), whether or not the caller could read the teacher
            School current = School.findById(teacher.employingSchool);
            access.requireWrite(current.code, current.regionCode);
        }
        School employing = School.findById(input.employingSchool());
        if (employing != null && (created || !employing.code.equals(teacher.employingSchool))) {
            // a transfer needs write access to the school the teacher moves to as well
            access.requireWrite(employing.code, employing.regionCode);
        }
        if (!created) {
            ETags.requireMatch(ifMatch, teacher.version);
        }
        boolean vocational = (employing != null && employing.stages.contains(Stage.VOCATIONAL))
                || (!created && assignedToVocationalSchool(staffCode, today));
        List<FieldError> errors = TeacherRules.check(input,
                new TeacherRules.Context(employing != null, vocational, created ? null : teacher.birthDate, today));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String nationalIdHash = input.nationalId() == null ? null : nationalIds.hash(input.nationalId());
        if (nationalIdHash != null && Teacher.count("nationalIdHash = ?1 and staffCode <> ?2", nationalIdHash,
                staffCode) > 0) {
            throw ProblemException.conflict("This national ID is already on another teacher record; "
                    + "one person has one record");
        }
        if (!created && TeacherInput.of(teacher).equals(input.normalized(staffCode, teacher))
                && (nationalIdHash == null || nationalIdHash.equals(teacher.nationalIdHash))) {
            return new UpsertResult(TeacherView.of(teacher, privacy.canSeePersonal(teacher.employingSchool)),
                    RowOutcome.UNCHANGED);
        }
        TeacherView before = created ? null : TeacherView.of(teacher, false);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (created) {
            teacher = new Teacher();
            teacher.staffCode = staffCode;
            teacher.createdAt = now;
        }
        apply(teacher, input);
        if (nationalIdHash != null) {
            teacher.nationalIdHash = nationalIdHash;
            teacher.nationalIdLast4 = NationalIds.last4(NationalIds.normalize(input.nationalId()));
        }
        teacher.updatedAt = now;
        if (created) {
            teacher.persist();
        }
        Teacher.getEntityManager().flush();
        TeacherView shown = TeacherView.of(teacher, privacy.canSeePersonal(teacher.employingSchool));
        // the audit keeps the privacy-free view: personal data never leaves the teacher table
        journal.record(RESOURCE_TYPE, staffCode, Operation.UPSERT, employing.regionCode, employing.code, before,
                TeacherView.of(teacher, false));
        return new UpsertResult(shown, created ? RowOutcome.CREATED : RowOutcome.UPDATED);
    }

    @Transactional
    public void delete(String staffCode, String ifMatch, SchoolAccess access) {
        journal.lockFeed();
        Teacher teacher = Teacher.findById(staffCode, LockModeType.PESSIMISTIC_WRITE);
        if (teacher == null) {
            throw notFound(staffCode);
        }
        School employing = School.findById(teacher.employingSchool);
        access.requireWrite(employing.code, employing.regionCode);
        ETags.requireMatch(ifMatch, teacher.version);
        long assignments = Teacher.getEntityManager()
                .createQuery("select count(a) from Assignment a where a.teacherCode = :teacher", Long.class)
                .setParameter("teacher", staffCode).getSingleResult();
        if (assignments > 0) {
            throw ProblemException.conflict("Teacher " + staffCode + " has " + assignments
                    + " assignment(s); delete them first, or set status 'left' for a teacher who left");
        }
        TeacherView before = TeacherView.of(teacher, false);
        teacher.delete();
        journal.record(RESOURCE_TYPE, staffCode, Operation.DELETE, employing.regionCode, employing.code, before,
                null);
    }

    private boolean visible(Teacher teacher, SchoolAccess access, LocalDate today) {
        School employing = School.findById(teacher.employingSchool);
        if (access.canRead(employing.code, employing.regionCode)) {
            return true;
        }
        List<Object[]> schools = Teacher.getEntityManager().createQuery(
                "select s.code, s.regionCode from Assignment a, School s where s.code = a.schoolCode "
                        + "and a.teacherCode = :teacher and " + CURRENT, Object[].class)
                .setParameter("teacher", teacher.staffCode).setParameter("today", today).getResultList();
        return schools.stream().anyMatch(s -> access.canRead((String) s[0], (String) s[1]));
    }

    private static boolean assignedToVocationalSchool(String staffCode, LocalDate today) {
        return Teacher.getEntityManager().createQuery("select s from Assignment a, School s where "
                + "s.code = a.schoolCode and a.teacherCode = :teacher and " + CURRENT, School.class)
                .setParameter("teacher", staffCode).setParameter("today", today).getResultStream()
                .anyMatch(s -> s.stages.contains(Stage.VOCATIONAL));
    }

    /** The input applied to a teacher record (a managed entity, or a detached one for a batch write). */
    static void apply(Teacher t, TeacherInput in) {
        t.name = in.name();
        t.gender = in.gender();
        if (in.birthDate() != null) {
            t.birthDate = in.birthDate();
        }
        if (in.phone() != null) {
            t.phone = in.phone();
        }
        t.employingSchool = in.employingSchool();
        t.highestDegree = in.highestDegree();
        Certificate c = in.certificate();
        t.certificateType = c == null ? null : c.type();
        t.certificateStage = c == null ? null : c.stage();
        t.certificateNumber = c == null ? null : c.number();
        t.title = in.title();
        t.honours.clear();
        if (in.honours() != null) {
            for (Honour h : in.honours()) {
                TeacherHonour honour = new TeacherHonour();
                honour.kind = h.kind();
                honour.level = h.level();
                honour.awardedOn = h.awardedOn();
                honour.expiresOn = h.expiresOn();
                t.honours.add(honour);
            }
        }
        t.subjects = List.copyOf(in.subjects());
        t.employment = in.employment();
        t.dualQualified = Boolean.TRUE.equals(in.dualQualified());
        t.status = in.status();
        t.source = in.source();
    }

    private static ProblemException notFound(String staffCode) {
        return ProblemException.notFound("Teacher " + staffCode + " not found");
    }


}
