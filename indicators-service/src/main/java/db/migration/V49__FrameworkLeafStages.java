package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.dengta.indicators.framework.FrameworkSeeds;

/**
 * Framework leaves can pin a stage (an indicator reported per stage scores that stage's value without a
 * {@code stage=}). reference-data/frameworks.json now pins the Jiangsu demo's 义务教育巩固率 and 交流轮岗教师比例 to
 * junior. A database seeded by V12 before the pins gets them here (journalled as a change of the seeded version,
 * its ETag changes); a fresh one has them from V12 already and this changes nothing. V12 itself is not edited.
 */
public class V49__FrameworkLeafStages extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        FrameworkSeeds.pinStages(context.getConnection(), "reference-data/frameworks.json", new ObjectMapper());
    }
}
