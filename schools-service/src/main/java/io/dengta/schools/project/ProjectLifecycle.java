package io.dengta.schools.project;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * The status lifecycle of a construction project: planned (规划) → approved (立项) → under-construction (在建) →
 * completed (竣工) → in-use (投入使用). Each step after the first is reached on a date the project records.
 */
final class ProjectLifecycle {

    static final String PLANNED = "planned";
    static final String IN_USE = "in-use";

    /** A step of the lifecycle and the field holding the date it was reached (null for the first step). */
    record Step(String status, String dateField, Function<ConstructionProjectInput, LocalDate> date) {
    }

    static final List<Step> STEPS = List.of(
            new Step(PLANNED, null, in -> null),
            new Step("approved", "approvedOn", ConstructionProjectInput::approvedOn),
            new Step("under-construction", "constructionStartedOn", ConstructionProjectInput::constructionStartedOn),
            new Step("completed", "completedOn", ConstructionProjectInput::completedOn),
            new Step(IN_USE, "openedOn", ConstructionProjectInput::openedOn));

    static final List<String> STATUSES = STEPS.stream().map(Step::status).toList();

    private ProjectLifecycle() {
    }

    /** Position in the lifecycle, or -1 for an unknown status. */
    static int position(String status) {
        return STATUSES.indexOf(status);
    }
}
