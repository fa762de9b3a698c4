package io.dengta.commons.testapp;

import java.util.HashMap;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.MDC;

import io.dengta.commons.requestid.RequestIds;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/** Shows the request id a resource sees, and the one a downstream call receives. */
@Path("/test/v1/request-id")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class RequestIdResource {

    @GET
    public Map<String, String> seen(@HeaderParam(RequestIds.HEADER) String header) {
        Map<String, String> seen = new HashMap<>();
        seen.put("header", header);
        Object mdc = MDC.get(RequestIds.MDC_KEY);
        seen.put("mdc", mdc == null ? null : mdc.toString());
        return seen;
    }

    /** Calls {@link #seen} through a REST client: RequestIdClientFilter must pass the id on. */
    @GET
    @Path("/downstream")
    public Map<String, String> downstream(@Context UriInfo uriInfo) {
        RequestIdClient client = QuarkusRestClientBuilder.newBuilder().baseUri(uriInfo.getBaseUri())
                .build(RequestIdClient.class);
        return client.seen();
    }
}
