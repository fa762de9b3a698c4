package io.dengta.schools.statistics;

import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sends observations to indicators-service. A publish carries an Idempotency-Key, so retrying after a lost answer is
 * safe: attempts that find the service down (connection refused, 5xx, 429) are retried twice. An attempt that
 * times out is not (the import may still be running there, and the same key would only meet it); a service that
 * keeps failing or timing out opens the circuit for 30 seconds (callers get 503 at once instead of waiting). A 4xx
 * answer is final.
 */
@ApplicationScoped
public class IndicatorsPublisher {

    private static final Pattern SECONDS = Pattern.compile("\\d{1,6}");

    /** What indicators-service answered to an import. */
    record Outcome(int status, boolean replayed, JsonNode report) {
    }

    private final IndicatorsClient client;
    private final ObjectMapper json;

    public IndicatorsPublisher(@RestClient IndicatorsClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = IndicatorsUnavailableException.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS,
            failOn = { IndicatorsUnavailableException.class, TimeoutException.class })
    public Outcome send(String authorization, String idempotencyKey, ObservationImport body) {
        try (Response response = call(authorization, idempotencyKey, body)) {
            int status = response.getStatus();
            if (status >= 500 || status == 429) {
                String retryAfter = response.getHeaderString("Retry-After");
                throw new IndicatorsUnavailableException("indicators-service answered " + status,
                        retryAfter != null && SECONDS.matcher(retryAfter.trim()).matches() ? retryAfter.trim() : null);
            }
            String text = response.hasEntity() ? response.readEntity(String.class) : null;
            if (status >= 400) {
                throw new IndicatorsRefusedException(status, text);
            }
            return new Outcome(status, "true".equalsIgnoreCase(response.getHeaderString("Idempotent-Replayed")),
                    parse(text));
        }
    }

    /** The answer, also when it is an error status (the client's default mapper throws those). */
    private Response call(String authorization, String idempotencyKey, ObservationImport body) {
        try {
            return client.importObservations(authorization, idempotencyKey, body);
        } catch (WebApplicationException e) {
            return e.getResponse();
        } catch (ProcessingException e) {
            throw new IndicatorsUnavailableException("indicators-service could not be reached", null);
        }
    }

    private JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(text);
        }
    }
}
