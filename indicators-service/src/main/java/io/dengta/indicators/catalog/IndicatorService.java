package io.dengta.indicators.catalog;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * The indicator catalog: create-or-replace by code, filtered lists for every caller, deletes of indicators nothing
 * refers to. Writes lock the indicator's row, so concurrent writers queue instead of failing.
 */
@ApplicationScoped
public class IndicatorService {

    public static final String RESOURCE_TYPE = "indicator";
    static final List<String> SORTABLE = List.of("code", "name", "updatedAt");
    private static final KeysetQuery<Indicator> LIST = new KeysetQuery<>("from Indicator i", Map.of(
            "code", SortKey.text("i.code", i -> i.code),
            "name", SortKey.text("i.name", i -> i.name),
            "updatedAt", SortKey.instant("i.updatedAt", i -> i.updatedAt)), "code");

    private final WriteJournal journal;
    private final CatalogCache cache;

    public IndicatorService(WriteJournal journal, CatalogCache cache) {
        this.cache = cache;
        this.journal = journal;
    }

    /**
     * Filters of the indicator list; null means "any". {@code level} region or school also matches indicators of
     * level both; {@code stage} also matches indicators without stages (they apply to every stage); {@code source}
     * and {@code q} match parts of the text, ignoring case.
     */
    public record Filter(String unit, String direction, String level, String stage, String source, String q,
            OffsetDateTime updatedSince) {
    }

    public record PutResult(IndicatorView indicator, boolean created) {
    }

