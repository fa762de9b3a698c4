package io.dengta.targets.target;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.jboss.logging.Logger;

/** Confirms a school unit's region with schools-service; never throws for an outage, answers {@code Unavailable}. */
@ApplicationScoped
public class SchoolDirectory {

    private static final Logger LOG = Logger.getLogger(SchoolDirectory.class);

    private final SchoolsFetcher fetcher;

    public SchoolDirectory(SchoolsFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** @param authorization the bearer token to ask with (the caller's, or the service's on a re-check) */
    public SchoolCheck check(String authorization, String code) {
        try {
            return fetcher.fetch(authorization, code);
        } catch (CircuitBreakerOpenException e) {
            return new SchoolCheck.Unavailable("schools-service is failing; its circuit is open");
        } catch (IndicatorsUnavailableException e) {
            return new SchoolCheck.Unavailable(e.getMessage());
        } catch (FaultToleranceException e) {
            return new SchoolCheck.Unavailable("schools-service did not answer in time");
        } catch (RuntimeException e) {
            LOG.warnf("school %s could not be checked: %s", code, e.toString());
            return new SchoolCheck.Unavailable("schools-service's answer could not be read");
        }
    }
}
