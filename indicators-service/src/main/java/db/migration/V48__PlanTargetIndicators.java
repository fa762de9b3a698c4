package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.dengta.indicators.catalog.CatalogSeeds;

/**
 * Adds the indicators that plan targets of the seed documents measure but the catalog of shared/data lacks
 * (kindergartens opened, schools in use, course and club participation, teacher pay against civil servants,
 * safety incidents, ...), from {@code reference-data/indicators-plan-targets.csv}: with them those targets are
 * numeric instead of milestones. A separate file, like V45's, because V10 loads indicators.csv (the copy of
 * shared/data) and an applied migration's input must not change. Same checks and journal as V10.
 */
public class V48__PlanTargetIndicators extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        CatalogSeeds.loadIndicators(context.getConnection(), "reference-data/indicators-plan-targets.csv",
                new ObjectMapper());
    }
}
