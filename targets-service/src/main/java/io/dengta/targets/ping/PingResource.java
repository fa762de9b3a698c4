package io.dengta.targets.ping;

import java.time.Instant;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dengta.commons.security.CallerScope;
import io.quarkus.security.Authenticated;

/** A placeholder until the service's first feature lands: proves routing, authentication and conventions. */
@Path("/targets/v1/ping")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Service")
public class PingResource {

    public record Pong(String service, String subject, Instant at) {
    }

    private final CallerScope caller;

    public PingResource(CallerScope caller) {
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "pingTargets", summary = "Check that the service answers an authenticated caller")
    public Pong ping() {
        return new Pong("targets-service", caller.subject(), Instant.now());
    }
}
