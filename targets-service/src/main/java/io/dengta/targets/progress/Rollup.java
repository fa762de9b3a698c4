package io.dengta.targets.progress;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The statuses of a goal's or plan's targets (sub-goals included): how many of each and the worst.
 *
 * @param counts every status with its count, zeros included, worst first
 * @param worst the worst status; {@code null} when there is no target
 */
public record Rollup(int targets, Map<String, Integer> counts, TargetStatus worst) {

    public static Rollup of(Collection<TargetStatus> statuses) {
        Map<TargetStatus, Integer> byStatus = new EnumMap<>(TargetStatus.class);
        for (TargetStatus s : statuses) {
            byStatus.merge(s, 1, Integer::sum);
        }
        return from(byStatus);
    }

    public static Rollup empty() {
        return from(new EnumMap<>(TargetStatus.class));
    }

    /** This roll-up with another's targets added (a goal's own targets plus its sub-goals'). */
    public Rollup plus(Rollup other) {
        Map<TargetStatus, Integer> byStatus = new EnumMap<>(TargetStatus.class);
        for (TargetStatus s : TargetStatus.values()) {
            byStatus.put(s, counts.get(s.code()) + other.counts.get(s.code()));
        }
        return from(byStatus);
    }

    public int count(TargetStatus status) {
        return counts.get(status.code());
    }

    private static Rollup from(Map<TargetStatus, Integer> byStatus) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        TargetStatus worst = null;
        int total = 0;
        for (TargetStatus s : TargetStatus.values()) {
            int n = byStatus.getOrDefault(s, 0);
            counts.put(s.code(), n);
            total += n;
            if (n > 0 && worst == null) {
                worst = s;
            }
        }
        return new Rollup(total, Collections.unmodifiableMap(counts), worst);
    }
}
