package io.dengta.targets.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.dengta.commons.problem.FieldError;

/** The rules of plans, goals and actions, one by one. */
class PlanRulesTest {

    private static List<String> codes(List<FieldError> errors) {
        return errors.stream().map(e -> e.pointer() + " " + e.code()).toList();
    }

    private static PlanInput plan(int first, int last) {
        return new PlanInput(null, "t", "annual", "320113", first, last, "active", null, null, null);
    }

    private static GoalInput goal(String parent) {
        return new GoalInput(null, parent, "t", null, null, null);
    }

    private static ActionInput action(Integer first, Integer last, String goal, String... targets) {
        return new ActionInput(null, "action", "t", null, goal, null, null, first, last, List.of(targets));
    }

    @Test
    void planYearsRunForward() {
        assertEquals(List.of("/lastYear before_first_year"), codes(PlanRules.check(plan(2025, 2021), null)));
        assertEquals(List.of(), codes(PlanRules.check(plan(2021, 2021), null)));
    }

    @Test
    void planYearsKeepTheTargetsDeadlines() {
        assertEquals(List.of("/firstYear targets_outside_years"),
                codes(PlanRules.check(plan(2022, 2025), new int[] { 2021, 2025 })));
        assertEquals(List.of(), codes(PlanRules.check(plan(2021, 2025), new int[] { 2021, 2025 })));
    }

    @Test
    void goalParentExistsIsNotItselfNorADescendant() {
        Map<String, String> parents = new HashMap<>();
        parents.put("a", null);
        parents.put("b", "a");
        parents.put("c", "b");
        assertEquals(List.of(), codes(GoalRules.check("d", goal("c"), parents)));
        assertEquals(List.of("/parent self_reference"), codes(GoalRules.check("a", goal("a"), parents)));
        assertEquals(List.of("/parent unknown_goal"), codes(GoalRules.check("d", goal("x"), parents)));
        assertEquals(List.of("/parent cycle"), codes(GoalRules.check("a", goal("c"), parents)));
    }

    @Test
    void actionBelongsToItsPlan() {
        Set<String> goals = Set.of("g1");
        Set<String> targets = Set.of("t1", "t2");
        assertEquals(List.of(), codes(ActionRules.check(action(2021, 2025, "g1", "t1", "t2"), 2021, 2025, goals, targets)));
        assertEquals(List.of("/goal unknown_goal"), codes(ActionRules.check(action(null, null, "g9"), 2021, 2025, goals, targets)));
        assertEquals(List.of("/targets/1 duplicate", "/targets/2 unknown_target"),
                codes(ActionRules.check(action(null, null, null, "t1", "t1", "t9"), 2021, 2025, goals, targets)));
        assertEquals(List.of("/firstYear outside_plan_years", "/lastYear before_first_year"),
                codes(ActionRules.check(action(2026, 2024, null), 2021, 2025, goals, targets)));
    }
}
