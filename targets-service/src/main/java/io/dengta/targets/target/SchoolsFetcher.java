package io.dengta.targets.target;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads one school from schools-service, with the same timeout, retries and circuit breaker as IndicatorsFetcher. */
@ApplicationScoped
public class SchoolsFetcher {

    private final SchoolsRegistryClient client;

    public SchoolsFetcher(@RestClient SchoolsRegistryClient client) {
        this.client = client;
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = { IndicatorsUnavailableException.class, TimeoutException.class })
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            failOn = { IndicatorsUnavailableException.class, TimeoutException.class })
    public SchoolCheck fetch(String authorization, String code) {
        try (Response response = call(authorization, code)) {
            int status = response.getStatus();
            if (status == 404) {
                return new SchoolCheck.Unknown(code);
            }
            if (status >= 400) {
                // 401/403 too: the registry could not be asked on the caller's behalf; not an answer about the school
                throw new IndicatorsUnavailableException("schools-service answered " + status);
            }
            JsonNode school = response.readEntity(JsonNode.class);
            JsonNode region = school == null ? null : school.get("region");
            if (region == null || region.isNull()) {
                throw new IndicatorsUnavailableException("schools-service's answer has no region");
            }
            return new SchoolCheck.Known(code, region.asText());
        }
    }

    private Response call(String authorization, String code) {
        try {
            return client.get(authorization, code);
        } catch (WebApplicationException e) {
            return e.getResponse();
        } catch (ProcessingException e) {
            throw new IndicatorsUnavailableException("schools-service could not be reached");
        }
    }
}
