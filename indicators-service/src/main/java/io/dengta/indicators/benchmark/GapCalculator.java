package io.dengta.indicators.benchmark;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dengta.indicators.score.ScoreCalculator;

/**
 * Gaps between a region and its peers on one indicator (domain.md, Gap analysis). Every gap is signed so that
 * positive means the owner is behind: peer − owner for higher-better, owner − peer for lower-better, and for a
 * band indicator the owner's distance outside the band minus the peer's. Ranks run from 1 (best) over the
 * regions with a value; equal values share a rank and the next rank skips (1, 2, 2, 4). Regions without a value
 * have no gap and no rank, and do not count as best.
 */
public final class GapCalculator {

    public static final List<String> ROLES = List.of("lighthouse", "catch-up", "peer");

    private GapCalculator() {
    }

    public record Peer(String region, String role, BigDecimal value) {
    }

    /** The best peer of a role (or of the group) and the owner's gap to it. */
    public record Best(String region, String role, BigDecimal value, BigDecimal gap) {
    }

    /**
     * @param comparable false for a band indicator without a band: values are shown, not ordered
     * @param gaps each peer's gap (region → gap; absent when either value is missing)
     * @param ranks region → rank, the owner's included
     * @param best the best peer with a value (null: none has one)
     * @param byRole the best peer of each role present in the group, in the order lighthouse, catch-up, peer
     */
    public record Comparison(boolean comparable, Map<String, BigDecimal> gaps, Map<String, Integer> ranks,
            int rankedOf, Best best, List<Best> byRole) {

        public Integer rank(String region) {
            return ranks.get(region);
        }
    }

    /**
     * @param direction higher-better, lower-better or band
     * @param bandLow,bandHigh the band of a band indicator (null: none known)
     */
    public static Comparison compare(String direction, BigDecimal bandLow, BigDecimal bandHigh, String owner,
            BigDecimal ownerValue, List<Peer> peers) {
        boolean comparable = !"band".equals(direction) || bandLow != null && bandHigh != null;
        if (!comparable) {
            List<Best> roles = ROLES.stream().filter(r -> peers.stream().anyMatch(p -> p.role().equals(r)))
                    .map(r -> new Best(null, r, null, null)).toList();
            return new Comparison(false, Map.of(), Map.of(), 0, null, roles);
        }
        BigDecimal ownerBadness = badness(direction, bandLow, bandHigh, ownerValue);
        Map<String, BigDecimal> badness = new LinkedHashMap<>();
        if (ownerBadness != null) {
            badness.put(owner, ownerBadness);
        }
        Map<String, BigDecimal> gaps = new LinkedHashMap<>();
        for (Peer p : peers) {
            BigDecimal b = badness(direction, bandLow, bandHigh, p.value());
            if (b == null) {
                continue;
            }
            badness.put(p.region(), b);
            if (ownerBadness != null) {
                gaps.put(p.region(), plain(ownerBadness.subtract(b)));
            }
        }
        Map<String, Integer> ranks = new LinkedHashMap<>();
        for (Map.Entry<String, BigDecimal> e : badness.entrySet()) {
            int better = (int) badness.values().stream().filter(b -> b.compareTo(e.getValue()) < 0).count();
            ranks.put(e.getKey(), better + 1);
        }
        List<Best> byRole = new ArrayList<>();
        for (String role : ROLES) {
            List<Peer> ofRole = peers.stream().filter(p -> p.role().equals(role)).toList();
            if (!ofRole.isEmpty()) {
                byRole.add(best(ofRole, role, badness, ownerBadness));
            }
        }
        Best best = best(peers, null, badness, ownerBadness);
        return new Comparison(true, gaps, ranks, badness.size(), best.region() == null ? null : best, byRole);
    }

    private static Best best(List<Peer> peers, String role, Map<String, BigDecimal> badness, BigDecimal ownerBadness) {
        Peer best = null;
        for (Peer p : peers) {
            BigDecimal b = badness.get(p.region());
            if (b != null && (best == null || b.compareTo(badness.get(best.region())) < 0)) {
                best = p;
            }
        }
        if (best == null) {
            return new Best(null, role, null, null);
        }
        BigDecimal gap = ownerBadness == null ? null : plain(ownerBadness.subtract(badness.get(best.region())));
        return new Best(best.region(), role == null ? best.role() : role, plain(best.value()), gap);
    }

    /** Smaller is better: −value for higher-better, value for lower-better, distance outside the band for band. */
    static BigDecimal badness(String direction, BigDecimal low, BigDecimal high, BigDecimal value) {
        if (value == null) {
            return null;
        }
        return switch (direction) {
            case "lower-better" -> value;
            case "band" -> ScoreCalculator.distanceOutside(value, low, high);
            default -> value.negate();
        };
    }

    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
