package io.dengta.indicators.framework;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dengta.commons.problem.FieldError;
import io.dengta.indicators.framework.FrameworkVersionInput.Dimension;
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
        List<Seed> seeds = read(resource, json);
        Map<String, String> directions = new HashMap<>();
        Map<String, List<String>> stages = new HashMap<>();
        catalog(c, directions, stages);
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
                List<FieldError> errors = new ArrayList<>(FrameworkRules.check(normalized, directions, stages));
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

    /**
     * Brings the stage pins of the seed file's leaves into the stored seeded versions (for installations whose
     * versions were seeded before leaves could pin a stage): a stored leaf of the same indicator that pins no stage
     * takes the seed's stage and note; everything else of the stored version (an administrator's edits included)
     * is kept. The version is checked by the API's rules, its ETag changes and the change is journalled.
     *
     * @return the number of versions changed
     */
    public static int pinStages(Connection c, String resource, ObjectMapper json) throws SQLException, IOException {
        Map<String, String> directions = new HashMap<>();
        Map<String, List<String>> stages = new HashMap<>();
        catalog(c, directions, stages);
        SeedJournal journal = new SeedJournal(c, json);
        int changed = 0;
        for (Seed seed : read(resource, json)) {
            for (FrameworkVersionInput version : seed.versions()) {
                int year = version.effectiveFromYear();
                Map<String, Item> pinned = new HashMap<>();
                for (Item leaf : FrameworkRules.leaves(version.normalized(year).dimensions())) {
                    if (leaf.stage() != null) {
                        pinned.put(leaf.indicator(), leaf);
                    }
                }
                if (pinned.isEmpty()) {
                    continue;
                }
                String source;
                String note;
                String stored;
                try (PreparedStatement s = c.prepareStatement("""
                        select source, note, dimensions::text from framework_version
                        where framework_code = ? and effective_from_year = ?""")) {
                    s.setString(1, seed.code());
                    s.setInt(2, year);
                    try (ResultSet rs = s.executeQuery()) {
                        if (!rs.next()) {
                            continue; // deleted by an administrator: nothing to pin
                        }
                        source = rs.getString(1);
                        note = rs.getString(2);
                        stored = rs.getString(3);
                    }
                }
                List<Dimension> before = json.readValue(stored, new TypeReference<List<Dimension>>() {
                });
                List<Dimension> after = pin(before, pinned);
                if (after.equals(before)) {
                    continue;
                }
                FrameworkVersionInput updated = new FrameworkVersionInput(year, source, note, after);
                List<FieldError> errors = FrameworkRules.check(updated, directions, stages);
                if (!errors.isEmpty()) {
                    throw new IllegalStateException(resource + ": pinning the stages of version " + year + " of "
                            + seed.code() + " makes it invalid: " + errors.stream()
                                    .map(e -> e.pointer() + " " + e.code() + " " + e.message()).toList());
                }
                try (PreparedStatement s = c.prepareStatement("""
                        update framework_version set dimensions = cast(? as jsonb), version = version + 1,
                                                     updated_at = now()
                        where framework_code = ? and effective_from_year = ?""")) {
                    s.setString(1, json.writeValueAsString(after));
                    s.setString(2, seed.code());
                    s.setInt(3, year);
                    s.executeUpdate();
                }
                journal.updated(FrameworkService.VERSION_RESOURCE_TYPE, seed.code() + "/" + year,
                        new FrameworkVersionInput(year, source, note, before), updated);
                changed++;
            }
        }
        return changed;
    }

    private static List<Dimension> pin(List<Dimension> dimensions, Map<String, Item> pinned) {
        return dimensions.stream().map(d -> new Dimension(d.code(), d.name(), d.nameEn(), pin(d.dimensions(), pinned),
                d.indicators().stream().map(i -> {
                    Item seed = pinned.get(i.indicator());
                    return seed == null || i.stage() != null ? i
                            : new Item(i.indicator(), i.weight(), i.scoring(), i.target(), i.useStandard(), i.band(),
                                    i.illustrativeWeight(), seed.note(), seed.stage());
                }).toList())).toList();
    }

    private static List<Seed> read(String resource, ObjectMapper json) throws IOException {
        try (InputStream in = FrameworkSeeds.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return json.readValue(in, new TypeReference<List<Seed>>() {
            });
        }
    }

    private static void catalog(Connection c, Map<String, String> directions, Map<String, List<String>> stages)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select code, direction, stages from indicator");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                directions.put(rs.getString(1), rs.getString(2));
                Array array = rs.getArray(3);
                stages.put(rs.getString(1), array == null ? List.of() : Arrays.asList((String[]) array.getArray()));
            }
        }
    }
}
