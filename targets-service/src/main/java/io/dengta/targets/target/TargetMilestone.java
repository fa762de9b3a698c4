package io.dengta.targets.target;

import java.math.BigDecimal;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The value a target expects at the end of one period on the way to its deadline. */
@Embeddable
public class TargetMilestone {

    @Column(name = "period")
    public String period;

    @Column(name = "value")
    public BigDecimal value;

    public TargetMilestone() {
    }

    public TargetMilestone(String period, BigDecimal value) {
        this.period = period;
        this.value = value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TargetMilestone m && Objects.equals(period, m.period)
                && (value == null ? m.value == null : m.value != null && value.compareTo(m.value) == 0);
    }

    @Override
    public int hashCode() {
        return Objects.hash(period);
    }
}
