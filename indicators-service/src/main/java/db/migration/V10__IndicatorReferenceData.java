package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.dengta.indicators.catalog.CatalogSeeds;

/**
 * Loads the indicator catalog from {@code reference-data/indicators.csv} (a copy of shared/data/indicators.csv, with
 * its provenance), through the rules the API applies, and journals each entry (subject flyway:reference-data).
 */
public class V10__IndicatorReferenceData extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        CatalogSeeds.loadIndicators(context.getConnection(), "reference-data/indicators.csv", new ObjectMapper());
    }
}
