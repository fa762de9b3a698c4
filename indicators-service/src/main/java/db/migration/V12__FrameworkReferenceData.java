package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.dengta.indicators.framework.FrameworkSeeds;

/**
 * Loads the seeded frameworks from {@code reference-data/frameworks.json}: the national balanced-development
 * (教督〔2017〕6号) and preschool (教督〔2020〕1号) frameworks with illustrative weights, and the demo Jiangsu
 * modernization framework (苏政办发〔2013〕8号) with its one confirmed weight.
 */
public class V12__FrameworkReferenceData extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        FrameworkSeeds.load(context.getConnection(), "reference-data/frameworks.json", new ObjectMapper());
    }
}
