package io.dengta.commons.testapp;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** REST client of the test application calling itself, built programmatically in {@link RequestIdResource}. */
public interface RequestIdClient {

    @GET
    @Path("/test/v1/request-id")
    @Produces(MediaType.APPLICATION_JSON)
    Map<String, String> seen();
}
