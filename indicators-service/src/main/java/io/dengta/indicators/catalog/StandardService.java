package io.dengta.indicators.catalog;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

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

/**
 * Standards: created with a server id, replaced and deleted under If-Match. Every write locks the indicator's
 * catalog row first, so two writers cannot both pass the overlap check for the same indicator; locks are taken
 * standard first, then indicators in code order, so writers never deadlock.
 */
@ApplicationScoped
public class StandardService {

    public static final String RESOURCE_TYPE = "standard";
    static final List<String> SORTABLE = List.of("indicator", "jurisdiction", "fromYear", "updatedAt", "id");
    private static final KeysetQuery<Standard> LIST = new KeysetQuery<>("from Standard s", Map.of(
            "indicator", SortKey.text("s.indicatorCode", s -> s.indicatorCode),
            "jurisdiction", SortKey.text("s.jurisdiction", s -> s.jurisdiction),
            "fromYear", new SortKey<Standard>("s.fromYear", s -> s.fromYear, Integer::valueOf),
            "updatedAt", SortKey.instant("s.updatedAt", s -> s.updatedAt),
            "id", new SortKey<Standard>("s.id", s -> s.id, UUID::fromString)), "id");

    private final WriteJournal journal;
    private final CatalogCache cache;

    public StandardService(WriteJournal journal, CatalogCache cache) {
        this.cache = cache;
        this.journal = journal;
    }

    /** Filters of the standard list; null means "any". {@code stage} also matches standards for every stage. */
    public record Filter(String indicator, String jurisdiction, String stage, Integer year, String verified,
            OffsetDateTime updatedSince) {
    }

    public record Applicable(StandardRules.Resolution resolution, boolean indicatorExists) {
    }

    public Page<StandardView> list(Filter filter, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.indicator() != null) {
            where.append(" and s.indicatorCode = :indicator");
            params.put("indicator", filter.indicator());
        }
        if (filter.jurisdiction() != null) {
            where.append(" and s.jurisdiction = :jurisdiction");
            params.put("jurisdiction", filter.jurisdiction());
        }
        if (filter.stage() != null) {
            where.append(" and (array_position(s.stages, :stage) > 0 or coalesce(array_length(s.stages), 0) = 0)");
            params.put("stage", filter.stage());
        }
        if (filter.year() != null) {
            where.append(" and s.fromYear <= :year and (s.toYear is null or s.toYear >= :year)");
            params.put("year", filter.year());
        }
        if (filter.verified() != null) {
            where.append(" and s.verified = :verified");
            params.put("verified", filter.verified());
        }
        if (filter.updatedSince() != null) {
            where.append(" and s.updatedAt >= :updatedSince");
            params.put("updatedSince", filter.updatedSince());
        }
        return LIST.fetch(page, where.toString(), params,
                (jpql, p, max) -> Standard.<Standard>find(jpql, p).page(0, max).list(),
                (jpql, p) -> Standard.count(jpql, p), StandardView::of);
    }

    public StandardView get(UUID id) {
        Standard standard = Standard.findById(id);
        if (standard == null) {
            throw notFound(id);
        }
        return StandardView.of(standard);
    }

    /** The standard that applies to a region, year and stage (see {@link StandardRules#applicable}). */
    public Applicable applicable(String indicatorCode, String region, int year, String stage) {
        if (Indicator.findById(indicatorCode) == null) {
            return new Applicable(null, false);
        }
        List<StandardView> standards = Standard.<Standard>list("indicatorCode", indicatorCode).stream()
                .map(StandardView::of).toList();
        return new Applicable(StandardRules.applicable(standards, region, year, stage), true);
    }

    @Transactional
    public StandardView create(StandardInput input) {
        cache.changed();
        StandardInput normalized = input.normalized();
        Indicator indicator = lockIndicators(normalized.indicator());
        check(normalized, indicator, null);
        Standard standard = new Standard();
        standard.id = UUID.randomUUID();
        standard.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        apply(standard, normalized);
        standard.updatedAt = standard.createdAt;
        standard.persist();
        Standard.getEntityManager().flush();
        StandardView after = StandardView.of(standard);
        journal.record(RESOURCE_TYPE, standard.id.toString(), Operation.UPSERT, null, null, null, after);
        return after;
    }

    /** Replaces a standard; an identical replacement changes nothing. */
    @Transactional
    public StandardView replace(UUID id, StandardInput input, String ifMatch) {
        cache.changed();
        Standard standard = Standard.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (standard == null) {
            throw notFound(id);
        }
        ETags.requireMatch(ifMatch, standard.version);
        StandardInput normalized = input.normalized();
        Indicator indicator = lockIndicators(normalized.indicator(), standard.indicatorCode);
        check(normalized, indicator, id);
        if (StandardInput.of(standard).equals(normalized)) {
            return StandardView.of(standard);
        }
        StandardView before = StandardView.of(standard);
        apply(standard, normalized);
        standard.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        Standard.getEntityManager().flush();
        StandardView after = StandardView.of(standard);
        journal.record(RESOURCE_TYPE, id.toString(), Operation.UPSERT, null, null, before, after);
        return after;
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        cache.changed();
        Standard standard = Standard.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (standard == null) {
            throw notFound(id);
        }
        ETags.requireMatch(ifMatch, standard.version);
        StandardView before = StandardView.of(standard);
        standard.delete();
        Standard.getEntityManager().flush();
        journal.record(RESOURCE_TYPE, id.toString(), Operation.DELETE, null, null, before, null);
    }

    /** Locks the catalog rows of the codes (in code order) and returns the first code's indicator, or null. */
    private static Indicator lockIndicators(String wanted, String... others) {
        Indicator result = null;
        for (String code : Stream.concat(Stream.of(wanted), Stream.of(others)).distinct().sorted().toList()) {
            Indicator locked = Indicator.findById(code, LockModeType.PESSIMISTIC_WRITE);
            if (code.equals(wanted)) {
                result = locked;
            }
        }
        return result;
    }

    private static void check(StandardInput input, Indicator indicator, UUID self) {
        List<FieldError> errors = StandardRules.check(input, indicator);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        for (Standard other : Standard.<Standard>list("indicatorCode = ?1 and jurisdiction = ?2", input.indicator(),
                input.jurisdiction())) {
            if (!other.id.equals(self) && StandardRules.overlaps(input, other)) {
                throw ProblemException.conflict("The standard overlaps standard " + other.id + " of " + other.indicatorCode
                        + " in " + other.jurisdiction + " (" + describe(other) + "): only one standard per "
                        + "indicator, jurisdiction and stage may be in force in a year; give that one a toYear first, "
                        + "or change the years or stages");
            }
        }
    }

    private static String describe(Standard s) {
        return (s.stages.isEmpty() ? "every stage" : String.join("+", s.stages)) + ", " + s.fromYear + "–"
                + (s.toYear == null ? "open" : s.toYear.toString());
    }

    private static void apply(Standard s, StandardInput in) {
        s.indicatorCode = in.indicator();
        s.jurisdiction = in.jurisdiction();
        s.stages = List.copyOf(in.stages());
        s.comparator = in.comparator();
        s.value = in.value();
        s.valueHigh = in.valueHigh();
        s.fromYear = in.fromYear();
        s.toYear = in.toYear();
        s.source = in.source();
        s.verified = in.verified();
        s.note = in.note();
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("Standard " + id + " not found");
    }
}
