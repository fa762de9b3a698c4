package io.dengta.schools.campus;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import io.dengta.schools.school.School;
import io.dengta.schools.school.SchoolAccess;

/**
 * A school's campuses: whoever may read the school reads them; whoever may write the school's registry data
 * (its clerks, the region's data feeds, platform admins) creates, replaces and deletes them.
 */
@ApplicationScoped
public class CampusService {

    public static final String RESOURCE_TYPE = "campus";
    static final List<String> SORTABLE = List.of("code", "name", "updatedAt");
    private static final KeysetQuery<Campus> LIST = new KeysetQuery<>("from Campus c", Map.of(
            "code", SortKey.text("c.code", x -> x.code),
            "name", SortKey.text("c.name", x -> x.name),
            "updatedAt", SortKey.instant("c.updatedAt", x -> x.updatedAt)), "code");

    private final WriteJournal journal;

    public CampusService(WriteJournal journal) {
        this.journal = journal;
    }

    public record PutResult(CampusView campus, boolean created) {
    }

    /** The change feed's key of a campus. */
    public static String key(String schoolCode, String campusCode) {
        return schoolCode + "/" + campusCode;
    }

    public Page<CampusView> list(String schoolCode, OffsetDateTime updatedSince, PageRequest page,
            SchoolAccess access) {
        visibleSchool(schoolCode, access);
        StringBuilder where = new StringBuilder("c.schoolCode = :school");
        Map<String, Object> params = new HashMap<>();
        params.put("school", schoolCode);
        if (updatedSince != null) {
            where.append(" and c.updatedAt >= :updatedSince");
            params.put("updatedSince", updatedSince);
        }
        return LIST.fetch(page, where.toString(), params,
                (jpql, p, max) -> Campus.<Campus>find(jpql, p).page(0, max).list(), (jpql, p) -> Campus.count(jpql, p),
                CampusView::of);
    }

    /** The campus if it and its school exist and the caller may read the school; otherwise 404. */
    public CampusView get(String schoolCode, String code, SchoolAccess access) {
        visibleSchool(schoolCode, access);
        Campus campus = Campus.findById(new Campus.Key(schoolCode, code));
        if (campus == null) {
            throw notFound(schoolCode, code);
        }
        return CampusView.of(campus);
    }

    @Transactional
    public PutResult put(String schoolCode, String code, CampusInput input, String ifMatch, SchoolAccess access) {
        School school = existingSchool(schoolCode);
        access.requireWrite(schoolCode, school.regionCode); // out of scope is 403 for writes (issue 3)
        // locked, so a concurrent writer waits and then fails its If-Match instead of overwriting
        Campus campus = Campus.findById(new Campus.Key(schoolCode, code), LockModeType.PESSIMISTIC_WRITE);
        boolean created = campus == null;
        if (created) {
            if (ifMatch != null && !ifMatch.isBlank()) {
                throw new ProblemException(ProblemType.PRECONDITION_FAILED, "Campus " + key(schoolCode, code)
                        + " does not exist, so no If-Match can match; create it without If-Match");
            }
        } else {
            ETags.requireMatch(ifMatch, campus.version);
        }
        List<FieldError> errors = CampusRules.check(input, school.stages);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        CampusView before = created ? null : CampusView.of(campus);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS); // as stored
        if (created) {
            campus = new Campus();
            campus.schoolCode = schoolCode;
            campus.code = code;
            campus.createdAt = now;
        }
        campus.name = input.name();
        campus.nameEn = input.nameEn();
        campus.address = input.address();
        campus.latitude = input.latitude();
        campus.longitude = input.longitude();
        campus.capacitySeats = input.capacitySeats();
        campus.openedOn = input.openedOn();
        campus.closedOn = input.closedOn();
        campus.stages = input.stages() == null ? null : List.copyOf(input.stages());
        campus.source = input.source();
        campus.updatedAt = now;
        if (created) {
            campus.persist();
        }
        Campus.getEntityManager().flush();
        CampusView after = CampusView.of(campus);
        journal.record(RESOURCE_TYPE, key(schoolCode, code), Operation.UPSERT, school.regionCode, schoolCode, before,
                after);
        return new PutResult(after, created);
    }

    @Transactional
    public void delete(String schoolCode, String code, String ifMatch, SchoolAccess access) {
        School school = existingSchool(schoolCode);
        access.requireWrite(schoolCode, school.regionCode);
        Campus campus = Campus.findById(new Campus.Key(schoolCode, code), LockModeType.PESSIMISTIC_WRITE);
        if (campus == null) {
            throw notFound(schoolCode, code);
        }
        ETags.requireMatch(ifMatch, campus.version);
        CampusView before = CampusView.of(campus);
        campus.delete();
        Campus.getEntityManager().flush();
        journal.record(RESOURCE_TYPE, key(schoolCode, code), Operation.DELETE, school.regionCode, schoolCode, before,
                null);
    }

    private static School visibleSchool(String schoolCode, SchoolAccess access) {
        School school = existingSchool(schoolCode);
        access.requireRead(schoolCode, school.regionCode, "School " + schoolCode);
        return school;
    }

    private static School existingSchool(String schoolCode) {
        School school = School.findById(schoolCode);
        if (school == null) {
            throw ProblemException.notFound("School " + schoolCode + " not found");
        }
        return school;
    }

    private static ProblemException notFound(String schoolCode, String code) {
        return ProblemException.notFound("Campus " + key(schoolCode, code) + " not found");
    }


}
