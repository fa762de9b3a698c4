package io.dengta.indicators.framework;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dengta.commons.etag.ETags;
import io.dengta.commons.journal.Operation;
import io.dengta.commons.journal.WriteJournal;
import io.dengta.commons.paging.KeysetQuery;
import io.dengta.commons.paging.Page;
import io.dengta.commons.paging.PageRequest;
import io.dengta.commons.paging.SortKey;
import io.dengta.commons.problem.FieldError;
import io.dengta.commons.problem.ProblemException;
import io.dengta.indicators.catalog.CatalogCache;
import io.dengta.indicators.catalog.Indicator;
import io.dengta.indicators.catalog.IndicatorService;
import io.dengta.indicators.framework.FrameworkVersionInput.Dimension;
import io.dengta.indicators.framework.FrameworkVersionInput.Item;

/**
 * Frameworks and their dated versions. A version write locks its framework's row first (so writers of one framework
 * queue) and touches it, so the framework's ETag changes with its version list.
 */
@ApplicationScoped
public class FrameworkService {

    public static final String RESOURCE_TYPE = "framework";
    public static final String VERSION_RESOURCE_TYPE = "framework-version";
    /** Lower-case words joined by hyphens, 3 to 64 characters, e.g. js-modernization-2013. */
    public static final String CODE_PATTERN = "(?=.{3,64}$)[a-z][a-z0-9]*(-[a-z0-9]+)*";
    static final List<String> SORTABLE = List.of("code", "name", "updatedAt");
    private static final KeysetQuery<Framework> LIST = new KeysetQuery<>("from Framework f", Map.of(
            "code", SortKey.text("f.code", f -> f.code),
            "name", SortKey.text("f.name", f -> f.name),
            "updatedAt", SortKey.instant("f.updatedAt", f -> f.updatedAt)), "code");
    private static final TypeReference<List<Dimension>> TREE = new TypeReference<>() {
    };

    private final WriteJournal journal;
    private final CatalogCache cache;
    private final ObjectMapper json;

    public FrameworkService(WriteJournal journal, ObjectMapper json, CatalogCache cache) {
        this.cache = cache;
        this.journal = journal;
        this.json = json;
    }

    /** Filters of the framework list; null means "any". {@code q} matches part of the code, name or English name. */
    public record Filter(String jurisdiction, String q, OffsetDateTime updatedSince) {
    }

    public record PutResult<V>(V view, boolean created) {
    }

