package io.dengta.schools.region;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dengta.commons.etag.ETags;
import io.dengta.commons.paging.Page;
import io.dengta.commons.paging.PageRequest;
import io.dengta.commons.paging.QueryParams;
import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.security.RegionCodes;
import io.dengta.commons.security.Roles;
import io.quarkus.security.Authenticated;

@Path("/schools/v1/regions")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Regions", description = "Administrative regions (GB/T 2260): public reference data, readable by every caller")
public class RegionResource {

    private static final Pattern CODE = Pattern.compile("\\d{6}");
    private static final String CODE_EXPECTED = "a 6-digit region code";

    private final RegionService regions;

    public RegionResource(RegionService regions) {
        this.regions = regions;
    }

    @GET
    @Operation(operationId = "listRegions", summary = "List regions",
            description = "Filters combine with AND. Sortable by code, name, level, updatedAt.")
    public Page<RegionView> list(
            @Parameter(description = "province, city or district") @QueryParam("level") String level,
            @Parameter(description = "Only the direct children of this region") @QueryParam("parent") String parent,
            @Parameter(description = "Only regions changed at or after this instant") @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "Page size, 1 to 1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` value of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "e.g. `name,-updatedAt`") @QueryParam("sort") String sort,
            @Parameter(description = "Add the total count (costs a query)") @QueryParam("includeTotal") String includeTotal) {
        RegionService.Filter filter = new RegionService.Filter(
                QueryParams.oneOf("level", level, List.of("province", "city", "district")),
                QueryParams.matching("parent", parent, CODE, CODE_EXPECTED),
                QueryParams.instant("updatedSince", updatedSince));
        return regions.list(filter, PageRequest.of(limit, cursor, sort, includeTotal, RegionService.SORTABLE, "code"));
    }

    @GET
    @Path("/{regionCode}")
    @Operation(operationId = "getRegion", summary = "Get a region with its children")
    public Response get(@PathParam("regionCode") String regionCode, @Context Request request) {
        requireCode(regionCode);
        RegionView region = regions.find(regionCode)
                .orElseThrow(() -> ProblemException.notFound("Region " + regionCode + " not found"));
        return ETags.read(request, region, region.version());
    }

    @PUT
    @Path("/{regionCode}")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(operationId = "putRegion", summary = "Create or replace a region",
            description = "201 when created, 200 when replaced. Send If-Match with the ETag you read to avoid overwriting a newer version.")
    public Response put(@PathParam("regionCode") String regionCode,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull RegionInput body) {
        requireCode(regionCode);
        RegionService.PutResult result = regions.put(regionCode, body, ifMatch);
        return ETags.written(result.created(), "/schools/v1/regions/" + regionCode, result.region(), result.region().version());
    }

    private static void requireCode(String code) {
        if (!RegionCodes.isValid(code)) {
            throw ProblemException.invalid("regionCode", "invalid_format", "'" + code + "' is not " + CODE_EXPECTED);
        }
    }
}
