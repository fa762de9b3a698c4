package io.dengta.schools.school;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.dengta.commons.etag.ETags;
import io.dengta.commons.imports.RowOutcome;
import io.dengta.commons.journal.Operation;
import io.dengta.commons.journal.WriteJournal;
import io.dengta.commons.paging.Page;
import io.dengta.commons.paging.PageRequest;
import io.dengta.commons.problem.FieldError;
import io.dengta.commons.problem.ProblemException;
import io.dengta.schools.region.Region;

/** The school registry: create-or-replace by code, scoped reads, deletes with tombstones. */
@ApplicationScoped
public class SchoolService {

    public static final String RESOURCE_TYPE = "school";
    static final List<String> SORTABLE = List.of("code", "name", "updatedAt");

    private final WriteJournal journal;
    private final SchoolListQuery listQuery;

    public SchoolService(WriteJournal journal, SchoolListQuery listQuery) {
        this.journal = journal;
        this.listQuery = listQuery;
    }

    /** Filters of the school list; null means "any". {@code region} includes its sub-regions. */
    public record Filter(String region, String stage, String ownership, String status, String group,
            String nameContains, OffsetDateTime updatedSince) {
    }

    public record PutResult(SchoolView school, boolean created) {
    }

    public Page<SchoolView> list(Filter filter, PageRequest page, SchoolAccess.ListScope scope) {
        return listQuery.fetch(filter, page, scope, LocalDate.now(ZoneOffset.ofHours(8)));
    }

    /** The school if it exists and the caller may see it; otherwise 404. */
    public SchoolView get(String code, SchoolAccess access) {
        School school = School.findById(code);
        if (school == null) {
            throw ProblemException.notFound("School " + code + " not found");
        }
        access.requireRead(code, school.regionCode, "School " + code);
        return SchoolView.of(school);
    }

    @Transactional
    public PutResult put(String code, SchoolInput input, String ifMatch, SchoolAccess access) {
        if (input.code() != null && !input.code().equals(code)) {
            throw ProblemException.invalid("/code", "mismatch", "the body's code " + input.code()
                    + " is not the code in the path, " + code);
        }
        UpsertResult result = upsert(code, input, ifMatch, access);
        return new PutResult(result.school(), result.outcome() == RowOutcome.CREATED);
    }

    public record UpsertResult(SchoolView school, RowOutcome outcome) {
    }

    /** Create-or-replace in the caller's transaction; an identical replacement changes nothing. */
    public UpsertResult upsert(String code, SchoolInput input, String ifMatch, SchoolAccess access) {
        School school = School.findById(code);
        boolean created = school == null;
        if (created) {
            access.requireRegistryManagement(input.region());
        } else {
            // out of scope is 403 for writes, whether or not the caller could see the school
            access.requireWrite(code, school.regionCode);
            if (!school.regionCode.equals(input.region())) {
                // moving a school to another region is managing the registry, not editing the school
                access.requireRegistryManagement(input.region());
            }
            ETags.requireMatch(ifMatch, school.version);
        }
        List<FieldError> errors = SchoolRules.check(code, input, Region.findByIdOptional(input.region()).isPresent(),
                LocalDate.now(ZoneOffset.ofHours(8)));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (!created && SchoolInput.of(school).equals(input.normalized(code))) {
            return new UpsertResult(SchoolView.of(school), RowOutcome.UNCHANGED);
        }
        SchoolView before = created ? null : SchoolView.of(school);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (created) {
            school = new School();
            school.code = code;
            school.createdAt = now;
        }
        apply(school, input);
        school.updatedAt = now;
        if (created) {
            school.persist();
        }
        School.getEntityManager().flush();
        SchoolView after = SchoolView.of(school);
        journal.record(RESOURCE_TYPE, code, Operation.UPSERT, school.regionCode, code, before, after);
        return new UpsertResult(after, created ? RowOutcome.CREATED : RowOutcome.UPDATED);
    }

    @Transactional
    public void delete(String code, String ifMatch, SchoolAccess access) {
        School school = School.findById(code);
        if (school == null) {
            throw ProblemException.notFound("School " + code + " not found");
        }
        access.requireRegistryManagement(school.regionCode);
        ETags.requireMatch(ifMatch, school.version);
        SchoolView before = SchoolView.of(school);
        school.delete();
        journal.record(RESOURCE_TYPE, code, Operation.DELETE, before.region(), code, before, null);
    }

    private static void apply(School s, SchoolInput in) {
        s.name = in.name();
        s.nameEn = in.nameEn();
        s.regionCode = in.region();
        s.stages = List.copyOf(in.stages());
        s.ownership = in.ownership();
        s.boarding = Boolean.TRUE.equals(in.boarding());
        s.rural = Boolean.TRUE.equals(in.rural());
        s.qualityRating = in.qualityRating();
        s.qualityRatingYear = in.qualityRatingYear();
        s.address = in.address();
        s.latitude = in.latitude();
        s.longitude = in.longitude();
        s.foundedOn = in.foundedOn();
        s.status = in.status();
        s.openedOn = in.openedOn();
        s.closedOn = in.closedOn();
        s.mergedInto = in.mergedInto();
        s.capacitySeats = in.capacitySeats();
        s.plannedClasses = in.plannedClasses();
        s.source = in.source();
    }
}
