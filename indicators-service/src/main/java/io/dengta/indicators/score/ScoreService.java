package io.dengta.indicators.score;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dengta.commons.problem.ProblemException;
import io.dengta.indicators.catalog.CatalogCache;
import io.dengta.indicators.catalog.Indicator;
import io.dengta.indicators.catalog.Jurisdictions;
import io.dengta.indicators.catalog.Standard;
import io.dengta.indicators.catalog.StandardRules;
import io.dengta.indicators.catalog.StandardView;
import io.dengta.indicators.framework.Framework;
import io.dengta.indicators.framework.FrameworkRules;
import io.dengta.indicators.framework.FrameworkVersion;
import io.dengta.indicators.framework.FrameworkVersionInput.Dimension;
import io.dengta.indicators.framework.FrameworkVersionInput.Item;
import io.dengta.commons.period.Period;
import io.dengta.indicators.score.ScoreCalculator.Outcome;
import io.dengta.indicators.score.ScoreCalculator.Status;
import io.dengta.indicators.score.ScoreCalculator.Total;
import io.dengta.indicators.score.ScoreCalculator.Weighted;

/**
 * Scores regions on a framework version. Set-based: one query for every leaf's value of every region asked for,
 * however many indicators and regions there are; the framework, its version, the leaves' catalog entries and their
 * standards (four more queries) come from the {@link CatalogCache}.
 */
@ApplicationScoped
public class ScoreService {

    private static final TypeReference<List<Dimension>> TREE = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper json;
    private final CatalogCache cache;

    public ScoreService(EntityManager em, ObjectMapper json, CatalogCache cache) {
        this.em = em;
        this.json = json;
        this.cache = cache;
    }

    /** What scoring reads of a leaf's catalog entry (immutable: it is cached). */
    public record Catalogued(String name, String unit, String direction, List<String> stages) {

        static Catalogued of(Indicator i) {
            return new Catalogued(i.name, i.unit, i.direction, i.stages == null ? List.of() : List.copyOf(i.stages));
        }
    }

    /** A leaf with its catalog facts and the code of the dimension that holds it. */
    public record Leaf(Item item, String dimension, Catalogued indicator) {

        public String code() {
            return item.indicator();
        }

        public String direction() {
            return indicator == null ? "higher-better" : indicator.direction();
        }

        public List<String> stages() {
            return indicator == null ? List.of() : indicator.stages();
        }
    }

    /**
     * A framework version ready to score: its tree and its leaves in tree order, with the standards of the leaves
     * that use them. Immutable, so it is cached ({@link CatalogCache}) until the catalog changes.
     */
    public record Scorable(String frameworkCode, String frameworkName, int versionYear, List<Dimension> tree,
            List<Leaf> leaves, Map<String, List<StandardView>> standards) {
    }

    /** One leaf scored for one region. */
    public record LeafResult(Leaf leaf, String stage, BigDecimal value, String valueStatus,
            ScoreCalculator.Target target, StandardView standard, Outcome outcome) {
    }

    public record RegionResult(String region, Map<String, LeafResult> byIndicator, Total total) {
    }

    /**
     * The framework's version in force in the period's (start) year, or the one effective from {@code versionYear}.
     * 404 when the framework or the version does not exist.
     */
    public Scorable scorable(String frameworkCode, Integer versionYear, Period period) {
        int year = versionYear != null ? versionYear : period.year();
        return cache.get(new ScorableKey(frameworkCode, versionYear != null, year),
                () -> load(frameworkCode, versionYear, period));
    }

    private record ScorableKey(String framework, boolean exactVersion, int year) {
    }

    private Scorable load(String frameworkCode, Integer versionYear, Period period) {
        Framework framework = Framework.findById(frameworkCode);
        if (framework == null) {
            throw ProblemException.notFound("Framework " + frameworkCode + " not found");
        }
        FrameworkVersion version = versionYear != null
                ? FrameworkVersion.<FrameworkVersion>find("frameworkCode = ?1 and effectiveFromYear = ?2", frameworkCode,
                        versionYear).firstResult()
                : FrameworkVersion.<FrameworkVersion>find(
                        "frameworkCode = ?1 and effectiveFromYear <= ?2 order by effectiveFromYear desc", frameworkCode,
                        period.year()).firstResult();
        if (version == null) {
            throw ProblemException.notFound(versionYear != null
                    ? "Framework " + frameworkCode + " has no version effective from " + versionYear
                    : "No version of framework " + frameworkCode + " is in force in " + period.year());
        }
        List<Dimension> tree = read(version.dimensions);
        List<String> codes = FrameworkRules.leaves(tree).stream().map(Item::indicator).toList();
        Map<String, Catalogued> catalog = Indicator.<Indicator>list("code in ?1", codes).stream()
                .collect(Collectors.toMap(i -> i.code, Catalogued::of));
        List<Leaf> leaves = new ArrayList<>();
        collect(tree, catalog, leaves);
        List<String> withStandard = leaves.stream().filter(l -> Boolean.TRUE.equals(l.item().useStandard()))
                .map(Leaf::code).toList();
        Map<String, List<StandardView>> standards = withStandard.isEmpty() ? Map.of()
                : Standard.<Standard>list("indicatorCode in ?1", withStandard).stream().map(StandardView::of)
                        .collect(Collectors.groupingBy(StandardView::indicator));
        return new Scorable(framework.code, framework.name, version.effectiveFromYear, List.copyOf(tree),
                List.copyOf(leaves), Map.copyOf(standards));
    }

