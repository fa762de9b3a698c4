package io.dengta.targets.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class RollupTest {

    @Test
    void countsEveryStatusAndNamesTheWorst() {
        Rollup r = Rollup.of(List.of(TargetStatus.ON_TRACK, TargetStatus.ACHIEVED, TargetStatus.AT_RISK, TargetStatus.ON_TRACK));
        assertEquals(4, r.targets());
        assertEquals(2, r.count(TargetStatus.ON_TRACK));
        assertEquals(0, r.count(TargetStatus.OVERDUE));
        assertEquals(TargetStatus.AT_RISK, r.worst());
        assertEquals(List.of("overdue", "off-track", "at-risk", "no-data", "on-track", "achieved"), List.copyOf(r.counts().keySet()));
    }

    @Test
    void statusesOrderFromOverdueToAchievedWithNoDataBelowOnTrack() {
        assertEquals(TargetStatus.OVERDUE, Rollup.of(List.of(TargetStatus.OFF_TRACK, TargetStatus.OVERDUE)).worst());
        assertEquals(TargetStatus.OFF_TRACK, Rollup.of(List.of(TargetStatus.AT_RISK, TargetStatus.OFF_TRACK)).worst());
        assertEquals(TargetStatus.NO_DATA, Rollup.of(List.of(TargetStatus.ON_TRACK, TargetStatus.NO_DATA)).worst());
        assertEquals(TargetStatus.ON_TRACK, Rollup.of(List.of(TargetStatus.ACHIEVED, TargetStatus.ON_TRACK)).worst());
    }

    @Test
    void aGoalAddsItsSubGoalsTargetsToItsOwn() {
        Rollup own = Rollup.of(List.of(TargetStatus.ACHIEVED));
        Rollup sub = Rollup.of(List.of(TargetStatus.OFF_TRACK, TargetStatus.ACHIEVED));
        Rollup goal = own.plus(sub);
        assertEquals(3, goal.targets());
        assertEquals(2, goal.count(TargetStatus.ACHIEVED));
        assertEquals(TargetStatus.OFF_TRACK, goal.worst());
    }

    @Test
    void aGoalWithoutTargetsHasNoWorstStatus() {
        Rollup empty = Rollup.empty();
        assertEquals(0, empty.targets());
        assertNull(empty.worst());
        assertEquals(empty, Rollup.of(List.of()).plus(Rollup.empty()));
    }
}
