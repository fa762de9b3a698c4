package io.dengta.targets.progress;

import java.util.Collection;

import com.fasterxml.jackson.annotation.JsonValue;

/** A target's status; declared worst first, so a roll-up's worst status is the one with the smallest ordinal. */
public enum TargetStatus {
    /** The deadline has passed and the comparator does not hold. */
    OVERDUE("overdue"),
    /** Progress below 80% of the share the trajectory expects. */
    OFF_TRACK("off-track"),
    /** Progress at least 80% of the expected share, but below it. */
    AT_RISK("at-risk"),
    /** No actual value yet: unknown, which a dashboard must not show as fine. */
    NO_DATA("no-data"),
    /** Progress at least the expected share. */
    ON_TRACK("on-track"),
    /** The comparator holds for the latest actual. */
    ACHIEVED("achieved");

    private final String code;

    TargetStatus(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static TargetStatus fromCode(String code) {
        for (TargetStatus s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status " + code);
    }

    public boolean isWorseThan(TargetStatus other) {
        return ordinal() < other.ordinal();
    }

    /** The worst of {@code statuses}; {@code null} when there are none. */
    public static TargetStatus worst(Collection<TargetStatus> statuses) {
        TargetStatus worst = null;
        for (TargetStatus s : statuses) {
            if (worst == null || s.isWorseThan(worst)) {
                worst = s;
            }
        }
        return worst;
    }
}
