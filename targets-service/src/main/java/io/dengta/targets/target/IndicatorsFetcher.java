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

/**
 * Reads one indicator from indicators-service. A read is safe to repeat: failures that say "down" (unreachable,
 * 5xx, 429, timeout) are retried twice with a short backoff; a service that keeps failing opens the circuit for
 * 10 seconds, so writes are answered at once (as unverified) instead of waiting.
 */
@ApplicationScoped
public class IndicatorsFetcher {

    private final IndicatorsClient client;

    public IndicatorsFetcher(@RestClient IndicatorsClient client) {
        this.client = client;
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = { IndicatorsUnavailableException.class, TimeoutException.class })
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            failOn = { IndicatorsUnavailableException.class, TimeoutException.class })
    public IndicatorCheck fetch(String authorization, String code) {
        try (Response response = call(authorization, code)) {
            int status = response.getStatus();
            if (status == 404) {
                return new IndicatorCheck.Unknown(code);
            }
            if (status >= 400) {
                // 401/403 too: the catalog could not be asked on the caller's behalf; it is not an answer about the code
                throw new IndicatorsUnavailableException("indicators-service answered " + status);
            }
            JsonNode indicator = response.readEntity(JsonNode.class);
            return new IndicatorCheck.Known(code, text(indicator, "direction"), text(indicator, "unit"));
        }
    }

    private Response call(String authorization, String code) {
        try {
            return client.get(authorization, code);
        } catch (WebApplicationException e) {
            return e.getResponse();
        } catch (ProcessingException e) {
            throw new IndicatorsUnavailableException("indicators-service could not be reached");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
