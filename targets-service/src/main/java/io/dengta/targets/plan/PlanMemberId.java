package io.dengta.targets.plan;

import java.io.Serializable;
import java.util.Objects;

/** The key of a goal or an action: its plan and its code within the plan. */
public class PlanMemberId implements Serializable {

    public String planCode;
    public String code;

    public PlanMemberId() {
    }

    public PlanMemberId(String planCode, String code) {
        this.planCode = planCode;
        this.code = code;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlanMemberId id && Objects.equals(planCode, id.planCode) && Objects.equals(code, id.code);
    }

    @Override
    public int hashCode() {
        return Objects.hash(planCode, code);
    }
}
