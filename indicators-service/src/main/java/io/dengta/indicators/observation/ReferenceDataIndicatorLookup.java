package io.dengta.indicators.observation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.quarkus.arc.DefaultBean;

/**
 * The indicator catalog from {@code reference-data/indicators-for-observations.csv} (a copy of
 * {@code shared/data/indicators.csv}: code, unit, level, stages separated by {@code |}), read once.
 * <p>
 * A stand-in so that observations do not depend on the catalog feature's tables: once the catalog is
 * merged, an {@link IndicatorLookup} bean reading its {@code indicator} table replaces this one
 * (this is a {@link DefaultBean}), and this class and the CSV copy can go.
 */
@DefaultBean
@ApplicationScoped
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
