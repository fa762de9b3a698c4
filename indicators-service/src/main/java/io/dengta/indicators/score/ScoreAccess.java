package io.dengta.indicators.score;

import java.util.function.BiPredicate;

import jakarta.enterprise.context.RequestScoped;

import io.dengta.commons.security.CallerScope;
import io.dengta.indicators.observation.ObservationAccess;

/**
 * Which values a score or a gap analysis may use for this caller: a region's values in the caller's scope as
 * the caller may read them (a viewer: approved only); published (approved) values of any other region, which a
 * benchmark group compares with. Scores themselves are asked only for regions in scope ({@link #covers}).
 */
@RequestScoped
public class ScoreAccess {

    private final CallerScope caller;
    private final ObservationAccess observations;

    public ScoreAccess(CallerScope caller, ObservationAccess observations) {
        this.caller = caller;
        this.observations = observations;
    }

    public boolean covers(String region) {
        return caller.coversRegion(region);
    }

    /** (region, observation status) → whether the value counts. */
    public BiPredicate<String, String> visibleValues() {
        boolean approvedOnly = observations.approvedOnly();
        return (region, status) -> "approved".equals(status) || !approvedOnly && caller.coversRegion(region);
    }
}
