package io.dengta.indicators.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.dengta.commons.problem.FieldError;
import io.dengta.indicators.journal.SeedJournal;

/**
 * Loads the catalog's reference data (copies of shared/data/indicators.csv and standards.csv, provenance columns
 * kept) through the same rules the API applies; a row the API would reject stops the migration with its errors.
 */
public final class CatalogSeeds {

    /**
     * Gross enrolment rates count pupils of any age against the population of the official age, so they can
     * exceed 100% (e.g. children from outside the district); their valid range ends at 150 instead of 100.
     */
    static final Map<String, BigDecimal> MAX_VALUE_OVERRIDES = Map.of(
            "pre.gross_enrollment_rate", BigDecimal.valueOf(150),
            "sec.upper_secondary_gross_rate", BigDecimal.valueOf(150));

    private static final Pattern CODE = Pattern.compile(Vocabulary.INDICATOR_CODE_PATTERN);

    private CatalogSeeds() {
    }

    public static int loadIndicators(Connection c, String resource, ObjectMapper json) throws SQLException, IOException {
        SeedJournal journal = new SeedJournal(c, json);
        List<Map<String, String>> rows = readCsv(resource);
        try (PreparedStatement insert = c.prepareStatement("""
                insert into indicator (code, name, name_en, unit, decimals, direction, level, stages, aggregation,
                                       definition, source, min_value, max_value)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (int r = 0; r < rows.size(); r++) {
                Map<String, String> row = rows.get(r);
                String code = row.get("code");
                IndicatorInput input = new IndicatorInput(code, row.get("name"), blankToNull(row.get("name_en")),
                        row.get("unit"), null, row.get("direction"), row.get("level"), stages(row.get("stage")),
                        row.get("aggregation"), blankToNull(row.get("definition")), blankToNull(row.get("source")),
                        null, MAX_VALUE_OVERRIDES.get(code)).normalized(code);
                List<FieldError> errors = new ArrayList<>(IndicatorRules.check(input));
                if (code == null || !CODE.matcher(code).matches()) {
                    errors.add(new FieldError("/code", "invalid_format", "not an indicator code"));
                }
                unknownStages(stages(row.get("stage")), errors);
                for (String field : List.of("unit", "direction", "level", "aggregation")) {
                    if (!vocabulary(field).contains(String.valueOf(row.get(field)))) {
                        errors.add(new FieldError("/" + field, "unknown_value", "'" + row.get(field) + "'"));
                    }
                }
                requireValid(resource, r, code, errors);
                insert.setString(1, code);
                insert.setString(2, input.name());
                insert.setString(3, input.nameEn());
                insert.setString(4, input.unit());
                insert.setInt(5, input.decimals());
                insert.setString(6, input.direction());
                insert.setString(7, input.level());
                insert.setArray(8, c.createArrayOf("varchar", input.stages().toArray()));
                insert.setString(9, input.aggregation());
                insert.setString(10, input.definition());
                insert.setString(11, input.source());
                setNumber(insert, 12, input.minValue());
                setNumber(insert, 13, input.maxValue());
                insert.executeUpdate();
                journal.created(IndicatorService.RESOURCE_TYPE, code, input);
            }
        }
        return rows.size();
    }

    public static int loadStandards(Connection c, String resource, ObjectMapper json) throws SQLException, IOException {
        SeedJournal journal = new SeedJournal(c, json);
        Map<String, Indicator> catalog = catalog(c);
        List<Standard> loaded = new ArrayList<>();
        List<Map<String, String>> rows = readCsv(resource);
        try (PreparedStatement insert = c.prepareStatement("""
                insert into standard (id, indicator_code, jurisdiction, stages, comparator, value, value_high,
                                      from_year, to_year, source, verified)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (int r = 0; r < rows.size(); r++) {
                Map<String, String> row = rows.get(r);
                StandardInput input = new StandardInput(row.get("indicator_code"), row.get("jurisdiction"),
                        stages(row.get("stage")), row.get("comparator"), number(row.get("value")),
                        number(row.get("value_high")), Integer.valueOf(row.get("from_year")),
                        blankToNull(row.get("to_year")) == null ? null : Integer.valueOf(row.get("to_year")),
                        row.get("source"), blankToNull(row.get("verified")), null).normalized();
                List<FieldError> errors = new ArrayList<>(StandardRules.check(input, catalog.get(input.indicator())));
                unknownStages(stages(row.get("stage")), errors);
                if (!Vocabulary.COMPARATORS.contains(input.comparator())) {
                    errors.add(new FieldError("/comparator", "unknown_value", "'" + input.comparator() + "'"));
                }
                if (!input.jurisdiction().matches(Vocabulary.JURISDICTION_PATTERN)) {
                    errors.add(new FieldError("/jurisdiction", "invalid_format", "'" + input.jurisdiction() + "'"));
                }
                for (Standard other : loaded) {
                    if (StandardRules.overlaps(input, other)) {
                        errors.add(new FieldError("", "overlap", "overlaps the standard of " + other.indicatorCode
                                + " in " + other.jurisdiction + " from " + other.fromYear));
                    }
                }
                requireValid(resource, r, input.indicator(), errors);
                Standard standard = new Standard();
                standard.id = seedId(input);
                standard.indicatorCode = input.indicator();
                standard.jurisdiction = input.jurisdiction();
                standard.stages = input.stages();
                standard.fromYear = input.fromYear();
                standard.toYear = input.toYear();
                loaded.add(standard);

                insert.setObject(1, standard.id);
                insert.setString(2, input.indicator());
                insert.setString(3, input.jurisdiction());
                insert.setArray(4, c.createArrayOf("varchar", input.stages().toArray()));
                insert.setString(5, input.comparator());
                setNumber(insert, 6, input.value());
                setNumber(insert, 7, input.valueHigh());
                insert.setInt(8, input.fromYear());
                if (input.toYear() == null) {
                    insert.setNull(9, Types.INTEGER);
                } else {
                    insert.setInt(9, input.toYear());
                }
                insert.setString(10, input.source());
                insert.setString(11, input.verified());
                insert.executeUpdate();
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("id", standard.id);
                after.putAll(json.convertValue(input, Map.class));
                journal.created(StandardService.RESOURCE_TYPE, standard.id.toString(), after);
            }
        }
        return rows.size();
    }

    /** A stable id for a seeded standard, the same in every installation. */
    static UUID seedId(StandardInput in) {
        return UUID.nameUUIDFromBytes(("dengta:standard:" + in.indicator() + "|" + in.jurisdiction() + "|"
                + String.join("+", in.stages()) + "|" + in.fromYear()).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Indicator> catalog(Connection c) throws SQLException {
        Map<String, Indicator> catalog = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "select code, unit, stages, min_value, max_value, direction from indicator");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Indicator i = new Indicator();
                i.code = rs.getString(1);
                i.unit = rs.getString(2);
                Array stages = rs.getArray(3);
                i.stages = Arrays.asList((String[]) stages.getArray());
                i.minValue = rs.getBigDecimal(4);
                i.maxValue = rs.getBigDecimal(5);
                i.direction = rs.getString(6);
                catalog.put(i.code, i);
            }
        }
        return catalog;
    }