    public Page<FrameworkView> list(Filter filter, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.jurisdiction() != null) {
            where.append(" and f.jurisdiction = :jurisdiction");
            params.put("jurisdiction", filter.jurisdiction());
        }
        if (filter.q() != null) {
            where.append(" and (lower(f.code) like :q escape '!' or lower(f.name) like :q escape '!'"
                    + " or lower(f.nameEn) like :q escape '!')");
            params.put("q", "%" + IndicatorService.likeEscaped(filter.q().toLowerCase()) + "%");
        }
        if (filter.updatedSince() != null) {
            where.append(" and f.updatedAt >= :updatedSince");
            params.put("updatedSince", filter.updatedSince());
        }
        Page<Framework> frameworks = LIST.fetch(page, where.toString(), params,
                (jpql, p, max) -> Framework.<Framework>find(jpql, p).page(0, max).list(),
                (jpql, p) -> Framework.count(jpql, p), Function.identity());
        Map<String, List<FrameworkVersion>> versions = frameworks.items().isEmpty() ? Map.of()
                : FrameworkVersion.<FrameworkVersion>list("frameworkCode in ?1 order by effectiveFromYear",
                        frameworks.items().stream().map(f -> f.code).toList())
                        .stream().collect(Collectors.groupingBy(v -> v.frameworkCode));
        return frameworks.map(f -> view(f, versions.getOrDefault(f.code, List.of()), null));
    }

    /** The framework with its version summaries, and the version in force in {@code year} when one is given. */
    public FrameworkView get(String code, Integer year) {
        Framework framework = Framework.findById(code);
        if (framework == null) {
            throw notFound(code);
        }
        List<FrameworkVersion> versions = versionsOf(code);
        FrameworkVersionView inForce = null;
        if (year != null) {
            inForce = inForce(code, year).orElseThrow(() -> ProblemException.notFound("No version of framework " + code
                    + " is in force in " + year + (versions.isEmpty() ? "; it has no versions yet"
                            : "; its first version is from " + versions.get(0).effectiveFromYear)));
        }
        return view(framework, versions, inForce);
    }

    /** The version of {@code code} in force in {@code year}: the latest one effective from that year or before. */
    public Optional<FrameworkVersionView> inForce(String code, int year) {
        FrameworkVersion version = FrameworkVersion.<FrameworkVersion>find(
                "frameworkCode = ?1 and effectiveFromYear <= ?2 order by effectiveFromYear desc", code, year)
                .firstResult();
        return Optional.ofNullable(version).map(this::view);
    }

    public FrameworkVersionView getVersion(String code, int year) {
        return view(version(code, year, false));
    }

    /** Create-or-replace; an identical replacement changes nothing. */
    @Transactional
    public PutResult<FrameworkView> put(String code, FrameworkInput input, String ifMatch) {
        cache.changed();
        if (input.code() != null && !input.code().equals(code)) {
            throw ProblemException.invalid("/code", "mismatch", "the body's code " + input.code()
                    + " is not the code in the path, " + code);
        }
        Framework framework = Framework.findById(code, LockModeType.PESSIMISTIC_WRITE);
        boolean created = framework == null;
        if (!created) {
            ETags.requireMatch(ifMatch, framework.version);
            if (FrameworkInput.of(framework).equals(input.withCode(code))) {
                return new PutResult<>(view(framework, versionsOf(code), null), false);
            }
        }
        List<FrameworkVersion> versions = created ? List.of() : versionsOf(code);
        FrameworkView before = created ? null : view(framework, versions, null);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (created) {
            framework = new Framework();
            framework.code = code;
            framework.createdAt = now;
        }
        framework.name = input.name();
        framework.nameEn = input.nameEn();
        framework.description = input.description();
        framework.jurisdiction = input.jurisdiction();
        framework.source = input.source();
        framework.updatedAt = now;
        if (created) {
            framework.persist();
        }
        Framework.getEntityManager().flush();
        FrameworkView after = view(framework, versions, null);
        journal.record(RESOURCE_TYPE, code, Operation.UPSERT, null, null, before, after);
        return new PutResult<>(after, created);
    }

    /** Deletes a framework without versions; one with versions is a 409 (delete them first). */
    @Transactional
    public void delete(String code, String ifMatch) {
        cache.changed();
        Framework framework = Framework.findById(code, LockModeType.PESSIMISTIC_WRITE);
        if (framework == null) {
            throw notFound(code);
        }
        ETags.requireMatch(ifMatch, framework.version);
        List<FrameworkVersion> versions = versionsOf(code);
        if (!versions.isEmpty()) {
            throw ProblemException.conflict("Framework " + code + " still has versions effective from "
                    + versions.stream().map(v -> String.valueOf(v.effectiveFromYear)).collect(Collectors.joining(", "))
                    + "; delete them first");
        }
        FrameworkView before = view(framework, versions, null);
        framework.delete();
        Framework.getEntityManager().flush();
        journal.record(RESOURCE_TYPE, code, Operation.DELETE, null, null, before, null);
    }

    /** Create-or-replace the version effective from {@code year}; an identical replacement changes nothing. */
    @Transactional
    public PutResult<FrameworkVersionView> putVersion(String code, int year, FrameworkVersionInput input,
            String ifMatch) {
        cache.changed();
        if (input.effectiveFromYear() != null && input.effectiveFromYear() != year) {
            throw ProblemException.invalid("/effectiveFromYear", "mismatch", "the body's year "
                    + input.effectiveFromYear() + " is not the year in the path, " + year);
        }
        Framework framework = Framework.findById(code, LockModeType.PESSIMISTIC_WRITE);
        if (framework == null) {
            throw ProblemException.notFound("Framework " + code + " not found; create it first with PUT "
                    + "/indicators/v1/frameworks/" + code);
        }
        FrameworkVersion version = version(code, year, true);
        boolean created = version == null;
        if (!created) {
            ETags.requireMatch(ifMatch, version.version);
        }
        FrameworkVersionInput normalized = input.normalized(year);
        List<Item> leaves = FrameworkRules.leaves(normalized.dimensions());
        Map<String, Indicator> catalog = catalog(leaves);
        Map<String, String> directions = new HashMap<>();
        Map<String, List<String>> stages = new HashMap<>();
        catalog.forEach((c, i) -> {
            directions.put(c, i.direction);
            stages.put(c, i.stages);
        });
        List<FieldError> errors = FrameworkRules.check(normalized, directions, stages);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (!created && equalContent(version, normalized)) {
            return new PutResult<>(view(version), false);
        }
        FrameworkVersionView before = created ? null : view(version);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (created) {
            version = new FrameworkVersion();
            version.id = UUID.randomUUID();
            version.frameworkCode = code;
            version.effectiveFromYear = year;
            version.createdAt = now;
        }
        version.source = normalized.source();
        version.note = normalized.note();
        version.dimensions = write(normalized.dimensions());
        version.totalWeight = FrameworkRules.HUNDRED;
        version.updatedAt = now;
        if (created) {
            version.persist();
        }
        framework.updatedAt = now;
        EntityManager em = FrameworkVersion.getEntityManager();
        em.flush();
        em.createNativeQuery("delete from framework_indicator where version_id = ?1").setParameter(1, version.id)
                .executeUpdate();
        for (Item leaf : leaves) {
            em.createNativeQuery("""
                    insert into framework_indicator (version_id, indicator_code, weight, illustrative_weight)
                    values (?1, ?2, ?3, ?4)""")
                    .setParameter(1, version.id).setParameter(2, leaf.indicator()).setParameter(3, leaf.weight())
                    .setParameter(4, leaf.illustrativeWeight()).executeUpdate();
        }
        FrameworkVersionView after = view(version);
        journal.record(VERSION_RESOURCE_TYPE, code + "/" + year, Operation.UPSERT, null, null, before, after);
        return new PutResult<>(after, created);
    }

    @Transactional
    public void deleteVersion(String code, int year, String ifMatch) {
        cache.changed();
        Framework framework = Framework.findById(code, LockModeType.PESSIMISTIC_WRITE);
        if (framework == null) {
            throw notFound(code);
        }
        FrameworkVersion version = version(code, year, false);
        ETags.requireMatch(ifMatch, version.version);
        FrameworkVersionView before = view(version);
        version.delete();
        framework.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        Framework.getEntityManager().flush();
        journal.record(VERSION_RESOURCE_TYPE, code + "/" + year, Operation.DELETE, null, null, before, null);
    }

    private static FrameworkVersion version(String code, int year, boolean orNull) {
        FrameworkVersion version = FrameworkVersion.<FrameworkVersion>find(
                "frameworkCode = ?1 and effectiveFromYear = ?2", code, year).firstResult();
        if (version == null && !orNull) {
            throw ProblemException.notFound("Framework " + code + " has no version effective from " + year);
        }
        return version;
    }

    private static List<FrameworkVersion> versionsOf(String code) {
        return FrameworkVersion.list("frameworkCode = ?1 order by effectiveFromYear", code);
    }

    private static Map<String, Indicator> catalog(List<Item> leaves) {
        List<String> codes = leaves.stream().map(Item::indicator).filter(c -> c != null).distinct().toList();
        if (codes.isEmpty()) {
            return Map.of();
        }
        return Indicator.<Indicator>list("code in ?1", codes).stream()
                .collect(Collectors.toMap(i -> i.code, Function.identity()));
    }

    private boolean equalContent(FrameworkVersion stored, FrameworkVersionInput normalized) {
        return Objects.equals(stored.source, normalized.source())
                && Objects.equals(stored.note, normalized.note())
                && read(stored.dimensions).equals(normalized.dimensions());
    }

    private FrameworkView view(Framework f, List<FrameworkVersion> versions, FrameworkVersionView inForce) {
        List<FrameworkView.VersionSummary> summaries = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            FrameworkVersion v = versions.get(i);
            List<Item> leaves = FrameworkRules.leaves(read(v.dimensions));
            summaries.add(new FrameworkView.VersionSummary(v.effectiveFromYear,
                    i + 1 < versions.size() ? versions.get(i + 1).effectiveFromYear - 1 : null, leaves.size(),
                    sum(leaves, true), v.version, v.updatedAt));
        }
        return new FrameworkView(f.code, f.name, f.nameEn, f.description, f.jurisdiction, f.source,
                summaries, inForce, f.version, f.createdAt, f.updatedAt);
    }

    private FrameworkVersionView view(FrameworkVersion v) {
        List<Dimension> tree = read(v.dimensions);
        List<Item> leaves = FrameworkRules.leaves(tree);
        Map<String, Indicator> catalog = catalog(leaves);
        FrameworkVersion next = FrameworkVersion.<FrameworkVersion>find(
                "frameworkCode = ?1 and effectiveFromYear > ?2 order by effectiveFromYear", v.frameworkCode,
                v.effectiveFromYear).firstResult();
        BigDecimal illustrative = sum(leaves, true);
        BigDecimal confirmed = sum(leaves, false);
        return new FrameworkVersionView(v.frameworkCode, v.effectiveFromYear,
                next == null ? null : next.effectiveFromYear - 1, v.source, v.note, dimensionViews(tree, catalog),
                new FrameworkVersionView.Weights(confirmed.add(illustrative), confirmed, illustrative), leaves.size(),
                v.version, v.createdAt, v.updatedAt);
    }

    private static List<FrameworkVersionView.DimensionView> dimensionViews(List<Dimension> dimensions,
            Map<String, Indicator> catalog) {
        List<FrameworkVersionView.DimensionView> views = new ArrayList<>();
        for (Dimension d : dimensions) {
            List<FrameworkVersionView.IndicatorView> items = new ArrayList<>();
            for (Item i : d.indicators()) {
                Indicator indicator = catalog.get(i.indicator());
                items.add(new FrameworkVersionView.IndicatorView(i.indicator(),
                        indicator == null ? null : indicator.name, indicator == null ? null : indicator.unit,
                        indicator == null ? null : indicator.direction, i.weight(), i.scoring(), i.target(),
                        Boolean.TRUE.equals(i.useStandard()), i.band(), Boolean.TRUE.equals(i.illustrativeWeight()),
                        i.note(), i.stage()));
            }
            List<Item> below = FrameworkRules.leaves(List.of(d));
            views.add(new FrameworkVersionView.DimensionView(d.code(), d.name(), d.nameEn(),
                    below.stream().map(Item::weight).reduce(BigDecimal.ZERO, BigDecimal::add),
                    dimensionViews(d.dimensions(), catalog), items));
        }
        return views;
    }

    private static BigDecimal sum(List<Item> leaves, boolean illustrative) {
        return leaves.stream().filter(i -> Boolean.TRUE.equals(i.illustrativeWeight()) == illustrative)
                .map(Item::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private List<Dimension> read(String tree) {
        try {
            return json.readValue(tree, TREE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored framework tree could not be read", e);
        }
    }

    private String write(List<Dimension> tree) {
        try {
            return json.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A framework tree could not be written", e);
        }
    }

    private static ProblemException notFound(String code) {
        return ProblemException.notFound("Framework " + code + " not found");
    }
}