    private static void collect(List<Dimension> dimensions, Map<String, Catalogued> catalog, List<Leaf> into) {
        for (Dimension d : dimensions) {
            collect(d.dimensions(), catalog, into);
            for (Item item : d.indicators()) {
                into.add(new Leaf(item, d.code(), catalog.get(item.indicator())));
            }
        }
    }

    /** A value row as scoring reads it. */
    public record ValueRow(String indicator, String region, String stage, BigDecimal value, String status) {
    }

    /** Every leaf's values of every region for the period: one query. */
    public List<ValueRow> values(Scorable s, Period period, List<String> regions) {
        List<String> codes = s.leaves().stream().map(Leaf::code).toList();
        if (codes.isEmpty() || regions.isEmpty()) {
            return List.of();
        }
        return em.createQuery("""
                select o.indicatorCode, o.unitCode, o.stage, o.value, o.status from Observation o
                where o.indicatorCode in :indicators and o.periodCode = :period and o.unitCode in :regions
                  and o.deletedAt is null""", Object[].class)
                .setParameter("indicators", codes)
                .setParameter("period", period.code())
                .setParameter("regions", regions)
                .getResultList().stream()
                .map(r -> new ValueRow((String) r[0], (String) r[1], (String) r[2], (BigDecimal) r[3], (String) r[4]))
                .toList();
    }

    /**
     * @param visible whether a value of a region with a status may count for this caller
     */
    public Map<String, RegionResult> score(Scorable s, Period period, String stage, List<String> regions,
            BiPredicate<String, String> visible) {
        Map<String, Map<String, ValueRow>> byRegion = new HashMap<>();
        for (ValueRow row : values(s, period, regions)) {
            if (visible.test(row.region(), row.status())) {
                byRegion.computeIfAbsent(row.region(), r -> new HashMap<>())
                        .put(row.indicator() + "\n" + row.stage(), row);
            }
        }
        Map<String, RegionResult> results = new LinkedHashMap<>();
        for (String region : regions) {
            Map<String, ValueRow> values = byRegion.getOrDefault(region, Map.of());
            Map<String, LeafResult> leaves = new LinkedHashMap<>();
            List<Weighted> weighted = new ArrayList<>();
            for (Leaf leaf : s.leaves()) {
                LeafResult result = scoreLeaf(s, leaf, region, period.year(), stage, values);
                leaves.put(leaf.code(), result);
                weighted.add(new Weighted(leaf.item().weight(), result.outcome()));
            }
            results.put(region, new RegionResult(region, leaves, ScoreCalculator.total(weighted)));
        }
        return results;
    }

    private static LeafResult scoreLeaf(Scorable s, Leaf leaf, String region, int year, String stage,
            Map<String, ValueRow> values) {
        Item item = leaf.item();
        StageChoice choice = StageChoice.of(leaf.stages(), item.stage(), stage);
        if (choice.stageRequired()) {
            return new LeafResult(leaf, null, null, null, null, null, Outcome.notScored(Status.STAGE_REQUIRED,
                    "reported per stage (" + String.join(", ", leaf.stages()) + "): ask with stage=one of them"));
        }
        ValueRow row = null;
        for (String stored : choice.storedStages()) {
            row = values.get(leaf.code() + "\n" + stored);
            if (row != null) {
                break;
            }
        }
        String valueStage = row == null ? choice.stage() : row.stage().isEmpty() ? null : row.stage();
        BigDecimal value = row == null ? null : row.value();
        ScoreCalculator.Target target = null;
        StandardView standard = null;
        String problem = null;
        if (Boolean.TRUE.equals(item.useStandard())) {
            StandardRules.Resolution resolution = StandardRules.applicable(
                    s.standards().getOrDefault(leaf.code(), List.of()), region, year, choice.stage());
            if (resolution.ambiguous()) {
                problem = "its standards for " + region + " differ by stage: ask with stage=one of "
                        + String.join(", ", resolution.stagesToChooseFrom());
            } else if (resolution.standard() != null) {
                standard = resolution.standard();
                target = new ScoreCalculator.Target(standard.comparator(), standard.value(), standard.valueHigh(),
                        "standard");
            }
        } else {
            target = ScoreCalculator.frameworkTarget(item.target(), leaf.direction());
        }
        ScoreCalculator.Band band = item.band() == null ? null
                : new ScoreCalculator.Band(item.band().low(), item.band().high(), item.band().zeroDistance());
        Outcome outcome = problem != null && value != null ? Outcome.notScored(Status.STAGE_REQUIRED, problem)
                : ScoreCalculator.score(item.scoring(), leaf.direction(), item.weight(), value, target, band);
        if (outcome.status() == Status.NO_TARGET && Boolean.TRUE.equals(item.useStandard())) {
            outcome = Outcome.notScored(Status.NO_TARGET, "no standard of " + leaf.code() + " applies to " + region
                    + " in " + year + (choice.stage() == null ? "" : " for " + choice.stage()));
        }
        return new LeafResult(leaf, valueStage, value, row == null ? null : row.status(), target, standard, outcome);
    }