    private static void unknownStages(List<String> stages, List<FieldError> errors) {
        for (String stage : stages) {
            if (!Vocabulary.STAGES.contains(stage)) {
                errors.add(new FieldError("/stages", "unknown_value", "unknown stage '" + stage + "'"));
            }
        }
    }

    private static List<String> vocabulary(String field) {
        return switch (field) {
            case "unit" -> Vocabulary.UNITS;
            case "direction" -> Vocabulary.DIRECTIONS;
            case "level" -> Vocabulary.LEVELS;
            default -> Vocabulary.AGGREGATIONS;
        };
    }

    private static void requireValid(String resource, int row, String key, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new IllegalStateException(resource + " row " + (row + 2) + " (" + key + ") is not valid: "
                    + errors.stream().map(e -> e.pointer() + " " + e.code() + " " + e.message()).toList());
        }
    }

    private static List<Map<String, String>> readCsv(String resource) throws IOException {
        try (InputStream csv = CatalogSeeds.class.getClassLoader().getResourceAsStream(resource)) {
            if (csv == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader()).readValues(csv);
            return it.readAll();
        }
    }

    /** {@code primary|junior} → [primary, junior]; blank → every stage. */
    private static List<String> stages(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value.split("\\|"));
    }

    private static BigDecimal number(String value) {
        return value == null || value.isBlank() ? null : new BigDecimal(value.trim());
    }

    private static void setNumber(PreparedStatement s, int index, BigDecimal value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.NUMERIC);
        } else {
            s.setBigDecimal(index, value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
