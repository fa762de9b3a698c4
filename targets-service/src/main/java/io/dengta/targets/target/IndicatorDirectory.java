package io.dengta.targets.target;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.jboss.logging.Logger;

/** Checks indicator codes against indicators-service; never throws for an outage, answers {@code Unavailable}. */
@ApplicationScoped
public class IndicatorDirectory {

    private static final Logger LOG = Logger.getLogger(IndicatorDirectory.class);

    private final IndicatorsFetcher fetcher;

    public IndicatorDirectory(IndicatorsFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** @param authorization the bearer token to ask with (the caller's), or null */
    public IndicatorCheck check(String authorization, String code) {
        try {
            return fetcher.fetch(authorization, code);
        } catch (CircuitBreakerOpenException e) {
            return new IndicatorCheck.Unavailable("indicators-service is failing; its circuit is open");
        } catch (IndicatorsUnavailableException e) {
            return new IndicatorCheck.Unavailable(e.getMessage());
        } catch (FaultToleranceException e) {
            return new IndicatorCheck.Unavailable("indicators-service did not answer in time");
        } catch (RuntimeException e) {
            LOG.warnf("indicator %s could not be checked: %s", code, e.toString());
            return new IndicatorCheck.Unavailable("indicators-service's answer could not be read");
        }
    }
}
