package io.dengta.indicators.score;

import java.util.List;

/**
 * Which stored stage of an indicator's observations a score reads, given the stage asked for (null: none).
 * <ul>
 * <li>An indicator not reported per stage: the value for all stages; with a stage asked for, that stage's
 * breakdown when there is one, else the value for all stages.</li>
 * <li>An indicator of one stage: that stage, whatever was asked.</li>
 * <li>An indicator of several stages: the stage asked for when it is one of them; otherwise the indicator
 * cannot be scored ({@code stage-required}): its stages are not added up into one value.</li>
 * </ul>
 *
 * @param storedStages stored stage codes to read, best first ('' is "all stages"); empty when a stage is required
 * @param stage the stage the standard is looked up for (null: any)
 */
public record StageChoice(List<String> storedStages, String stage) {

    public static StageChoice of(List<String> indicatorStages, String asked) {
        if (indicatorStages.isEmpty()) {
            return asked == null ? new StageChoice(List.of(""), null) : new StageChoice(List.of(asked, ""), asked);
        }
        if (indicatorStages.size() == 1) {
            return new StageChoice(List.of(indicatorStages.get(0)), indicatorStages.get(0));
        }
        if (asked != null && indicatorStages.contains(asked)) {
            return new StageChoice(List.of(asked), asked);
        }
        return new StageChoice(List.of(), null);
    }

    public boolean stageRequired() {
        return storedStages.isEmpty();
    }
}
