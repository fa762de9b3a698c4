package io.dengta.gateway.dashboard;

import java.net.URI;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code dengta.dashboard.*}: where the composed read models read from and how long each part may take. */
@ConfigMapping(prefix = "dengta.dashboard")
public interface DashboardConfig {

    /** The framework a region is scored on. */
    @WithDefault("js-modernization-2013")
    String framework();

    /** How long one part (all its calls) may take before it answers {@code timeout}. */
    @WithDefault("3S")
    Duration partTimeout();

    /** How many gaps the region dashboard shows. */
    @WithDefault("5")
    int topGaps();

    /** How many at-risk targets the region dashboard lists. */
    @WithDefault("20")
    int atRiskLimit();

    /** Base URL of schools-service (defaults to the gateway's route). */
    URI schoolsUrl();

    URI indicatorsUrl();

    URI targetsUrl();
}
