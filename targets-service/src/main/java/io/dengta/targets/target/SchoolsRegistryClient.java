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

/** schools-service's registry (config key {@code schools-api}): a school unit's region is confirmed there. */
@RegisterRestClient(configKey = "schools-api")
@RegisterProvider(RequestIdClientFilter.class)
@Path("/schools/v1/schools")
public interface SchoolsRegistryClient {

    @GET
    @Path("/{schoolCode}")
    @Produces(MediaType.APPLICATION_JSON)
    Response get(@HeaderParam("Authorization") String authorization, @PathParam("schoolCode") String schoolCode);
}
