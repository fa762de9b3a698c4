package io.dengta.indicators.observation;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.dengta.indicators.catalog.Indicator;

/** Observations see the catalog's own indicators: unit, level, stages and valid range. */
@ApplicationScoped
public class CatalogIndicatorLookup implements IndicatorLookup {

    @Override
    public Optional<IndicatorRef> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Indicator.<Indicator>findByIdOptional(code)
                .map(i -> new IndicatorRef(i.code, i.unit, i.level, i.stages, i.minValue, i.maxValue));
    }
}
