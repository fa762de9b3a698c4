package io.dengta.schools.statistics;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.dengta.commons.requestid.RequestIdClientFilter;

/**
 * indicators-service's import API (config key {@code indicators-api}): the caller's bearer token and the request's
 * {@code X-Request-Id} go along, so indicators-service applies the caller's own rights and logs under the same id.
 */
@RegisterRestClient(configKey = "indicators-api")
@RegisterProvider(RequestIdClientFilter.class)
@Path("/indicators/v1")
public interface IndicatorsClient {

    @POST
    @Path("/imports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response importObservations(@HeaderParam("Authorization") String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey, ObservationImport body);
}
