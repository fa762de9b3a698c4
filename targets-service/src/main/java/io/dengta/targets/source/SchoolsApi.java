package io.dengta.targets.source;

import java.math.BigDecimal;
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

/** schools-service's registry statistics (config key {@code schools-api}), read with the caller's token. */
@RegisterRestClient(configKey = "schools-api")
@RegisterProvider(RequestIdClientFilter.class)
@Path("/schools/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface SchoolsApi {

    @GET
    @Path("/statistics")
    RegionStatistics regionStatistics(@HeaderParam("Authorization") String authorization,
            @QueryParam("region") String region, @QueryParam("schoolYear") String schoolYear, @QueryParam("stage") String stage);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RegionStatistics(String region, String schoolYear, int schools, List<Statistic> statistics) {
    }

    /** {@code numerator} is the count for count statistics (seats added); {@code value} the ratio otherwise. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Statistic(String statistic, String indicator, String stage, BigDecimal numerator, BigDecimal denominator,
            BigDecimal value, String unit) {
    }
}
