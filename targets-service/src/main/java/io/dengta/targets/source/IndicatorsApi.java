package io.dengta.targets.source;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.dengta.commons.requestid.RequestIdClientFilter;

/**
 * indicators-service's reads (config key {@code indicators-reads}): observation series and the change feed. The
 * bearer token is passed per call, so indicators-service applies that caller's own rights.
 */
@RegisterRestClient(configKey = "indicators-reads")
@RegisterProvider(RequestIdClientFilter.class)
@Path("/indicators/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface IndicatorsApi {

    @GET
    @Path("/series")
    Series series(@HeaderParam("Authorization") String authorization, @QueryParam("unit") String unit,
            @QueryParam("indicators") String indicators, @QueryParam("stage") String stage);

    @GET
    @Path("/changes")
    Changes changes(@HeaderParam("Authorization") String authorization, @QueryParam("after") long after,
            @QueryParam("limit") int limit, @QueryParam("resourceType") String resourceType);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Series(String unit, List<IndicatorSeries> series) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record IndicatorSeries(String indicator, String stage, List<Point> points) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Point(String period, BigDecimal value, String status, OffsetDateTime updatedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Changes(List<Change> items, long next) {
    }

    /** An observation's key is {@code indicator/unit/period} with {@code ?stage=…} for a stage. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Change(long sequence, String resourceType, String key, String operation, String region) {
    }
}
