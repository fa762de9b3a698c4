package io.dengta.indicators.benchmark;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dengta.indicators.catalog.StandardView;
import io.dengta.commons.period.Period;
import io.dengta.indicators.score.AnalysisMeters;
import io.dengta.indicators.score.ScoreAccess;
import io.dengta.indicators.score.ScoreCalculator;
import io.dengta.indicators.score.ScoreService;
import io.dengta.indicators.score.ScoreService.LeafResult;
import io.dengta.indicators.score.ScoreService.RegionResult;
import io.dengta.indicators.score.ScoresView;

/**
 * Gap analysis of a benchmark group: scores the owner and every peer on the framework with one query for all
 * their values, then compares them indicator by indicator ({@link GapCalculator}).
 */
@ApplicationScoped
public class GapService {

    private final BenchmarkGroupService groups;
    private final ScoreService scores;
    private final AnalysisMeters meters;

    public GapService(BenchmarkGroupService groups, ScoreService scores, AnalysisMeters meters) {
        this.groups = groups;
        this.scores = scores;
        this.meters = meters;
    }

    public GapsView gaps(UUID id, String frameworkCode, Integer version, Period period, String stage,
            BenchmarkGroupAccess access, ScoreAccess values) {
        BenchmarkGroup group = groups.find(id, access);
        return meters.gaps(frameworkCode, () -> compute(group, frameworkCode, version, period, stage, values));
    }

    private GapsView compute(BenchmarkGroup group, String frameworkCode, Integer version, Period period, String stage,
            ScoreAccess values) {
        ScoreService.Scorable scorable = scores.scorable(frameworkCode, version, period);
        List<String> regions = new ArrayList<>();
        regions.add(group.ownerRegion);
        group.peers.forEach(p -> regions.add(p.region));
        Map<String, RegionResult> results = scores.score(scorable, period, stage, regions, values.visibleValues());

        List<GapsView.RegionSummary> summaries = new ArrayList<>();
        summaries.add(summary(results.get(group.ownerRegion), "owner", null));
        group.peers.forEach(p -> summaries.add(summary(results.get(p.region), p.role, p.name)));

        RegionResult owner = results.get(group.ownerRegion);
        List<GapsView.Row> rows = new ArrayList<>();
        for (ScoreService.Leaf leaf : scorable.leaves()) {
            rows.add(row(leaf, owner.byIndicator().get(leaf.code()), group, results));
        }
        List<GapsView.Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing((GapsView.Row r) -> r.pointsLost() == null)
                .thenComparing(r -> r.pointsLost() == null ? BigDecimal.ZERO : r.pointsLost(), Comparator.reverseOrder())
                .thenComparing(GapsView.Row::weight, Comparator.reverseOrder()));
        return new GapsView(group.id, group.name, group.ownerRegion, scorable.frameworkCode(),
                scorable.frameworkName(), scorable.versionYear(), period.code(), stage, summaries,
                sorted);
    }

    private static GapsView.RegionSummary summary(RegionResult r, String role, String name) {
        return new GapsView.RegionSummary(r.region(), role, name, ScoreCalculator.rounded(r.total().score(), 2),
                r.total().coveredWeight(), r.total().complete());
    }

    private static GapsView.Row row(ScoreService.Leaf leaf, LeafResult own, BenchmarkGroup group,
            Map<String, RegionResult> results) {
        BigDecimal[] band = band(leaf, own);
        List<GapCalculator.Peer> peers = group.peers.stream()
                .map(p -> new GapCalculator.Peer(p.region, p.role, results.get(p.region).byIndicator().get(leaf.code()).value()))
                .toList();
        GapCalculator.Comparison c = GapCalculator.compare(leaf.direction(), band[0], band[1], group.ownerRegion,
                own.value(), peers);
        List<GapsView.PeerValue> peerValues = group.peers.stream().map(p -> {
            LeafResult theirs = results.get(p.region).byIndicator().get(leaf.code());
            return new GapsView.PeerValue(p.region, p.role, p.name, plain(theirs.value()), c.gaps().get(p.region),
                    c.rank(p.region), ScoreCalculator.rounded(theirs.outcome().pointsLost(), 4),
                    theirs.outcome().status().code());
        }).toList();
        ScoresView.IndicatorScore score = ScoreService.indicator(own);
        GapsView.Owner ownerValue = new GapsView.Owner(score.value(), score.valueStatus(), score.stage(),
                score.target(), score.achievement(), score.pointsEarned(), score.pointsLost(), score.status(),
                score.message());
        GapsView.Best best = c.best() == null ? null
                : new GapsView.Best(c.best().region(), c.best().role(), c.best().value(), c.best().gap());
        List<GapsView.Best> roles = c.byRole().stream()
                .map(b -> new GapsView.Best(b.region(), b.role(), b.value(), b.gap())).toList();
        return new GapsView.Row(leaf.code(), leaf.indicator() == null ? null : leaf.indicator().name(),
                leaf.indicator() == null ? null : leaf.indicator().unit(), leaf.direction(), leaf.dimension(),
                leaf.item().weight(), leaf.item().scoring(), ownerValue, peerValues, best, roles,
                c.rank(group.ownerRegion), c.rankedOf(), score.pointsLost(), c.comparable());
    }

    /** The band a band indicator is judged by: the framework's, else the owner's between standard. */
    private static BigDecimal[] band(ScoreService.Leaf leaf, LeafResult own) {
        if (leaf.item().band() != null) {
            return new BigDecimal[] { leaf.item().band().low(), leaf.item().band().high() };
        }
        StandardView s = own.standard();
        if (s != null && "between".equals(s.comparator())) {
            return new BigDecimal[] { s.value(), s.valueHigh() };
        }
        return new BigDecimal[] { null, null };
    }

    private static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
