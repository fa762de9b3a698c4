package io.dengta.commons.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class ImportMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ImportMeters meters = new ImportMeters(registry);

    @Test
    void appliedImportCountsItsRowsByOutcomeAndItselfByStatus() {
        meters.start("observation").finished(report("applied", false, 3, 2, 1, 4));

        assertEquals(1, registry.get("dengta.imports").tags("feed", "observation", "status", "applied").counter().count());
        assertEquals(3, rows("observation", "created"));
        assertEquals(2, rows("observation", "updated"));
        assertEquals(1, rows("observation", "unchanged"));
        assertEquals(4, rows("observation", "rejected"));
        assertEquals(1, registry.get("dengta.import.duration").tags("feed", "observation", "status", "applied").timer().count());
    }

    @Test
    void rejectedAtomicImportIsCountedAsRejected() {
        meters.start("school").finished(report("rejected", false, 0, 0, 0, 2));

        assertEquals(1, registry.get("dengta.imports").tags("feed", "school", "status", "rejected").counter().count());
        assertEquals(2, rows("school", "rejected"));
    }

    @Test
    void dryRunCountsTheImportButNoRows() {
        meters.start("teacher").finished(report("dry-run", true, 5, 0, 0, 0));

        assertEquals(1, registry.get("dengta.imports").tags("feed", "teacher", "status", "dry-run").counter().count());
        assertNull(registry.find("dengta.import.rows").tags("feed", "teacher").counter());
    }

    @Test
    void importThatThrowsIsCountedAsFailed() {
        meters.start("assignment").failed();

        assertEquals(1, registry.get("dengta.imports").tags("feed", "assignment", "status", "failed").counter().count());
        assertEquals(1, registry.get("dengta.import.duration").tags("feed", "assignment", "status", "failed").timer().count());
    }

    private double rows(String feed, String outcome) {
        return registry.get("dengta.import.rows").tags("feed", feed, "outcome", outcome).counter().count();
    }

    private static ImportReport report(String status, boolean dryRun, long created, long updated, long unchanged, long rejected) {
        return new ImportReport("x", "atomic", dryRun, status, created + updated + unchanged + rejected, created, updated,
                unchanged, rejected, List.of(), false);
    }
}
