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
 * <li>A framework leaf that pins a stage (one of the indicator's): that stage, whatever was asked. The pin is the
 * framework's judgement of which stage the indicator is measured on (e.g. 义务教育巩固率 on junior, the end of
 * the nine years), so it wins over the request's stage for that leaf; the request's stage still applies to the
 * unpinned leaves.</li>
 * </ul>
 *
 * @param storedStages stored stage codes to read, best first ('' is "all stages"); empty when a stage is required
 * @param stage the stage the standard is looked up for (null: any)
 */
public record StageChoice(List<String> storedStages, String stage) {

    /**
     * @param pinned the framework leaf's stage (null: none); one of {@code indicatorStages} (the framework rules
     *        check it)
     */
    public static StageChoice of(List<String> indicatorStages, String pinned, String asked) {
        if (pinned != null && indicatorStages.contains(pinned)) {
            return new StageChoice(List.of(pinned), pinned);
        }
        return of(indicatorStages, asked);
    }

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
