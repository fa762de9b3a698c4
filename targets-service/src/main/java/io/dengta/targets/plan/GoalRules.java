package io.dengta.targets.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dengta.commons.problem.FieldError;

/** What keeps a plan's goals a tree: the parent exists in the plan and is not the goal or one of its descendants. */
public final class GoalRules {

    private GoalRules() {
    }

    /** @param parents every existing goal of the plan with its parent code (null for top-level goals) */
    public static List<FieldError> check(String code, GoalInput in, Map<String, String> parents) {
        List<FieldError> errors = new ArrayList<>();
        String parent = in.parent();
        if (parent == null) {
            return errors;
        }
        if (parent.equals(code)) {
            errors.add(new FieldError("/parent", "self_reference", "a goal cannot be its own parent"));
        } else if (!parents.containsKey(parent)) {
            errors.add(new FieldError("/parent", "unknown_goal", "the plan has no goal " + parent));
        } else {
            Set<String> seen = new HashSet<>();
            for (String ancestor = parent; ancestor != null && seen.add(ancestor); ancestor = parents.get(ancestor)) {
                if (ancestor.equals(code)) {
                    errors.add(new FieldError("/parent", "cycle", "goal " + parent + " is under " + code
                            + "; a goal cannot move under its own descendant"));
                    break;
                }
            }
        }
        return errors;
    }
}
