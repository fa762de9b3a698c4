package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.dengta.indicators.catalog.CatalogSeeds;

/**
 * Loads the standards from {@code reference-data/standards.csv} (a copy of shared/data/standards.csv, with its
 * source and verified columns), through the rules the API applies, with ids stable across installations.
 */
public class V11__StandardReferenceData extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        CatalogSeeds.loadStandards(context.getConnection(), "reference-data/standards.csv", new ObjectMapper());
    }
}
