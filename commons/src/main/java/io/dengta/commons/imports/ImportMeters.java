package io.dengta.commons.imports;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Business meters of every import, by feed (the imported resource type): {@code dengta_imports_total{feed,status}}
 * (status applied, rejected, dry-run or failed), {@code dengta_import_rows_total{feed,outcome}} (outcome created,
 * updated, unchanged or rejected; dry runs not counted) and {@code dengta_import_duration_seconds{feed,status}}.
 * The alerts in deploy/components/prometheus-operator use them.
 */
@ApplicationScoped
public class ImportMeters {

    private final MeterRegistry registry;

    public ImportMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    Timing start(String feed) {
        return new Timing(feed, Timer.start(registry));
    }

    /** One import being timed. */
    final class Timing {
        private final String feed;
        private final Timer.Sample sample;

        private Timing(String feed, Timer.Sample sample) {
            this.feed = feed;
            this.sample = sample;
        }

        void finished(ImportReport report) {
            end(report.status());
            if (!report.dryRun()) {
                rows("created", report.created());
                rows("updated", report.updated());
                rows("unchanged", report.unchanged());
                rows("rejected", report.rejected());
            }
        }

        void failed() {
            end("failed");
        }

        private void end(String status) {
            sample.stop(Timer.builder("dengta.import.duration").description("Time an import took, by feed and outcome")
                    .tag("feed", feed).tag("status", status).register(registry));
            Counter.builder("dengta.imports").description("Imports run, by feed and outcome")
                    .tag("feed", feed).tag("status", status).register(registry).increment();
        }

        private void rows(String outcome, long count) {
            Counter.builder("dengta.import.rows").description("Import rows, by feed and what became of them")
                    .tag("feed", feed).tag("outcome", outcome).register(registry).increment(count);
        }
    }
}
