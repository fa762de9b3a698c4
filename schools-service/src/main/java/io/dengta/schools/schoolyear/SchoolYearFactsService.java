package io.dengta.schools.schoolyear;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import io.dengta.commons.etag.ETags;
import io.dengta.commons.imports.RowOutcome;
import io.dengta.commons.journal.Operation;
import io.dengta.commons.journal.WriteJournal;
import io.dengta.commons.paging.Cursor;
import io.dengta.commons.paging.Keyset;
import io.dengta.commons.paging.Page;
import io.dengta.commons.paging.PageRequest;
import io.dengta.commons.problem.FieldError;
import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.security.RegionCodes;
import io.dengta.schools.school.School;
import io.dengta.schools.school.SchoolAccess;

/** School-year facts: create-or-replace by school and school year, scoped reads and lists, deletes with tombstones. */
@ApplicationScoped
public class SchoolYearFactsService {

    public static final String RESOURCE_TYPE = "school-year";
    static final List<String> SORTABLE = List.of("school", "schoolYear", "updatedAt");
    /** The internal id breaks ties, so (school, year) pages never skip or repeat rows. */
    private static final Map<String, String> COLUMNS = Map.of("school", "f.schoolCode", "schoolYear", "f.schoolYear",
            "updatedAt", "f.updatedAt", "id", "f.id");
    /** The bureau's calendar: a school year begins on 1 September in China. */
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private final WriteJournal journal;

    public SchoolYearFactsService(WriteJournal journal) {
        this.journal = journal;
    }

    /** Filters of the facts lists; null means "any". {@code region} includes its sub-regions. */
    public record Filter(String school, String region, String schoolYear, String stage, OffsetDateTime updatedSince) {
    }

    public record PutResult(SchoolYearFactsView facts, boolean created) {
    }

    /** The journal key of a school's facts for a year. */
    public static String key(String schoolCode, String schoolYear) {
        return schoolCode + "/" + schoolYear;
    }