    /** The API's view of one region's result. */
    public ScoresView.RegionScore view(Scorable s, RegionResult r) {
        List<ScoresView.Missing> missing = new ArrayList<>();
        for (LeafResult leaf : r.byIndicator().values()) {
            if (!leaf.outcome().scored()) {
                missing.add(new ScoresView.Missing(leaf.leaf().code(), leaf.leaf().dimension(),
                        leaf.leaf().item().weight(), leaf.outcome().status().code(), leaf.outcome().message()));
            }
        }
        missing.sort(Comparator.comparing(ScoresView.Missing::weight).reversed());
        Total t = r.total();
        return new ScoresView.RegionScore(r.region(), ScoreCalculator.rounded(t.score(), 2), t.coveredWeight(),
                t.missingWeight(), t.complete(), ScoreCalculator.rounded(t.pointsEarned(), 4),
                ScoreCalculator.rounded(t.pointsLost(), 4), missing, dimensions(s.tree(), r));
    }

    private static List<ScoresView.DimensionScore> dimensions(List<Dimension> dimensions, RegionResult r) {
        List<ScoresView.DimensionScore> views = new ArrayList<>();
        for (Dimension d : dimensions) {
            List<Weighted> below = FrameworkRules.leaves(List.of(d)).stream()
                    .map(i -> new Weighted(i.weight(), r.byIndicator().get(i.indicator()).outcome())).toList();
            Total t = ScoreCalculator.total(below);
            views.add(new ScoresView.DimensionScore(d.code(), d.name(), d.nameEn(),
                    t.coveredWeight().add(t.missingWeight()), ScoreCalculator.rounded(t.score(), 2), t.coveredWeight(),
                    ScoreCalculator.rounded(t.pointsEarned(), 4), ScoreCalculator.rounded(t.pointsLost(), 4),
                    d.dimensions().isEmpty() ? null : dimensions(d.dimensions(), r),
                    d.indicators().isEmpty() ? null
                            : d.indicators().stream().map(i -> indicator(r.byIndicator().get(i.indicator()))).toList()));
        }
        return views;
    }

    public static ScoresView.IndicatorScore indicator(LeafResult l) {
        Item item = l.leaf().item();
        Catalogued indicator = l.leaf().indicator();
        return new ScoresView.IndicatorScore(item.indicator(), indicator == null ? null : indicator.name(),
                indicator == null ? null : indicator.unit(), l.leaf().direction(), item.weight(),
                Boolean.TRUE.equals(item.illustrativeWeight()), item.scoring(), l.stage(), plain(l.value()),
                l.valueStatus(), target(l), item.band(), ScoreCalculator.rounded(l.outcome().achievement(), 4),
                ScoreCalculator.rounded(l.outcome().pointsEarned(), 4),
                ScoreCalculator.rounded(l.outcome().pointsLost(), 4), l.outcome().status().code(),
                l.outcome().message());
    }

    static ScoresView.Target target(LeafResult l) {
        if (l.target() == null) {
            return null;
        }
        StandardView s = l.standard();
        return new ScoresView.Target(l.target().comparator(), plain(l.target().value()), plain(l.target().high()),
                l.target().source(), s == null ? null : s.id(), s == null ? null : s.jurisdiction(),
                s == null ? null : Jurisdictions.level(s.jurisdiction()), s == null ? null : s.source());
    }

    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private List<Dimension> read(String tree) {
        try {
            return json.readValue(tree, TREE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored framework tree could not be read", e);
        }
    }
}
