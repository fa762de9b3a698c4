package io.dengta.targets.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A plan's goals as a tree, each with the codes of its targets and actions. */
@Schema(name = "GoalTree")
public record GoalTree(String plan, List<Node> goals) {

    @Schema(name = "GoalNode")
    public record Node(String code, String title, String description, String responsibleDepartment, int position,
            long version, List<String> targets, List<String> actions, List<Node> children) {
    }

    /** Builds the tree; siblings in position order, then by code. */
    static GoalTree of(String planCode, List<Goal> goals, Map<String, List<String>> targetsByGoal,
            Map<String, List<String>> actionsByGoal) {
        Map<String, List<Goal>> byParent = new LinkedHashMap<>();
        goals.stream().sorted(Comparator.comparingInt((Goal g) -> g.position).thenComparing(g -> g.code))
                .forEach(g -> byParent.computeIfAbsent(g.parentCode == null ? "" : g.parentCode, k -> new ArrayList<>()).add(g));
        return new GoalTree(planCode, children("", byParent, targetsByGoal, actionsByGoal));
    }

    private static List<Node> children(String parent, Map<String, List<Goal>> byParent,
            Map<String, List<String>> targetsByGoal, Map<String, List<String>> actionsByGoal) {
        List<Node> nodes = new ArrayList<>();
        for (Goal g : byParent.getOrDefault(parent, List.of())) {
            nodes.add(new Node(g.code, g.title, g.description, g.responsibleDepartment, g.position, g.version,
                    targetsByGoal.getOrDefault(g.code, List.of()), actionsByGoal.getOrDefault(g.code, List.of()),
                    children(g.code, byParent, targetsByGoal, actionsByGoal)));
        }
        return nodes;
    }
}
