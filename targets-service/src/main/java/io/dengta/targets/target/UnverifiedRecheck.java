package io.dengta.targets.target;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;

/**
 * Re-checks targets written as {@code unverified} (indicators-service or schools-service was down) on a schedule,
 * every {@code dengta.verification.recheck-every} (default 5m; {@code off} disables it, as in the tests), with the
 * service's own token ({@code dengta.sources.service-token}, the one the change-feed poller uses): each becomes
 * {@code verified} or {@code rejected} with the reason, or stays unverified while the upstream is still down. Every
 * replica runs it; a run claims its batch with a lease (SKIP LOCKED), so replicas never check the same target at once.
 * Counts {@code dengta_targets_rechecked_total{outcome}}.
 */
@ApplicationScoped
public class UnverifiedRecheck {

    private static final Logger LOG = Logger.getLogger(UnverifiedRecheck.class);

    private final TargetVerification verification;
    private final Optional<String> serviceToken;
    private final int batch;
    private final Duration lease;
    private final MeterRegistry registry;

    public UnverifiedRecheck(TargetVerification verification,
            @ConfigProperty(name = "dengta.sources.service-token") Optional<String> serviceToken,
            @ConfigProperty(name = "dengta.verification.recheck-batch", defaultValue = "100") int batch,
            @ConfigProperty(name = "dengta.verification.recheck-lease", defaultValue = "PT2M") Duration lease,
            MeterRegistry registry) {
        this.verification = verification;
        this.serviceToken = serviceToken;
        this.batch = batch;
        this.lease = lease;
        this.registry = registry;
    }

    @Scheduled(every = "${dengta.verification.recheck-every:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "unverified-recheck")
    void scheduled() {
        if (serviceToken.isEmpty()) {
            LOG.debug("no service token configured: unverified targets are re-checked only on POST /targets/recheck");
            return;
        }
        run("Bearer " + serviceToken.get());
    }

    /** One run: a claimed batch re-checked with {@code authorization}. */
    public TargetVerification.Report run(String authorization) {
        TargetVerification.Report report = verification.recheckClaimed(authorization, batch, lease);
        count("verified", report.verified());
        count("rejected", report.rejected());
        count("unverified", report.stillUnverified());
        if (report.checked() > 0) {
            LOG.infof("re-checked %d unverified targets: %d verified, %d rejected, %d still unverified", report.checked(),
                    report.verified(), report.rejected(), report.stillUnverified());
        }
        return report;
    }

    private void count(String outcome, int n) {
        registry.counter("dengta.targets.rechecked", "outcome", outcome).increment(n);
    }
}
