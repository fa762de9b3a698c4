package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.dengta.indicators.catalog.CatalogSeeds;

/**
 * Adds the enrolment indicator {@code ce.pupils} (pupils per school and stage) that the catalog of shared/data
 * lacks: balance weights each school by its pupils, and a school's enrolment is an observation like any other.
 * Loaded through the same checks and journal as the catalog seed (V10).
 */
public class V45__PupilsIndicator extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        CatalogSeeds.loadIndicators(context.getConnection(), "reference-data/indicators-pupils.csv", new ObjectMapper());
    }
}
