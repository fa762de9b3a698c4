package io.dengta.indicators.observation;

import java.util.Optional;

/** The indicator catalog as observations see it (implemented over the catalog's table). */
public interface IndicatorLookup {

    Optional<IndicatorRef> find(String code);
}
