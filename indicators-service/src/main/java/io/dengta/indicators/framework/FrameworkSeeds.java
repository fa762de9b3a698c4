package io.dengta.indicators.framework;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dengta.commons.problem.FieldError;
import io.dengta.indicators.framework.FrameworkVersionInput.Item;
import io.dengta.indicators.journal.SeedJournal;

/**
 * Loads the seeded frameworks ({@code reference-data/frameworks.json}: each framework as a {@link FrameworkInput}
 * with its versions as {@link FrameworkVersionInput}s) through the rules the API applies.
 */
public final class FrameworkSeeds {

    /** One framework of the seed file. */
    public record Seed(String code, FrameworkInput framework, List<FrameworkVersionInput> versions) {
    }

    private FrameworkSeeds() {
    }

    public static int load(Connection c, String resource, ObjectMapper json) throws SQLException, IOException {
        List<Seed> seeds;
        try (InputStream in = FrameworkSeeds.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            seeds = json.readValue(in, new TypeReference<List<Seed>>() {
            });
        }
        Map<String, String> directions = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("select code, direction from indicator");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                directions.put(rs.getString(1), rs.getString(2));
            }
        }
        SeedJournal journal = new SeedJournal(c, json);
        for (Seed seed : seeds) {
            if (!seed.code().matches(FrameworkService.CODE_PATTERN)) {
                throw new IllegalStateException(resource + ": '" + seed.code() + "' is not a framework code");
            }
            FrameworkInput f = seed.framework().withCode(seed.code());
            try (PreparedStatement s = c.prepareStatement("""
                    insert into framework (code, name, name_en, description, jurisdiction, source)
                    values (?, ?, ?, ?, ?, ?)""")) {
                s.setString(1, f.code());
                s.setString(2, f.name());
                s.setString(3, f.nameEn());
                s.setString(4, f.description());
                s.setString(5, f.jurisdiction());
                s.setString(6, f.source());
                s.executeUpdate();
            }
            journal.created(FrameworkService.RESOURCE_TYPE, f.code(), f);
            for (FrameworkVersionInput version : seed.versions()) {
                int year = version.effectiveFromYear();
                FrameworkVersionInput normalized = version.normalized(year);
                List<FieldError> errors = new ArrayList<>(FrameworkRules.check(normalized, directions));
                if (!errors.isEmpty()) {
                    throw new IllegalStateException(resource + ": version " + year + " of " + seed.code()
                            + " is not valid: " + errors.stream()
                                    .map(e -> e.pointer() + " " + e.code() + " " + e.message()).toList());
                }
                UUID id = UUID.nameUUIDFromBytes(("dengta:framework-version:" + seed.code() + "/" + year)
                        .getBytes(StandardCharsets.UTF_8));
                try (PreparedStatement s = c.prepareStatement("""
                        insert into framework_version (id, framework_code, effective_from_year, source, note,
                                                       dimensions, total_weight)
                        values (?, ?, ?, ?, ?, cast(? as jsonb), 100)""")) {
                    s.setObject(1, id);
                    s.setString(2, seed.code());
                    s.setInt(3, year);
                    s.setString(4, normalized.source());
                    s.setString(5, normalized.note());
                    s.setString(6, json.writeValueAsString(normalized.dimensions()));
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("""
                        insert into framework_indicator (version_id, indicator_code, weight, illustrative_weight)
                        values (?, ?, ?, ?)""")) {
                    for (Item leaf : FrameworkRules.leaves(normalized.dimensions())) {
                        s.setObject(1, id);
                        s.setString(2, leaf.indicator());
                        s.setBigDecimal(3, leaf.weight());
                        s.setBoolean(4, leaf.illustrativeWeight());
                        s.executeUpdate();
                    }
                }
                journal.created(FrameworkService.VERSION_RESOURCE_TYPE, seed.code() + "/" + year, normalized);
            }
        }
        return seeds.size();
    }
}
