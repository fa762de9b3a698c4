package io.dengta.targets.source;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The guarded calls to the other services. Reads are safe to repeat: an attempt that finds a service down
 * (connection refused, 5xx, 429) is retried twice with a growing, jittered delay; each attempt is bounded by a
 * timeout; a service that keeps failing opens its circuit for 30 seconds, during which calls fail at once (the
 * progress answer is then the last known one, marked stale). A 4xx answer is final.
 */
@ApplicationScoped
public class UpstreamReader {

    private final IndicatorsApi indicators;
    private final SchoolsApi schools;

    public UpstreamReader(@RestClient IndicatorsApi indicators, @RestClient SchoolsApi schools) {
        this.indicators = indicators;
        this.schools = schools;
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = SourceDownException.class, abortOn = TimeoutException.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS,
            failOn = { SourceDownException.class, TimeoutException.class })
    public IndicatorsApi.Series series(String authorization, String unit, String indicator, String stage) {
        try {
            return indicators.series(authorization, unit, indicator, stage);
        } catch (WebApplicationException e) {
            throw failure("indicators-service", e);
        } catch (ProcessingException e) {
            throw new SourceDownException("indicators-service could not be reached");
        }
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = SourceDownException.class, abortOn = TimeoutException.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS,
            failOn = { SourceDownException.class, TimeoutException.class })
    public IndicatorsApi.Changes changes(String authorization, long after, int limit) {
        try {
            return indicators.changes(authorization, after, limit, "observation");
        } catch (WebApplicationException e) {
            throw failure("indicators-service", e);
        } catch (ProcessingException e) {
            throw new SourceDownException("indicators-service could not be reached");
        }
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = SourceDownException.class, abortOn = TimeoutException.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS,
            failOn = { SourceDownException.class, TimeoutException.class })
    public SchoolsApi.RegionStatistics regionStatistics(String authorization, String region, String schoolYear, String stage) {
        try {
            return schools.regionStatistics(authorization, region, schoolYear, stage);
        } catch (WebApplicationException e) {
            throw failure("schools-service", e);
        } catch (ProcessingException e) {
            throw new SourceDownException("schools-service could not be reached");
        }
    }

    private static SourceUnavailableException failure(String service, WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500 || status == 429) {
            return new SourceDownException(service + " answered " + status);
        }
        return new SourceUnavailableException(service + " refused the read (" + status + ")");
    }
}