    public Page<IndicatorView> list(Filter filter, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.unit() != null) {
            where.append(" and i.unit = :unit");
            params.put("unit", filter.unit());
        }
        if (filter.direction() != null) {
            where.append(" and i.direction = :direction");
            params.put("direction", filter.direction());
        }
        if (filter.level() != null) {
            where.append(filter.level().equals("both") ? " and i.level = :level" : " and i.level in (:level, 'both')");
            params.put("level", filter.level());
        }
        if (filter.stage() != null) {
            // Hibernate's array_position is 1-based and 0 when absent; an indicator without stages has every stage
            where.append(" and (array_position(i.stages, :stage) > 0 or coalesce(array_length(i.stages), 0) = 0)");
            params.put("stage", filter.stage());
        }
        if (filter.source() != null) {
            where.append(" and lower(i.source) like :source escape '!'");
            params.put("source", "%" + likeEscaped(filter.source().toLowerCase()) + "%");
        }
        if (filter.q() != null) {
            where.append(" and (lower(i.code) like :q escape '!' or lower(i.name) like :q escape '!'"
                    + " or lower(i.nameEn) like :q escape '!')");
            params.put("q", "%" + likeEscaped(filter.q().toLowerCase()) + "%");
        }
        if (filter.updatedSince() != null) {
            where.append(" and i.updatedAt >= :updatedSince");
            params.put("updatedSince", filter.updatedSince());
        }
        return LIST.fetch(page, where.toString(), params,
                (jpql, p, max) -> Indicator.<Indicator>find(jpql, p).page(0, max).list(),
                (jpql, p) -> Indicator.count(jpql, p), IndicatorView::of);
    }

    public IndicatorView get(String code) {
        return IndicatorView.of(find(code).orElseThrow(() -> notFound(code)));
    }

    /** The catalog entry of {@code code}, for other features (observation ranges, scoring). */
    public Optional<Indicator> find(String code) {
        return Indicator.findByIdOptional(code);
    }

    /** Create-or-replace; an identical replacement changes nothing (same version, nothing journalled). */
    @Transactional
    public PutResult put(String code, IndicatorInput input, String ifMatch) {
        cache.changed();
        if (input.code() != null && !input.code().equals(code)) {
            throw ProblemException.invalid("/code", "mismatch", "the body's code " + input.code()
                    + " is not the code in the path, " + code);
        }
        IndicatorInput normalized = input.normalized(code);
        Indicator indicator = Indicator.findById(code, LockModeType.PESSIMISTIC_WRITE);
        boolean created = indicator == null;
        if (!created) {
            ETags.requireMatch(ifMatch, indicator.version);
        }
        List<FieldError> errors = IndicatorRules.check(normalized);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (!created && IndicatorInput.of(indicator).equals(normalized)) {
            return new PutResult(IndicatorView.of(indicator), false);
        }
        if (!created) {
            requireStandardsStillFit(code, normalized);
        }
        IndicatorView before = created ? null : IndicatorView.of(indicator);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (created) {
            indicator = new Indicator();
            indicator.code = code;
            indicator.createdAt = now;
        }
        apply(indicator, normalized);
        indicator.updatedAt = now;
        if (created) {
            indicator.persist();
        }
        Indicator.getEntityManager().flush();
        IndicatorView after = IndicatorView.of(indicator);
        journal.record(RESOURCE_TYPE, code, Operation.UPSERT, null, null, before, after);
        return new PutResult(after, created);
    }

    /** Deletes an indicator nothing refers to; one that standards or framework versions use is a 409. */
    @Transactional
    public void delete(String code, String ifMatch) {
        cache.changed();
        Indicator indicator = Indicator.findById(code, LockModeType.PESSIMISTIC_WRITE);
        if (indicator == null) {
            throw notFound(code);
        }
        ETags.requireMatch(ifMatch, indicator.version);
        long standards = Standard.count("indicatorCode", code);
        @SuppressWarnings("unchecked")
        List<String> frameworks = Indicator.getEntityManager().createNativeQuery("""
                select distinct v.framework_code || ' ' || v.effective_from_year from framework_indicator fi
                join framework_version v on v.id = fi.version_id where fi.indicator_code = ?1 order by 1""")
                .setParameter(1, code).getResultList();
        if (standards > 0 || !frameworks.isEmpty()) {
            throw ProblemException.conflict("Indicator " + code + " is still used by " + standards + " standard(s)"
                    + (frameworks.isEmpty() ? "" : " and framework version(s) " + String.join(", ", frameworks))
                    + "; delete or change those first");
        }
        IndicatorView before = IndicatorView.of(indicator);
        indicator.delete();
        Indicator.getEntityManager().flush();
        journal.record(RESOURCE_TYPE, code, Operation.DELETE, null, null, before, null);
    }

    /** Its standards must stay within a replacement's range and stages (409 naming them otherwise). */
    private static void requireStandardsStillFit(String code, IndicatorInput replacement) {
        Indicator candidate = new Indicator();
        candidate.code = code;
        apply(candidate, replacement);
        List<String> misfits = new ArrayList<>();
        for (Standard standard : Standard.<Standard>list("indicatorCode", code)) {
            List<FieldError> errors = StandardRules.check(StandardInput.of(standard), candidate);
            if (!errors.isEmpty()) {
                misfits.add(standard.id + " (" + standard.jurisdiction + ", from " + standard.fromYear + ": "
                        + String.join("; ", errors.stream().map(FieldError::message).toList()) + ")");
            }
        }
        if (!misfits.isEmpty()) {
            throw ProblemException.conflict("The replacement would leave standards of " + code + " outside its range "
                    + "or stages: " + String.join(", ", misfits) + "; change those standards first");
        }
    }

    static ProblemException notFound(String code) {
        return ProblemException.notFound("Indicator " + code + " not found");
    }

    private static void apply(Indicator i, IndicatorInput in) {
        i.name = in.name();
        i.nameEn = in.nameEn();
        i.unit = in.unit();
        i.decimals = in.decimals();
        i.direction = in.direction();
        i.level = in.level();
        i.stages = List.copyOf(in.stages());
        i.aggregation = in.aggregation();
        i.definition = in.definition();
        i.source = in.source();
        i.minValue = in.minValue();
        i.maxValue = in.maxValue();
    }

    /** The text with LIKE's wildcards taken literally, for {@code like … escape '!'}. */
    public static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