    public Page<SchoolYearFactsView> list(Filter filter, PageRequest page, SchoolAccess.ListScope scope) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.school() != null) {
            where.append(" and f.schoolCode = :school");
            params.put("school", filter.school());
        }
        if (filter.region() != null) {
            where.append(" and s.regionCode like :region");
            params.put("region", RegionCodes.coveragePrefix(filter.region()) + "%");
        }
        if (filter.schoolYear() != null) {
            where.append(" and f.schoolYear = :schoolYear");
            params.put("schoolYear", filter.schoolYear());
        }
        if (filter.stage() != null) {
            // array_contains binds the stage as varchar[] against text[] (no such operator in PostgreSQL);
            // Hibernate's array_position is 1-based and 0 when absent
            where.append(" and array_position(s.stages, :stage) > 0");
            params.put("stage", filter.stage());
        }
        if (filter.updatedSince() != null) {
            where.append(" and f.updatedAt >= :updatedSince");
            params.put("updatedSince", filter.updatedSince());
        }
        if (!scope.unrestricted()) {
            List<String> alternatives = new ArrayList<>();
            for (int i = 0; i < scope.regionPrefixes().size(); i++) {
                alternatives.add("s.regionCode like :scope" + i);
                params.put("scope" + i, scope.regionPrefixes().get(i) + "%");
            }
            if (!scope.schools().isEmpty()) {
                alternatives.add("f.schoolCode in :scopeSchools");
                params.put("scopeSchools", scope.schools());
            }
            where.append(alternatives.isEmpty() ? " and 1 = 0" : " and (" + String.join(" or ", alternatives) + ")");
        }
        String from = "from SchoolYearFacts f join f.school s where ";
        Long total = null;
        if (page.includeTotal()) {
            TypedQuery<Long> count = SchoolYearFacts.getEntityManager()
                    .createQuery("select count(f) " + from + where, Long.class);
            params.forEach(count::setParameter);
            total = count.getSingleResult();
        }

        Keyset keyset = Keyset.of(page, COLUMNS, "id");
        String seek = "";
        if (page.cursor() != null) {
            List<String> after = Cursor.decode(page.cursor(), keyset.size());
            for (int i = 0; i < keyset.size(); i++) {
                params.put("k" + i, keyValue(keyset.sort().get(i).name(), after.get(i)));
            }
            seek = " and " + keyset.after();
        }
        TypedQuery<Object[]> query = SchoolYearFacts.getEntityManager()
                .createQuery("select f, s.regionCode " + from + where + seek + " order by " + keyset.orderBy(),
                        Object[].class)
                .setMaxResults(page.fetchSize());
        params.forEach(query::setParameter);
        List<Object[]> rows = query.getResultList();
        String next = null;
        if (rows.size() > page.limit()) {
            rows = rows.subList(0, page.limit());
            SchoolYearFacts last = (SchoolYearFacts) rows.get(rows.size() - 1)[0];
            next = Cursor.encode(keyset.sort().stream().map(f -> keyText(f.name(), last)).toList());
        }
        return new Page<>(rows.stream().map(r -> SchoolYearFactsView.of((SchoolYearFacts) r[0], (String) r[1])).toList(),
                next, total);
    }

    /** The school if it exists and the caller may see it; otherwise 404 (existence does not leak). */
    public School visibleSchool(String schoolCode, SchoolAccess access) {
        School school = existingSchool(schoolCode);
        access.requireRead(schoolCode, school.regionCode, "School " + schoolCode);
        return school;
    }

    /** For writes: 404 only when the school does not exist; scope is then checked as a write (403). */
    private static School existingSchool(String schoolCode) {
        School school = School.findById(schoolCode);
        if (school == null) {
            throw ProblemException.notFound("School " + schoolCode + " not found");
        }
        return school;
    }

    public SchoolYearFactsView get(String schoolCode, SchoolYear year, SchoolAccess access) {
        School school = visibleSchool(schoolCode, access);
        return SchoolYearFactsView.of(find(schoolCode, year), school.regionCode);
    }

    @Transactional
    public PutResult put(String schoolCode, SchoolYear year, SchoolYearFactsInput input, String ifMatch,
            SchoolAccess access) {
        List<FieldError> mismatches = new ArrayList<>();
        if (input.school() != null && !input.school().equals(schoolCode)) {
            mismatches.add(new FieldError("/school", "mismatch", "the body's school " + input.school()
                    + " is not the school in the path, " + schoolCode));
        }
        if (input.schoolYear() != null && !input.schoolYear().equals(year.code())) {
            mismatches.add(new FieldError("/schoolYear", "mismatch", "the body's school year " + input.schoolYear()
                    + " is not the school year in the path, " + year));
        }
        if (!mismatches.isEmpty()) {
            throw ProblemException.invalid(mismatches);
        }
        UpsertResult result = upsert(schoolCode, year, input, ifMatch, access);
        return new PutResult(result.facts(), result.outcome() == RowOutcome.CREATED);
    }

    public record UpsertResult(SchoolYearFactsView facts, RowOutcome outcome) {
    }

    /**
     * Create-or-replace by (school, school year) in the caller's transaction (a PUT's, or an import's); identical
     * facts change nothing and journal nothing.
     */
    public UpsertResult upsert(String schoolCode, SchoolYear year, SchoolYearFactsInput input, String ifMatch,
            SchoolAccess access) {
        School school = existingSchool(schoolCode);
        access.requireWrite(schoolCode, school.regionCode);
        SchoolYearFacts facts = findOrNull(schoolCode, year);
        boolean created = facts == null;
        if (!created) {
            ETags.requireMatch(ifMatch, facts.version);
        }
        List<FieldError> errors = SchoolYearFactsRules.check(school, year, input, LocalDate.now(CHINA));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (!created && SchoolYearFactsInput.of(facts).equals(input.normalized(schoolCode, year))) {
            return new UpsertResult(SchoolYearFactsView.of(facts, school.regionCode), RowOutcome.UNCHANGED);
        }
        SchoolYearFactsView before = created ? null : SchoolYearFactsView.of(facts, school.regionCode);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (created) {
            facts = new SchoolYearFacts();
            facts.schoolCode = schoolCode;
            facts.schoolYear = year.code();
            facts.createdAt = now;
        }
        apply(facts, input);
        facts.updatedAt = now;
        if (created) {
            facts.persist();
        }
        SchoolYearFacts.getEntityManager().flush();
        SchoolYearFactsView after = SchoolYearFactsView.of(facts, school.regionCode);
        journal.record(RESOURCE_TYPE, key(schoolCode, year.code()), Operation.UPSERT, school.regionCode, schoolCode,
                before, after);
        return new UpsertResult(after, created ? RowOutcome.CREATED : RowOutcome.UPDATED);
    }

    @Transactional
    public void delete(String schoolCode, SchoolYear year, String ifMatch, SchoolAccess access) {
        School school = existingSchool(schoolCode);
        SchoolYearFacts facts = find(schoolCode, year);
        access.requireWrite(schoolCode, school.regionCode);
        ETags.requireMatch(ifMatch, facts.version);
        SchoolYearFactsView before = SchoolYearFactsView.of(facts, school.regionCode);
        facts.delete();
        journal.record(RESOURCE_TYPE, key(schoolCode, year.code()), Operation.DELETE, school.regionCode, schoolCode,
                before, null);
    }

    private static SchoolYearFacts find(String schoolCode, SchoolYear year) {
        SchoolYearFacts facts = findOrNull(schoolCode, year);
        if (facts == null) {
            throw ProblemException.notFound("School " + schoolCode + " has no facts for " + year);
        }
        return facts;
    }

    private static SchoolYearFacts findOrNull(String schoolCode, SchoolYear year) {
        return SchoolYearFacts.<SchoolYearFacts>find("schoolCode = ?1 and schoolYear = ?2", schoolCode, year.code())
                .firstResult();
    }

    private static void apply(SchoolYearFacts f, SchoolYearFactsInput in) {
        f.grades.clear();
        int pupils = 0;
        int classes = 0;
        for (GradeCount g : in.grades()) {
            f.grades.add(new SchoolYearGrade(g.grade(), g.pupils(), g.classes()));
            pupils += g.pupils();
            classes += g.classes();
        }
        f.pupilsTotal = pupils;
        f.classesTotal = classes;
        ClassSizeCounts sizes = in.classSizes();
        f.classesOver45 = sizes == null ? null : sizes.classesOver45();
        f.classesOver50 = sizes == null ? null : sizes.classesOver50();
        f.classesOver55 = sizes == null ? null : sizes.classesOver55();
        f.classesOver65 = sizes == null ? null : sizes.classesOver65();
        f.teachingFloorArea = in.teachingFloorArea();
        f.supportFloorArea = in.supportFloorArea();
        f.sportsGroundArea = in.sportsGroundArea();
        f.equipmentValue = in.equipmentValue();
        f.multimediaClassrooms = in.multimediaClassrooms();
        f.musicRooms = in.musicRooms();
        f.artRooms = in.artRooms();
        f.source = in.source();
    }

    private static Object keyValue(String field, String text) {
        try {
            return switch (field) {
                case "updatedAt" -> OffsetDateTime.parse(text);
                case "id" -> Long.valueOf(text);
                default -> text;
            };
        } catch (RuntimeException e) {
            throw ProblemException.invalid("cursor", "invalid_cursor", "not a cursor of this collection");
        }
    }

    private static String keyText(String field, SchoolYearFacts f) {
        return switch (field) {
            case "school" -> f.schoolCode;
            case "schoolYear" -> f.schoolYear;
            case "updatedAt" -> f.updatedAt.toString();
            case "id" -> f.id.toString();
            default -> throw new IllegalArgumentException(field);
        };
    }
}
