package db.migration;

import java.io.InputStream;
import java.sql.PreparedStatement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Loads the regions named in the source documents from {@code reference-data/regions.csv} (a copy of
 * shared/data/regions.csv, with its provenance). Parents are inserted before their children.
 */
public class V2__RegionReferenceData extends BaseJavaMigration {

    private static final List<String> LEVELS = List.of("province", "city", "district");

    @Override
    public void migrate(Context context) throws Exception {
        List<Map<String, String>> rows;
        try (InputStream csv = getClass().getClassLoader().getResourceAsStream("reference-data/regions.csv")) {
            if (csv == null) {
                throw new IllegalStateException("reference-data/regions.csv is missing from the classpath");
            }
            MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader()).readValues(csv);
            rows = it.readAll();
        }
        rows.sort(Comparator.comparingInt(r -> LEVELS.indexOf(r.get("level"))));
        try (PreparedStatement insert = context.getConnection().prepareStatement("""
                insert into region (code, name, name_en, level, parent_code, note)
                values (?, ?, ?, ?, ?, ?)
                """)) {
            for (Map<String, String> row : rows) {
                insert.setString(1, row.get("code"));
                insert.setString(2, row.get("name"));
                insert.setString(3, blankToNull(row.get("name_en")));
                insert.setString(4, row.get("level"));
                insert.setString(5, blankToNull(row.get("parent_code")));
                insert.setString(6, blankToNull(row.get("note")));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
