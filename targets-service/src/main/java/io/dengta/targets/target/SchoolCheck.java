package io.dengta.targets.target;

/** What schools-service said about a school unit. */
public sealed interface SchoolCheck {

    /** In the registry, in {@code region}. */
    record Known(String code, String region) implements SchoolCheck {
    }

    /** schools-service answered that it has no such school. */
    record Unknown(String code) implements SchoolCheck {
    }

    /** schools-service could not answer: the school's region stays unconfirmed (the target unverified). */
    record Unavailable(String reason) implements SchoolCheck {
    }
}
