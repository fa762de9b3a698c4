package io.dengta.targets.progress;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * targets-service's business meters: {@code dengta_progress_computation_seconds{trigger,outcome}} (one target's
 * progress computed from its sources; trigger read, recompute or feed; outcome computed or unavailable),
 * {@code dengta_progress_recomputed_total{trigger,outcome}} (targets recomputed and stored: unchanged, updated,
 * status-changed, unavailable), and the gauges {@code dengta_targets_stale} (targets whose stored progress is stale
 * because a source did not answer, plus targets left unverified because an upstream was down: the
 * DengtaStaleTargets alert) and {@code dengta_targets_unverified}. The gauges count in the database at each scrape,
 * so every replica reports the same figure.
 */
@ApplicationScoped
public class ProgressMeters {

    private static final Logger LOG = Logger.getLogger(ProgressMeters.class);
    static final String STALE_SQL = """
            select (select count(*) from target_progress where stale_since is not null)
                 + (select count(*) from target t where t.verification = 'unverified'
                    and not exists (select 1 from target_progress tp where tp.target_id = t.id and tp.stale_since is not null))""";
    static final String UNVERIFIED_SQL = "select count(*) from target where verification = 'unverified'";

    private final MeterRegistry registry;
    private final DataSource dataSource;

    public ProgressMeters(MeterRegistry registry, DataSource dataSource) {
        this.registry = registry;
        this.dataSource = dataSource;
        Gauge.builder("dengta.targets.stale", this, m -> m.count(STALE_SQL))
                .description("Targets whose progress is stale or whose verification waits for an upstream that was down")
                .strongReference(true).register(registry);
        Gauge.builder("dengta.targets.unverified", this, m -> m.count(UNVERIFIED_SQL))
                .description("Targets whose indicator or school could not be confirmed yet (an upstream was down)")
                .strongReference(true).register(registry);
    }

    /** Times one target's computation; {@code work} throws when a source cannot answer. */
    public <T> T timeComputation(String trigger, Supplier<T> work) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "unavailable";
        try {
            T result = work.get();
            outcome = "computed";
            return result;
        } finally {
            sample.stop(Timer.builder("dengta.progress.computation")
                    .description("Time to compute one target's progress from its sources")
                    .tag("trigger", trigger).tag("outcome", outcome).register(registry));
        }
    }

    public void recomputed(String trigger, String outcome) {
        Counter.builder("dengta.progress.recomputed").description("Targets recomputed and stored, by trigger and outcome")
                .tag("trigger", trigger).tag("outcome", outcome).register(registry).increment();
    }

    private double count(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getLong(1) : Double.NaN;
        } catch (SQLException e) {
            LOG.debugf("gauge not read: %s", e.getMessage());
            return Double.NaN;
        }
    }
}
