package io.dengta.indicators.catalog;

import java.net.URI;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dengta.commons.etag.ETags;
import io.dengta.commons.idempotency.Idempotency;
import io.dengta.commons.paging.Page;
import io.dengta.commons.paging.PageRequest;
import io.dengta.commons.paging.QueryParams;
import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.security.Roles;
import io.quarkus.security.Authenticated;

@Path("/indicators/v1/standards")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Standards", description = "Thresholds per indicator, jurisdiction (000000 = national), stage and years; "
        + "public reference data every caller reads, catalog admins maintain")
public class StandardResource {

    static final Pattern JURISDICTION = Pattern.compile(Vocabulary.JURISDICTION_PATTERN);
    private static final Pattern UUID_FORMAT = Pattern
            .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** What identifies a create request for Idempotency-Key: the operation and the body. */
    record CreateRequest(String operation, StandardInput body) {
    }

    private final StandardService standards;
    private final Idempotency idempotency;

    public StandardResource(StandardService standards, Idempotency idempotency) {
        this.standards = standards;
        this.idempotency = idempotency;
    }

    @GET
    @Operation(operationId = "listStandards", summary = "List standards",
            description = "Filters combine with AND. `stage` also lists standards for every stage; `year` lists the "
                    + "standards in force that year. Sortable by indicator, jurisdiction, fromYear, updatedAt, id "
                    + "(default indicator). For the one standard that applies to a region use "
                    + "`GET /indicators/v1/indicators/{indicatorCode}/standards`.")
    public Page<StandardView> list(
            @Parameter(description = "Indicator code") @QueryParam("indicator") String indicator,
            @Parameter(description = "Exactly this jurisdiction (000000 = national)") @QueryParam("jurisdiction") String jurisdiction,
            @Parameter(description = "kindergarten, primary, junior, senior, vocational, special") @QueryParam("stage") String stage,
            @Parameter(description = "In force in this year") @QueryParam("year") String year,
            @Parameter(description = "official, secondary-sources, unverified") @QueryParam("verified") String verified,
            @Parameter(description = "Only standards changed at or after this instant") @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "Page size, 1 to 1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` value of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "e.g. `indicator,-fromYear`") @QueryParam("sort") String sort,
            @Parameter(description = "Add the total count (costs a query)") @QueryParam("includeTotal") String includeTotal) {
        StandardService.Filter filter = new StandardService.Filter(
                QueryParams.matching("indicator", indicator, IndicatorResource.INDICATOR_CODE, "an indicator code"),
                QueryParams.matching("jurisdiction", jurisdiction, JURISDICTION,
                        "000000 (national) or a 6-digit region code"),
                QueryParams.oneOf("stage", stage, Vocabulary.STAGES),
                year(year, false),
                QueryParams.oneOf("verified", verified, Vocabulary.VERIFIED),
                QueryParams.instant("updatedSince", updatedSince));
        return standards.list(filter,
                PageRequest.of(limit, cursor, sort, includeTotal, StandardService.SORTABLE, "indicator"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.CATALOG_ADMIN })
    @Operation(operationId = "createStandard", summary = "Create a standard",
            description = "201 with Location. Only one standard per indicator, jurisdiction and stage may be in force in "
                    + "a year: a standard whose years and stages overlap another's of the same indicator and "
                    + "jurisdiction is a 409 conflict naming that standard (end it with a toYear first). With "
                    + "Idempotency-Key, a retry with the same body answers the first response again (header "
                    + "Idempotent-Replayed: true).")
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StandardView.class)))
    @APIResponse(responseCode = "409", description = "Overlaps another standard of the indicator and jurisdiction",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response create(
            @Parameter(description = "Makes a retried create safe: same key and body, same answer") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull StandardInput body) {
        return idempotency.execute(idempotencyKey, new CreateRequest("POST /indicators/v1/standards", body), () -> {
            StandardView created = standards.create(body);
            return Response.created(URI.create("/indicators/v1/standards/" + created.id()))
                    .entity(created).tag(ETags.of(created.version())).build();
        });
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getStandard", summary = "Get a standard")
    @APIResponse(responseCode = "200", description = "The standard; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StandardView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    public Response get(@PathParam("id") String id, @Context Request request) {
        StandardView standard = standards.get(uuid(id));
        return ETags.read(request, standard, standard.version());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.CATALOG_ADMIN })
    @Operation(operationId = "replaceStandard", summary = "Replace a standard",
            description = "Send If-Match with the ETag you read. The same rules as for a create, overlaps included.")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StandardView.class)))
    @APIResponse(responseCode = "409", description = "Overlaps another standard of the indicator and jurisdiction",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response replace(@PathParam("id") String id,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull StandardInput body) {
        StandardView standard = standards.replace(uuid(id), body, ifMatch);
        return Response.ok(standard).tag(ETags.of(standard.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.CATALOG_ADMIN })
    @Operation(operationId = "deleteStandard", summary = "Delete a standard",
            description = "For standards recorded by mistake; a standard that stops applying gets a toYear instead. "
                    + "The change feed reports the deletion as a tombstone.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch) {
        standards.delete(uuid(id), ifMatch);
        return Response.noContent().build();
    }

    /** A year from 1949 to 2100, or null when absent and not required. */
    static Integer year(String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ProblemException.invalid("year", "required", "name the year, e.g. 2024");
            }
            return null;
        }
        try {
            int year = Integer.parseInt(value.trim());
            if (year >= 1949 && year <= 2100) {
                return year;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid("year", "invalid_year", "'" + value + "' is not a year from 1949 to 2100");
    }

    private static UUID uuid(String id) {
        if (id == null || !UUID_FORMAT.matcher(id).matches()) {
            throw ProblemException.invalid("id", "invalid_format", "'" + id + "' is not a standard id (a UUID)");
        }
        return UUID.fromString(id);
    }
}
