package io.dengta.targets.target;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.dengta.commons.requestid.RequestIdClientFilter;

/**
 * indicators-service's catalog (config key {@code indicators-api}); the caller's bearer token and the request's
 * {@code X-Request-Id} go along.
 */
@RegisterRestClient(configKey = "indicators-api")
@RegisterProvider(RequestIdClientFilter.class)
@Path("/indicators/v1/indicators")
public interface IndicatorsClient {

    @GET
    @Path("/{indicatorCode}")
    @Produces(MediaType.APPLICATION_JSON)
    Response get(@HeaderParam("Authorization") String authorization, @PathParam("indicatorCode") String indicatorCode);
}
