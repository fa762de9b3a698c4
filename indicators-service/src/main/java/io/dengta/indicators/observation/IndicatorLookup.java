package io.dengta.indicators.observation;

import java.util.Optional;

/**
 * The indicator catalog as observations see it. The default implementation
 * ({@link ReferenceDataIndicatorLookup}) reads the catalog's reference file; a bean backed by the catalog's
 * own table replaces it by simply existing (the default is a {@code @DefaultBean}).
 */
public interface IndicatorLookup {

    Optional<IndicatorRef> find(String code);
}
