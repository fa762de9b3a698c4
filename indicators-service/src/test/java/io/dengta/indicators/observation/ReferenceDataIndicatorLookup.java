package io.dengta.indicators.observation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;


import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;


/**
 * For the rules' unit tests: the catalog as in {@code reference-data/indicators-for-observations.csv} (a copy
 * of {@code shared/data/indicators.csv}), without a database. Not a bean: the service uses
 * {@link CatalogIndicatorLookup}.
 */
public class ReferenceDataIndicatorLookup implements IndicatorLookup {

    static final String RESOURCE = "reference-data/indicators-for-observations.csv";

    private final Map<String, IndicatorRef> indicators;

    public ReferenceDataIndicatorLookup() {
        this.indicators = load();
    }

    @Override
    public Optional<IndicatorRef> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(indicators.get(code));
    }

    private static Map<String, IndicatorRef> load() {
        Map<String, IndicatorRef> byCode = new HashMap<>();
        try (InputStream in = ReferenceDataIndicatorLookup.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader()).readValues(in);
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                String stages = row.getOrDefault("stage", "");
                List<String> stageList = stages == null || stages.isBlank() ? List.of()
                        : Stream.of(stages.split("\\|")).map(String::trim).toList();
                byCode.put(row.get("code"), IndicatorRef.of(row.get("code"), row.get("unit"), row.get("level"), stageList));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(byCode);
    }
}
